package dev.eventscope.ui.workbench;

import dev.eventscope.application.CommandContext;
import dev.eventscope.audit.findings.FindingsFile;
import dev.eventscope.projection.search.SearchIndexes;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.explorer.ExplorerViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The main window's Audit menu: the workbench's tests, search and findings for the open ledger, in a window
 * of their own whose links open events in the main window's explorer. Enabled while a ledger is open.
 */
public final class WorkbenchMenu {

    private final Menu menu = new Menu("_Audit");
    private final ReadOnlyObjectProperty<ExplorerViewModel> explorer;
    private final TaskExecutor executor;
    private final Stage owner;
    private final Consumer<String> errors;
    private WorkbenchWindow window;

    public WorkbenchMenu(ReadOnlyObjectProperty<ExplorerViewModel> explorer, TaskExecutor executor, Stage owner, Consumer<String> errors) {
        this.explorer = explorer;
        this.executor = executor;
        this.owner = owner;
        this.errors = errors;
        MenuItem tests = item("Journal-entry _tests", "Shortcut+Shift+T", 0);
        tests.setId("workbenchTestsItem");
        MenuItem search = item("_Search the whole ledger", "Shortcut+Shift+F", 1);
        search.setId("workbenchSearchItem");
        MenuItem findings = item("_Findings", null, 2);
        findings.setId("workbenchFindingsItem");
        menu.getItems().addAll(tests, search, findings);
        menu.disableProperty().bind(explorer.isNull());
        explorer.addListener((observable, before, now) -> {
            if (window != null) {
                window.stage().close();
                window = null;
            }
        });
    }

    private MenuItem item(String text, String accelerator, int tab) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> open(tab));
        return item;
    }

    public Menu menu() {
        return menu;
    }

    /** Opens the workbench on a tab (0 tests, 1 search, 2 findings) for the open ledger. */
    public void open(int tab) {
        ExplorerViewModel open = explorer.get();
        if (open == null) {
            return;
        }
        if (window != null) {
            window.stage().close();
        }
        WorkbenchViewModel model = new WorkbenchViewModel(open.session(), executor, SearchIndexes.forCurrentUser(),
                FindingsFile.defaultDirectory(), CommandContext.osUser().user(), ZoneId.systemDefault(), Clock.systemUTC(), errors);
        window = WorkbenchWindow.show(model, open::jumpTo, open.timeline()::showRecordedTime, owner, tab);
    }
}
