package dev.eventscope.ui;

import dev.eventscope.application.CommandContext;
import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.explorer.EventRow;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Session 23 (adversary): a ledger written by another tool (or by someone with write access, the chain made anew: it
 * verifies intact) whose events hold hostile text: a user "ev U+202E il ⏎ ESC[2J x", a description with a right-to-left
 * override and a million characters, a ledger name that reads as "Books exe.png". The real window opens it and the
 * user picks the posting; every text the window then shows (labels, table cells, text areas, tooltips) is read on the FX
 * thread: no raw override, escape or line break of the hostile text, and nothing a million characters long.
 */
@ExtendWith(ApplicationExtension.class)
class HostileTextWindowTest {

    static final String USER = "ev\u202Eil\n\u001B[2Jx";
    /** A description takes no control or bidirectional character (the domain refuses them), but a zero-width space. */
    static final String DESCRIPTION = "Pay\u200Bment " + "x".repeat(1_000_000);
    static final String TAG = "\u001B[2J\u202Eevil";

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(folder, "run");
        Path samples = Files.createDirectories(run.resolve("samples"));
        hostileLedger(samples.resolve("hostile.ledger"));
        executor = new FxTaskExecutor();
        WindowTests.show(stage, WindowTests.model(executor, run, samples));
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    static void hostileLedger(Path file) {
        CommandContext hostile = CommandContext.byUser(USER);
        Money ten = Money.of("10", "EUR");
        try (LedgerSession session = TestSessions.SQLITE.create(file)) {
            session.commands().execute(new LedgerCommand.CreateLedger("Books\u202Egnp.exe", "EUR"), hostile);
            for (String account : List.of("assets:bank:checking", "income:sales")) {
                session.commands().execute(new AccountCommand.OpenAccount(AccountName.of(account), LocalDate.of(2025, 1, 1),
                        null), hostile);
            }
            session.commands().execute(new EntryCommand.PostEntry(EntryId.of("E1"), LocalDate.of(2025, 3, 1), null,
                    EntryStatus.UNMARKED, null, DESCRIPTION, Map.of("note", TAG), "\u202Ecomment\u001B[31m",
                    List.of(Posting.of(AccountName.of("assets:bank:checking"), ten),
                            Posting.of(AccountName.of("income:sales"), ten.negate())), Map.of()), hostile);
        }
    }

    /** Every text shown in every window (labels, cells, text fields and areas, text nodes, tooltips), read on the FX thread. */
    static List<String> shownTexts() {
        return WindowTests.onFx(() -> {
            List<String> texts = new ArrayList<>();
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window.getScene() != null && window.isShowing()) {
                    collect(window.getScene().getRoot(), texts);
                }
            }
            return texts;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        String where = node.getClass().getName() + (node.getId() == null ? "" : "#" + node.getId()) + ": ";
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(where + labeled.getText());
        } else if (node instanceof TextInputControl input && input.getText() != null) {
            texts.add(where + input.getText());
        } else if (node instanceof Text text && text.getText() != null) {
            texts.add(where + text.getText());
        }
        if (node instanceof Control control && control.getTooltip() != null && control.getTooltip().getText() != null) {
            texts.add(where + "tooltip: " + control.getTooltip().getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    /** Fails naming the text that shows the hostile text raw, or is longer than a window can show. */
    static void assertShownPrintablyAndShortened(List<String> texts) {
        for (String text : texts) {
            String start = text.length() > 300 ? text.substring(0, 300) + "…" : text;
            assertTrue(text.indexOf('\u202E') < 0 && text.indexOf('\u001B') < 0 && text.indexOf('\u200B') < 0, () -> "shown raw: " + dev.eventscope.domain.PrintableText.of(start));
            assertTrue(!text.contains("il\n"), () -> "the user's line break shown raw: " + dev.eventscope.domain.PrintableText.of(start));
            assertTrue(text.length() < 20_000, () -> text.length() + " characters shown at once: " + dev.eventscope.domain.PrintableText.of(start));
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_explorer_shows_a_hostile_user_description_and_ledger_name_printably_and_shortened(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("hostile.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> !robot.lookup(hasText("checking")).queryAll().isEmpty());
        robot.clickOn(robot.lookup(hasText("checking")).queryLabeled());
        TableView<EventRow> table = robot.lookup("#historyTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> WindowTests.items(table).size() == 2);

        robot.clickOn(robot.lookup("#historyTable .table-row-cell").nth(1).queryAs(Node.class));
        TextArea json = robot.lookup("#jsonText").queryAs(TextArea.class);
        WindowTests.waitUntil(() -> WindowTests.onFx(json::getText).contains("E1"));

        List<String> texts = shownTexts();
        assertTrue(texts.stream().anyMatch(text -> text.contains("ev\\u202Eil\\u000A\\u001B[2Jx")), "the user is shown printably:\n"
                + String.join("\n", texts.stream().map(t -> t.length() > 200 ? t.substring(0, 200) : t).toList()));
        assertShownPrintablyAndShortened(texts);
        assertTrue(WindowTests.onFx(json::getText).contains("Pay\\u200Bment xxx"), "the JSON pane shows the description printably");
        assertEquals(2, WindowTests.items(table).size());
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_workbenchs_search_hits_show_them_printably_and_shortened(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("hostile.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> !robot.lookup(hasText("checking")).queryAll().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WindowTests.waitUntil(() -> robot.lookup("#searchField").tryQuery().isPresent());
        robot.clickOn("#searchField").write("E1").type(KeyCode.ENTER);
        TableView<Object> hits = robot.lookup("#hitTable").queryAs(TableView.class);
        WindowTests.waitUntil(() -> !WindowTests.items(hits).isEmpty());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertShownPrintablyAndShortened(shownTexts());

    }
}
