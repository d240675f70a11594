package dev.eventscope.ui.importer;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.welcome.WelcomeView;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Asks for the journal (and, for a new ledger, where to save it), then shows the import dialog. */
public final class ImportLauncher {

    private final LedgerSessions sessions;
    private final TaskExecutor executor;
    private final Window owner;
    private final Consumer<Path> openLedger;
    private ImportViewModel lastStarted;

    public ImportLauncher(LedgerSessions sessions, TaskExecutor executor, Window owner, Consumer<Path> openLedger) {
        this.sessions = sessions;
        this.executor = executor;
        this.owner = owner;
        this.openLedger = openLedger;
    }

    /** Into the open ledger, in one transaction; refused for an auditor. */
    public void importIntoOpenLedger(LedgerSession session) {
        if (session.readOnly()) {
            tell("This ledger is open read-only (as an auditor), so nothing can be imported into it. Open it normally to import.");
            return;
        }
        Path journal = chooseJournal();
        if (journal != null) {
            start(journal, ImportTarget.openLedger(session));
        }
    }

    /** Into a new ledger: pick the journal, then where to save the ledger (never over an existing file). */
    public void importIntoNewLedger() {
        Path journal = chooseJournal();
        if (journal == null) {
            return;
        }
        FileChooser chooser = WelcomeView.ledgerChooser("Save the imported ledger as");
        chooser.setInitialFileName(stripExtension(journal.getFileName().toString()) + ".ledger");
        chooser.setInitialDirectory(journal.getParent() == null ? null : journal.getParent().toFile());
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return;
        }
        if (Files.exists(chosen.toPath())) {
            tell("'" + chosen.getName() + "' already exists; choose a new file name for the imported ledger.");
            return;
        }
        start(journal, ImportTarget.newLedger(chosen.toPath()));
    }

    /** Starts the import and shows its dialog (also what tests call, without the file dialogs). */
    public ImportViewModel start(Path journal, ImportTarget target) {
        ImportViewModel model = new ImportViewModel(executor, sessions);
        model.start(journal, target);
        ImportDialog.show(owner, model, openLedger);
        lastStarted = model;
        return model;
    }

    /** The import this launcher started that is still running (one at a time: its dialog is modal), if any. */
    public java.util.Optional<ImportViewModel> running() {
        return java.util.Optional.ofNullable(lastStarted).filter(model -> model.stateProperty().get() == ImportState.RUNNING);
    }

    private Path chooseJournal() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a journal to import");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Journals (*.journal, *.hledger, *.dat, *.txt)", "*.journal", "*.hledger", "*.dat", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(owner);
        return chosen == null ? null : chosen.toPath();
    }

    private void tell(String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        alert.setTitle("Import a journal");
        dev.eventscope.ui.DialogText.breakAtSpacesAndSeparators(alert);
        alert.show();
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
