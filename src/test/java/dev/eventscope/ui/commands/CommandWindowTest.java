package dev.eventscope.ui.commands;

import dev.eventscope.ui.WindowTests;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.RandomJournalGenerator;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.explorer.EventRow;
import dev.eventscope.ui.importer.ImportLauncher;
import dev.eventscope.ui.importer.ImportState;
import dev.eventscope.ui.importer.ImportTarget;
import dev.eventscope.ui.importer.ImportViewModel;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/** Drives the real window: posting through the form, a refusal beside the grid, importing and cancelling an import. */
@ExtendWith(ApplicationExtension.class)
class CommandWindowTest {


    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;
    private Stage stage;
    private Path ledger;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(folder, "run");
        ledger = run.resolve("books.ledger");
        try (EventStore store = SqliteEventStore.open(ledger)) {
            LedgerCommandService service = LedgerCommandService.create(store);
            CommandContext alice = CommandContext.byUser("alice");
            service.execute(new CreateLedger("Acme", "EUR"), alice);
            for (String account : new String[]{"assets:bank:checking", "income:sales"}) {
                service.execute(new OpenAccount(AccountName.of(account), LocalDate.of(2025, 1, 1), null), alice);
            }
        }
        executor = new FxTaskExecutor();
        this.stage = stage;
        model = WindowTests.show(stage, WindowTests.model(executor, run, Files.createDirectories(run.resolve("samples"))));
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowTests.waitUntil(condition);
    }

    @SuppressWarnings("unchecked")
    private TableView<EventRow> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    private void openLedgerAndSelectChecking(FxRobot robot) throws Exception {
        robot.interact(() -> model.open(ledger, false));
        waitUntil(() -> robot.lookup(hasText("checking")).tryQuery().isPresent());
        robot.clickOn(robot.lookup(hasText("checking")).queryLabeled());
        waitUntil(() -> WindowTests.items(table(robot)).size() == 1);
    }

    private void fillEntry(FxRobot robot, String debit, String credit) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#account0").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#descriptionField").queryAs(TextField.class).setText("Invoice 1042");
            robot.lookup("#account0").queryAs(TextField.class).setText("assets:bank:checking");
            robot.lookup("#amount0").queryAs(TextField.class).setText(debit);
            robot.lookup("#account1").queryAs(TextField.class).setText("income:sales");
            robot.lookup("#amount1").queryAs(TextField.class).setText(credit);
        });
    }

    @Test
    void an_entry_posted_through_the_form_grows_the_history(FxRobot robot) throws Exception {
        openLedgerAndSelectChecking(robot);
        fillEntry(robot, "120.00", "-120.00");
        assertEquals("Balanced", robot.lookup(".imbalance").queryAs(Label.class).getText());
        robot.clickOn("#amount1");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        // the new entry is selected in the sidebar and shown: its history, with its first event picked
        waitUntil(() -> model.explorerProperty().get().history().streamProperty().get() != null
                && model.explorerProperty().get().history().streamProperty().get().value().startsWith("entry-")
                && model.explorerProperty().get().history().selectedProperty().get() != null);
        assertEquals("EntryPosted", model.explorerProperty().get().history().selectedProperty().get().event().type());
        assertEquals(model.explorerProperty().get().history().streamProperty().get(),
                model.explorerProperty().get().sidebar().selectedStreamProperty().get());
        waitUntil(() -> robot.lookup("#streamTree").queryAs(javafx.scene.control.TreeView.class).getSelectionModel().getSelectedItem() != null);
        robot.clickOn(robot.lookup(hasText("checking")).queryLabeled());
        waitUntil(() -> WindowTests.items(table(robot)).size() == 2);
        assertEquals("PostingRecorded", WindowTests.items(table(robot)).get(1).event().type());
    }

    @Test
    void another_processs_append_is_a_notification_naming_its_user_and_the_windows_own_post_is_not(FxRobot robot)
            throws Exception {
        openLedgerAndSelectChecking(robot);
        fillEntry(robot, "120.00", "-120.00");
        robot.clickOn("#amount1");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> model.explorerProperty().get().history().streamProperty().get() != null
                && model.explorerProperty().get().history().streamProperty().get().value().startsWith("entry-"));
        long ownLast = model.explorerProperty().get().session().lastPosition();

        // another process: its own store on the same file, a command by bob
        long theirs;
        try (EventStore other = SqliteEventStore.open(ledger)) {
            theirs = LedgerCommandService.create(other).execute(new OpenAccount(AccountName.of("expenses:rent"),
                    LocalDate.of(2025, 2, 1), null), CommandContext.byUser("bob")).lastPosition();
        }
        assertTrue(theirs > ownLast);
        waitUntil(() -> !notifications(robot, "appended by another process").isEmpty());
        // exactly one notification: bob's event; the form's post (by this window's user) is not news
        assertEquals(java.util.List.of("1 event appended by another process (user bob) at #" + theirs + "."),
                notifications(robot, "appended by another process"));
    }

    /** The texts of the ControlsFX notifications on show that contain {@code text}. */
    private static java.util.List<String> notifications(FxRobot robot, String text) {
        return robot.lookup(".notification-bar").queryAll().stream().filter(javafx.scene.Node::isVisible)
                .flatMap(bar -> bar.lookupAll(".label").stream())
                .filter(node -> node instanceof Label label && label.getText() != null && label.getText().contains(text))
                .map(node -> ((Label) node).getText()).toList();
    }

    @Test
    void escape_closes_the_open_completion_list_and_leaves_the_form_with_its_input(FxRobot robot) throws Exception {
        openLedgerAndSelectChecking(robot);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#account0").tryQuery().isPresent());
        robot.clickOn("#account0").write("inc");
        waitUntil(() -> completionShowing());
        Stage form = (Stage) robot.lookup("#account0").queryAs(Node.class).getScene().getWindow();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> !completionShowing());
        assertTrue(form.isShowing(), "Esc with the completion list open must close only the list");
        assertEquals("inc", robot.lookup("#account0").queryAs(TextField.class).getText());
        // the second Esc would throw "inc" away: the form asks first (session 19, ui2), Discard (Alt+D) closes it
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#discardTyped").tryQuery().isPresent());
        assertTrue(form.isShowing(), "the form waits for the answer");
        robot.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
        waitUntil(() -> !form.isShowing());
    }

    private static boolean completionShowing() {
        return javafx.stage.Window.getWindows().stream()
                .anyMatch(window -> window instanceof javafx.scene.control.PopupControl popup && popup.isShowing()
                        && (popup.getStyleClass().contains("completion-popup") || popup.getStyleClass().contains("auto-complete-popup")));
    }

    @Test
    void the_reverse_form_starts_with_the_entry_selected_in_the_sidebar(FxRobot robot) throws Exception {
        openLedgerAndSelectChecking(robot);
        fillEntry(robot, "120.00", "-120.00");
        robot.clickOn("#amount1");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> model.explorerProperty().get().sidebar().selectedStreamProperty().get() != null
                && model.explorerProperty().get().sidebar().selectedStreamProperty().get().value().startsWith("entry-"));
        String entry = model.explorerProperty().get().sidebar().selectedStreamProperty().get().value().substring("entry-".length());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#entryField").tryQuery().isPresent());
        assertEquals(entry, robot.lookup("#entryField").queryAs(TextField.class).getText());
    }

    @Test
    void a_refused_field_is_decorated_by_controlsfx_validation_and_keeps_its_sentence(FxRobot robot) throws Exception {
        openLedgerAndSelectChecking(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#entryField").tryQuery().isPresent());
        TextField entry = robot.lookup("#entryField").queryAs(TextField.class);
        assertTrue(org.controlsfx.control.decoration.Decorator.getDecorations(entry) == null
                || org.controlsfx.control.decoration.Decorator.getDecorations(entry).isEmpty(), "no decoration before a refusal");
        robot.interact(() -> entry.setText("JE-NOPE-1"));
        robot.clickOn("#submitButton");
        waitUntil(() -> !robot.lookup("#entryError").queryAs(Label.class).getText().isEmpty()
                && robot.lookup("#entryError").queryAs(Label.class).getStyleClass().contains("field-error"));
        String sentence = robot.lookup("#entryError").queryAs(Label.class).getText();
        assertTrue(sentence.contains("JE-NOPE-1"), sentence);
        waitUntil(() -> org.controlsfx.control.decoration.Decorator.getDecorations(entry) != null
                && !org.controlsfx.control.decoration.Decorator.getDecorations(entry).isEmpty());
    }

    @Test
    void an_unbalanced_entry_shows_the_domains_message_beside_the_grid(FxRobot robot) throws Exception {
        openLedgerAndSelectChecking(robot);
        fillEntry(robot, "120.00", "-100.00");
        assertEquals("Off by 20.00 EUR", robot.lookup(".imbalance").queryAs(Label.class).getText());
        robot.clickOn("#submitButton");
        waitUntil(() -> robot.lookup("#gridError").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#gridError").queryAs(Label.class).getText().contains("20"));
        assertEquals(1, WindowTests.items(table(robot)).size());
    }

    @Test
    void importing_a_small_journal_shows_the_progress_reach_the_end_and_the_summary(FxRobot robot) throws Exception {
        openLedgerAndSelectChecking(robot);
        Path journal = Files.writeString(folder.resolve("small.journal"),
                "2025-02-01 Sale\n    assets:bank:checking  50.00 EUR\n    income:sales\n\n"
                        + "2025-02-02 Sale\n    assets:bank:checking  70.00 EUR\n    income:sales\n");
        AtomicReference<ImportViewModel> started = new AtomicReference<>();
        robot.interact(() -> started.set(new ImportLauncher(WindowTests.SQLITE, executor, stage, path -> { })
                .start(journal, ImportTarget.openLedger(model.explorerProperty().get().session()))));
        waitUntil(() -> started.get().stateProperty().get() == ImportState.DONE);
        assertEquals(1.0, robot.lookup("#progressBar").queryAs(ProgressBar.class).getProgress());
        assertTrue(robot.lookup("#summaryLabel").queryAs(Label.class).getText().startsWith("Imported 2 entries"));
        waitUntil(() -> WindowTests.items(table(robot)).size() == 3);
    }

    @Test
    void cancelling_the_import_of_a_large_journal_leaves_the_ledger_unchanged(FxRobot robot) throws Exception {
        openLedgerAndSelectChecking(robot);
        Path journal = folder.resolve("large.journal");
        // large enough that the click on Cancel lands long before the end, however fast the import has become
        new RandomJournalGenerator(7, 150_000).writeTo(journal);
        LedgerSession session = model.explorerProperty().get().session();
        long before = session.lastPosition();
        AtomicReference<ImportViewModel> started = new AtomicReference<>();
        robot.interact(() -> started.set(new ImportLauncher(WindowTests.SQLITE, executor, stage, path -> { })
                .start(journal, ImportTarget.openLedger(session))));
        waitUntil(() -> started.get().progressProperty().get() > 0);
        robot.clickOn("#cancelButton");
        waitUntil(() -> started.get().stateProperty().get() == ImportState.CANCELLED);
        assertTrue(robot.lookup("#summaryLabel").queryAs(Label.class).getText().contains("unchanged"));
        assertEquals(before, session.lastPosition());
        assertEquals(1, WindowTests.items(table(robot)).size());
    }

    /**
     * The entry form and the import dialog draw something (not a blank window) at their scene's size. The
     * pictures go to the test's folder, or to docs/screenshots with -Deventscope.screenshots=true.
     */
    @Test
    void the_entry_form_and_the_import_dialog_draw_their_contents(FxRobot robot) throws Exception {
        openLedgerAndSelectChecking(robot);
        fillEntry(robot, "120.00", "-100.00");
        java.awt.image.BufferedImage form = save(robot, robot.lookup("#submitButton").queryAs(Node.class).getScene().getRoot(),
                "post-entry.png");
        assertDrawn(form, robot.lookup("#submitButton").queryAs(Node.class).getScene());
        robot.interact(() -> robot.lookup("#submitButton").queryAs(Node.class).getScene().getWindow().hide());
        Path journal = Files.writeString(folder.resolve("shot.journal"),
                "P 2025-01-01 USD 0.9 EUR\n\n2025-02-01 Sale\n    assets:bank:checking  50.00 EUR\n    income:sales\n");
        AtomicReference<ImportViewModel> started = new AtomicReference<>();
        robot.interact(() -> started.set(new ImportLauncher(WindowTests.SQLITE, executor, stage, path -> { })
                .start(journal, ImportTarget.openLedger(model.explorerProperty().get().session()))));
        waitUntil(() -> started.get().stateProperty().get() == ImportState.DONE);
        javafx.scene.Scene dialog = robot.lookup("#progressBar").queryAs(Node.class).getScene();
        assertDrawn(save(robot, dialog.getRoot(), "import.png"), dialog);
    }

    /** The picture is the scene's size (to a pixel) and holds more than one colour. */
    private static void assertDrawn(java.awt.image.BufferedImage picture, javafx.scene.Scene scene) {
        assertEquals(scene.getWidth(), picture.getWidth(), 1.0, "picture width");
        assertEquals(scene.getHeight(), picture.getHeight(), 1.0, "picture height");
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < picture.getHeight() && colours.size() < 2; y += 3) {
            for (int x = 0; x < picture.getWidth() && colours.size() < 2; x += 3) {
                colours.add(picture.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 1, "the picture is one flat colour: nothing was drawn");
    }

    private static java.awt.image.BufferedImage save(FxRobot robot, javafx.scene.Parent root, String name) throws Exception {
        AtomicReference<javafx.scene.image.WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(root.snapshot(null, null)));
        javafx.scene.image.PixelReader pixels = image.get().getPixelReader();
        int width = (int) image.get().getWidth();
        int height = (int) image.get().getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path target = Boolean.getBoolean("eventscope.screenshots") ? Path.of("docs/screenshots", name) : folder.resolve(name);
        Files.createDirectories(target.getParent());
        javax.imageio.ImageIO.write(out, "png", target.toFile());
        return out;
    }
}
