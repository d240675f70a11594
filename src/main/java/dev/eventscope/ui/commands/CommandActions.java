package dev.eventscope.ui.commands;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The bookkeeping commands of the open ledger as a "Books" menu (with shortcuts) and as toolbar
 * buttons; all disabled without a ledger, and for an auditor (read-only) with a tooltip saying why.
 */
public final class CommandActions {

    private final TaskExecutor executor;
    private final Supplier<Window> owner;
    private final ReadOnlyBooleanWrapper unavailable = new ReadOnlyBooleanWrapper(true);
    private final MenuItem readOnlyItem = new MenuItem(CommandFormViewModel.READ_ONLY_REASON);
    private LedgerSession session;
    private Supplier<StreamId> selected = () -> null;
    private BiConsumer<StreamId, List<Long>> showWritten = (stream, positions) -> { };

    public CommandActions(TaskExecutor executor, Supplier<Window> owner) {
        this.executor = executor;
        this.owner = owner;
        readOnlyItem.setDisable(true);
        readOnlyItem.setVisible(false);
    }

    /** The open ledger, or null on the welcome screen. */
    public void setSession(LedgerSession session) {
        this.session = session;
        unavailable.set(session == null || session.readOnly());
        readOnlyItem.setVisible(session != null && session.readOnly());
    }

    /**
     * What the explorer has selected (a form starts from it: Reverse from the selected entry) and how it shows what a
     * command wrote (the new entry, selected and shown).
     */
    public void setExplorer(Supplier<StreamId> selectedStream, BiConsumer<StreamId, List<Long>> showStream) {
        this.selected = selectedStream;
        this.showWritten = showStream;
    }

    private <M extends CommandFormViewModel> M prepared(M model) {
        model.startFrom(selected.get());
        model.setOnWritten(showWritten);
        return model;
    }

    private CommandEnvironment environment() {
        return CommandEnvironment.of(session, executor);
    }

    public void postEntry() {
        if (!unavailable.get()) {
            CommandEnvironment environment = environment();
            executor.run(() -> environment.lookups().baseCommodity(),
                    commodity -> PostEntryView.show(owner.get(), prepared(new PostEntryViewModel(environment, commodity))),
                    failure -> PostEntryView.show(owner.get(), prepared(new PostEntryViewModel(environment, "EUR"))));
        }
    }

    private void form(Function<CommandEnvironment, CommandFormViewModel> form) {
        if (!unavailable.get()) {
            CommandFormView.show(owner.get(), prepared(form.apply(environment())));
        }
    }

    public void openAccount() {
        form(OpenAccountViewModel::new);
    }

    public void reverseEntry() {
        form(ReverseEntryViewModel::new);
    }

    public void freezeAccount() {
        form(environment -> new AccountStatusViewModel(environment, true));
    }

    public void unfreezeAccount() {
        form(environment -> new AccountStatusViewModel(environment, false));
    }

    public void closeAccount() {
        form(CloseAccountViewModel::new);
    }

    public void closePeriod() {
        form(ClosePeriodViewModel::new);
    }

    public void reopenPeriod() {
        form(ReopenPeriodViewModel::new);
    }

    public void recordPrice() {
        form(RecordPriceViewModel::new);
    }

    /**
     * The "Books" menu: every command with its shortcut. Freeze is Ctrl+Shift+L ("lock") and Close period Ctrl+Shift+D
     * ("closing date"): Ctrl+Shift+F searches the whole ledger (Audit) and Ctrl+Shift+P shows the projections (View).
     */
    public Menu menu() {
        Menu menu = new Menu("_Books");
        menu.setId("booksMenu");
        menu.getItems().addAll(readOnlyItem,
                item("_Post entry…", "Shortcut+N", "postEntryItem", this::postEntry),
                item("_Reverse entry…", "Shortcut+Shift+R", "reverseEntryItem", this::reverseEntry),
                new SeparatorMenuItem(),
                item("_Open account…", "Shortcut+Shift+A", "openAccountItem", this::openAccount),
                item("_Freeze account…", "Shortcut+Shift+L", "freezeAccountItem", this::freezeAccount),
                item("_Unfreeze account…", "Shortcut+Shift+U", "unfreezeAccountItem", this::unfreezeAccount),
                item("_Close account…", "Shortcut+Shift+K", "closeAccountItem", this::closeAccount),
                new SeparatorMenuItem(),
                item("Close perio_d…", "Shortcut+Shift+D", "closePeriodItem", this::closePeriod),
                item("Reop_en period…", "Shortcut+Shift+E", "reopenPeriodItem", this::reopenPeriod),
                new SeparatorMenuItem(),
                item("Record market pr_ice…", "Shortcut+Shift+M", "recordPriceItem", this::recordPrice));
        return menu;
    }

    private MenuItem item(String text, String shortcut, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(shortcut));
        item.setOnAction(event -> action.run());
        item.disableProperty().bind(unavailable);
        return item;
    }

    /** Fills {@code bar} (the explorer's toolbar slot) with buttons for the commonest commands. */
    public void installToolbar(HBox bar) {
        bar.getStyleClass().add("command-bar");
        bar.getChildren().setAll(
                button("Post entry", "postEntryButton", "Post a journal entry (Ctrl+N)", this::postEntry),
                button("Open account", "openAccountButton", "Open an account (Ctrl+Shift+A)", this::openAccount),
                button("Reverse", "reverseEntryButton", "Reverse an entry (Ctrl+Shift+R)", this::reverseEntry));
    }

    private StackPane button(String text, String id, String help, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        button.disableProperty().bind(unavailable);
        // a disabled button shows no tooltip, so the tooltip sits on a wrapper that stays enabled
        StackPane wrapper = new StackPane(button);
        Tooltip.install(wrapper, new Tooltip(session != null && session.readOnly() ? CommandFormViewModel.READ_ONLY_REASON : help));
        return wrapper;
    }
}
