package dev.eventscope.ui.sandbox;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.sandbox.Sandbox;
import dev.eventscope.sandbox.SandboxBase;
import dev.eventscope.sandbox.SandboxContents;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.NewUserTrialWindowTest;
import dev.eventscope.ui.WindowTests;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Propose adjustments…" as a new user meets it on a 1280 × 720 screen (the smallest we design for), on the
 * small-business sample with its long account names and one proposal: every form fits its pane without sideways
 * scrolling, the entry form shows its three posting rows and its button, and no account name, column title or note
 * is cut short.
 */
@ExtendWith(ApplicationExtension.class)
class SandboxSmallScreenWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private LedgerSession session;
    private Stage stage;

    /** Opens the window in the test, not in {@code @Start}: on a busy machine reading the sample outlasts its time limit. */
    private void open(FxRobot robot) throws Exception {
        open(robot, false);
    }

    private void open(FxRobot robot, boolean withReversal) throws Exception {
        open(robot, withReversal, 0);
    }

    /** Opens the sandbox with ADJ-1, the refused reversal if asked, and {@code more} accrual proposals after them. */
    private void open(FxRobot robot, boolean withReversal, int more) throws Exception {
        Path run = WindowTests.runWithSamples(folder, "small-business");
        session = TestSessions.SQLITE.openReadOnly(WindowTests.samples(run).resolve("small-business.ledger"));
        Instant now = Instant.parse("2026-01-10T09:00:00Z");
        SandboxFiles files = new SandboxFiles(run.resolve("sandboxes"));
        Sandbox sandbox = Sandbox.open(session, new SandboxContents(Sandbox.ledgerId(session), "auditor", SandboxBase.HEAD, List.of()));
        Money social = Money.of("412.50", "EUR");
        Sandbox proposed = sandbox.propose(ids -> EntryCommand.PostEntry.simple(EntryId.of("ADJ-1"), LocalDate.of(2025, 12, 31),
                "Employer social security for December not accrued", List.of(
                        Posting.of(AccountName.of("expenses:salaries:employer-social-security"), social),
                        Posting.of(AccountName.of("liabilities:payroll:social-security"), social.negate()))),
                "the December payroll's employer share was booked in January", "auditor", now);
        if (withReversal) {
            // session 20's shot: "BILL-2025-00" above "1", "roo" above "t" in the proposals table at 1280 px
            proposed = proposed.propose(ids -> new EntryCommand.ReverseEntry(EntryId.of("BILL-2025-001"), EntryId.of("BILL-2025-001-R"),
                    LocalDate.of(2026, 12, 6), "February rent booked twice"), "the rent of February was booked twice", "root", now);
        }
        for (int accrual = 1; accrual <= more; accrual++) {
            Money fee = Money.of(accrual + "00.00", "EUR");
            EntryId id = EntryId.of("ADJ-" + (accrual + 1));
            proposed = proposed.propose(ids -> EntryCommand.PostEntry.simple(id, LocalDate.of(2025, 12, 31),
                    "Audit fee accrued", List.of(Posting.of(AccountName.of("expenses:salaries:employer-social-security"), fee),
                            Posting.of(AccountName.of("liabilities:payroll:social-security"), fee.negate()))),
                    "accrual " + id, "auditor", now);
        }
        files.write(proposed.contents());
        executor = new FxTaskExecutor();
        SandboxViewModel model = new SandboxViewModel(session, files, "auditor", executor, Clock.fixed(now, ZoneOffset.UTC));
        robot.interact(() -> {
            stage = new Stage();
            new SandboxView(model).show(stage, 1280, 720);
        });
    }

    @AfterEach
    void close() throws Exception {
        if (executor != null) {
            WindowTests.close(executor);
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void at_1280_by_720_the_forms_fit_and_no_account_title_or_note_is_cut(FxRobot robot) throws Exception {
        open(robot);
        TableView<?> balances = robot.lookup("#asAdjustedTable").queryTableView();
        TableView<?> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> !balances.getItems().isEmpty() && proposals.getItems().size() == 1);

        ScrollPane entryPane = formPane(robot, "#proposeEntryForm");
        assertEquals(List.of(), visible(horizontalBars(entryPane)), "the entry form scrolls sideways");
        List<String> outside = new ArrayList<>();
        for (String id : List.of("#account0", "#account1", "#account2", "#amount2", "#submitButton")) {
            Node node = robot.from(entryPane).lookup(id).query();
            if (!within(node, entryPane)) {
                outside.add(id + " at " + sceneBounds(node));
            }
        }
        assertEquals(List.of(), outside, "not wholly seen in the entry form's pane " + sceneBounds(entryPane));

        robot.interact(() -> robot.lookup("#proposalForms").queryAs(TabPane.class).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane openPane = formPane(robot, "#proposeOpenForm");
        Node openSubmit = robot.from(openPane).lookup("#submitButton").query();
        assertTrue(within(openSubmit, openPane), "Propose opening at " + sceneBounds(openSubmit) + ", its pane " + sceneBounds(openPane));

        // the proposals' list is one line per proposal, its end cut when narrower (the whole text on hover and in the
        // pane under it: the_list_names_each_proposal_on_one_line_with_its_whole_text_on_hover); nothing else is cut
        java.util.function.Supplier<List<String>> cutOutsideTheList = () -> {
            List<String> cut = new ArrayList<>(NewUserTrialWindowTest.cutLabels(stage.getScene().getRoot()));
            cut.removeAll(NewUserTrialWindowTest.cutLabels(proposals));
            return cut;
        };
        WindowTests.waitUntil(() -> cutOutsideTheList.get().isEmpty());
        assertEquals(List.of(), cutOutsideTheList.get(), "cut short at 1280 × 720");
        List<String> wholeProposals = WindowTests.items(proposals).stream().map(row -> ((SandboxViewModel.ProposalRow) row).proposal()).toList();
        assertEquals(List.of(), NewUserTrialWindowTest.cutLabels(proposals).stream()
                .filter(cut -> wholeProposals.stream().noneMatch(whole -> cut.startsWith(whole + " shown as "))).toList(),
                "cut in the proposals' list other than a proposal's one line");
    }

    /**
     * Session 22: at 1280 × 720, with the base at the head, the bar above the forms ("Base: the head (position 763).
     * Proposals are decided after it.", Move to, Move the base, Decide again, Balances as of entry date) wrapped its
     * entry date onto a second line, ~35 px taken from the window's body. Every part of it is on one line, whole.
     */
    @Test
    void at_1280_by_720_the_base_bar_is_one_line(FxRobot robot) throws Exception {
        open(robot);
        javafx.scene.control.Label base = robot.lookup("#sandboxBase").queryAs(javafx.scene.control.Label.class);
        WindowTests.waitUntil(() -> base.getText() != null && base.getText().startsWith("Base: the head (position "));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = WindowTests.onFx(() -> {
            javafx.scene.layout.Pane bar = (javafx.scene.layout.Pane) base.getParent();
            List<String> tops = new ArrayList<>();
            for (Node part : bar.getChildren()) {
                Bounds bounds = sceneBounds(part);
                tops.add(Math.round(bounds.getCenterY()) + (bounds.getMaxX() > stage.getScene().getWidth() + 0.5 ? " beyond the window" : ""));
            }
            return tops.stream().distinct().toList();
        });
        assertEquals(1, lines.size(), "the base bar's parts centred at " + lines + " (" + base.getText() + ")");
        assertEquals(List.of(), NewUserTrialWindowTest.cutLabels(base.getParent()), "cut in the base bar");
    }

    /**
     * Session 21: at 1280 × 720 the proposals table showed about one proposal at a time (each row held its verdict,
     * reason and lines, ~150 px). It is a list of one line per proposal with the chosen one's whole text under it:
     * with seven proposals at least five rows are wholly seen at once, each one line tall.
     */
    @Test
    void at_1280_by_720_several_proposals_are_seen_at_once(FxRobot robot) throws Exception {
        open(robot, true, 5);
        TableView<?> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 7);
        WindowTests.waitUntil(() -> proposals.lookupAll(".table-row-cell").stream()
                .anyMatch(node -> node instanceof javafx.scene.control.TableRow<?> row && row.getItem() != null));
        WaitForAsyncUtils.waitForFxEvents();
        List<Integer> seen = new ArrayList<>();
        robot.interact(() -> {
            Node flow = proposals.lookup(".clipped-container");
            Bounds viewport = sceneBounds(flow);
            for (Node node : proposals.lookupAll(".table-row-cell")) {
                if (node instanceof javafx.scene.control.TableRow<?> row && row.isVisible() && row.getItem() != null) {
                    Bounds bounds = sceneBounds(row);
                    if (bounds.getMinY() >= viewport.getMinY() - 0.5 && bounds.getMaxY() <= viewport.getMaxY() + 0.5
                            && bounds.getMaxY() <= stage.getScene().getHeight()) {
                        seen.add(row.getIndex());
                    }
                }
            }
        });
        assertTrue(seen.size() >= 5, "proposals wholly seen at 1280 × 720: " + seen + " (table " + Math.round(proposals.getHeight())
                + " px tall)");
    }

    /**
     * Session 21 (ui2): the chosen proposal's pane under the list was ~104 px tall at every size, so at 1920 × 1080 a
     * proposal with its lines scrolled there while the list above kept a dozen empty rows. The list and the pane share
     * the height with a divider between them: the pane grows with the window, the list still shows five proposals at
     * 1280 × 720, and at 1920 × 1080 the accrual with its two lines reads whole without scrolling.
     */
    @Test
    void the_chosen_proposal_grows_with_the_window_and_reads_whole_at_1920_by_1080(FxRobot robot) throws Exception {
        open(robot, true, 5);
        TableView<SandboxViewModel.ProposalRow> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 7);
        javafx.scene.control.Label detail = robot.lookup("#proposalDetail").queryAs(javafx.scene.control.Label.class);
        ScrollPane pane = robot.lookup("#proposalDetailPane").queryAs(ScrollPane.class);
        robot.interact(() -> proposals.getSelectionModel().select(0));
        WindowTests.waitUntil(() -> detail.getText().startsWith("#1 ") && detail.getText().contains("Lines:"));
        double small = viewportHeight(robot, pane);
        List<Integer> seenSmall = rowsWhollySeen(robot, proposals);

        // Monocle's headless screen is 1280 × 800 (a bigger window overflows its buffer): the window's content is laid
        // out and drawn at 1920 × 1080 in a scene of that size, as a screenshot of it is
        double[] measured = new double[2];
        robot.interact(() -> {
            javafx.scene.Scene shown = stage.getScene();
            javafx.scene.Parent content = shown.getRoot();
            shown.setRoot(new javafx.scene.Group());
            javafx.scene.Scene large = new javafx.scene.Scene(content, 1920, 1080);
            large.getStylesheets().setAll(shown.getStylesheets());
            large.snapshot(null);
            large.snapshot(null);
            measured[0] = pane.getViewportBounds().getHeight();
            measured[1] = detail.getHeight();
        });
        double large = measured[0];
        double[] text = {measured[1]};

        assertTrue(seenSmall.size() >= 5, "proposals wholly seen at 1280 × 720: " + seenSmall + " (list " + Math.round(proposals.getHeight())
                + " px, the chosen proposal's pane " + Math.round(small) + " px)");
        // (session 22: +100 px before the base bar at 1280 px was one line; that line gave the small window's pane 35 px more)
        assertTrue(large >= small + 80, "the chosen proposal's pane: " + Math.round(small) + " px tall at 1280 × 720, "
                + Math.round(large) + " px at 1920 × 1080");
        assertTrue(text[0] <= large + 0.5, "the chosen proposal (" + Math.round(text[0]) + " px of text) scrolls in its pane of "
                + Math.round(large) + " px at 1920 × 1080: " + detail.getText().replace("\n", " / "));
        javafx.scene.Parent above = pane.getParent();
        while (above != null && !(above instanceof javafx.scene.control.SplitPane split && split.getItems().contains(proposals))) {
            above = above.getParent();
        }
        assertTrue(above instanceof javafx.scene.control.SplitPane split && split.getOrientation() == Orientation.VERTICAL,
                "no divider between the list and the chosen proposal");
        System.out.printf("the chosen proposal's pane: %d px at 1280 x 720, %d px at 1920 x 1080 (its text %d px)%n",
                Math.round(small), Math.round(large), Math.round(text[0]));
    }

    /**
     * Session 22: with seven proposals at 1280 × 720 the chosen proposal's pane was ~60 px (three lines) under the list's
     * six rows, so an accrual with its two lines scrolled there. The chosen accrual reads whole under a list that still
     * shows five proposals at once.
     */
    @Test
    void at_1280_by_720_with_seven_proposals_the_chosen_one_reads_whole_under_five_rows(FxRobot robot) throws Exception {
        open(robot, true, 5);
        TableView<SandboxViewModel.ProposalRow> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 7);
        javafx.scene.control.Label detail = robot.lookup("#proposalDetail").queryAs(javafx.scene.control.Label.class);
        ScrollPane pane = robot.lookup("#proposalDetailPane").queryAs(ScrollPane.class);
        robot.interact(() -> proposals.getSelectionModel().select(6));
        WindowTests.waitUntil(() -> detail.getText().startsWith("#7 ") && detail.getText().contains("Lines:"));
        double viewport = viewportHeight(robot, pane);
        double[] text = new double[1];
        robot.interact(() -> text[0] = detail.getHeight());
        List<Integer> seen = rowsWhollySeen(robot, proposals);
        assertTrue(seen.size() >= 5, "proposals wholly seen at 1280 × 720: " + seen);
        assertTrue(text[0] <= viewport + 0.5, "the chosen accrual (" + Math.round(text[0]) + " px of text) scrolls in its pane of "
                + Math.round(viewport) + " px under a list " + Math.round(proposals.getHeight()) + " px tall at 1280 × 720: "
                + detail.getText().replace("\n", " / "));
    }

    /**
     * Session 22: a second reversal of the same entry is refused by the form, as the real command is (beside the entry
     * field, nothing added to the proposals: it could never be applied while the first stands), but the window's line
     * above still said "Proposed 1: … (accepted)", as if the second press had proposed it again. It says the proposal was
     * not made and why, naming the proposal whose entry the rule speaks of; the reason typed stays for a corrected one.
     */
    @Test
    void a_second_reversal_of_the_same_entry_is_refused_in_the_form_and_the_window_says_it_was_not_proposed(FxRobot robot) throws Exception {
        open(robot);
        TableView<SandboxViewModel.ProposalRow> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 1);
        javafx.scene.control.Label message = robot.lookup("#sandboxMessage").queryAs(javafx.scene.control.Label.class);
        robot.interact(() -> robot.lookup("#proposalForms").queryAs(TabPane.class).getSelectionModel().select(1));
        Node form = robot.lookup("#proposeReverseForm").query();
        javafx.scene.control.TextField entry = robot.from(form).lookup("#entryField").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.Button propose = robot.from(form).lookup("#submitButton").queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.TextField reason = robot.lookup("#proposalReason").queryAs(javafx.scene.control.TextField.class);
        for (int time = 1; time <= 2; time++) {
            robot.interact(() -> {
                reason.setText("the rent of February was booked twice");
                entry.setText("BILL-2025-001");
            });
            WindowTests.waitUntil(() -> !propose.isDisabled() && form.lookup(".text-field") != null);
            robot.interact(propose::fire);
            if (time == 1) {
                WindowTests.waitUntil(() -> proposals.getItems().size() == 2 && message.getText().startsWith("Proposed 2:"));
            }
        }
        javafx.scene.control.Label error = robot.from(form).lookup("#entryError").queryAs(javafx.scene.control.Label.class);
        WindowTests.waitUntil(() -> error.getText() != null && error.getText().contains("already reversed"));
        WaitForAsyncUtils.waitForFxEvents();
        String said = WaitForAsyncUtils.asyncFx(message::getText).get();
        List<SandboxViewModel.ProposalRow> rows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(proposals.getItems())).get();
        assertEquals(2, rows.size(), "a refused reversal is not added to the proposals: " + rows);
        assertTrue(said.startsWith("Not proposed: ") && said.contains("already reversed") && said.contains("proposal #2"),
                "the window's line after the refusal: " + said);
        assertTrue(error.isVisible() && NewUserTrialWindowTest.cutLabels(form).isEmpty(), "the refusal beside the entry field: "
                + NewUserTrialWindowTest.cutLabels(form));
        assertEquals("the rent of February was booked twice", reason.getText(), "the reason typed is kept");
    }

    /**
     * Session 21 (ui2): with one proposal at 1280 × 720 the list kept five empty rows while the proposal under it (its
     * verdict, reason, proposer and two lines) scrolled in a pane of three lines. The list is as tall as its proposals
     * need (six rows at most), so one proposal reads whole under it.
     */
    @Test
    void at_1280_by_720_a_single_proposal_reads_whole_under_a_list_without_empty_rows(FxRobot robot) throws Exception {
        open(robot);
        TableView<SandboxViewModel.ProposalRow> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 1);
        javafx.scene.control.Label detail = robot.lookup("#proposalDetail").queryAs(javafx.scene.control.Label.class);
        ScrollPane pane = robot.lookup("#proposalDetailPane").queryAs(ScrollPane.class);
        WindowTests.waitUntil(() -> detail.getText().startsWith("#1 ") && detail.getText().contains("Lines:"));
        double viewport = viewportHeight(robot, pane);
        double[] text = new double[1];
        robot.interact(() -> text[0] = detail.getHeight());
        assertTrue(text[0] <= viewport + 0.5, "the only proposal (" + Math.round(text[0]) + " px of text) scrolls in its pane of "
                + Math.round(viewport) + " px under a list " + Math.round(proposals.getHeight()) + " px tall at 1280 × 720");
    }

    private double viewportHeight(FxRobot robot, ScrollPane pane) {
        WaitForAsyncUtils.waitForFxEvents();
        double[] height = new double[1];
        robot.interact(() -> height[0] = pane.getViewportBounds().getHeight());
        return height[0];
    }

    /** The rows of {@code proposals} wholly inside the table's viewport and the window. */
    private List<Integer> rowsWhollySeen(FxRobot robot, TableView<?> proposals) {
        WindowTests.waitUntil(() -> proposals.lookupAll(".table-row-cell").stream()
                .anyMatch(node -> node instanceof javafx.scene.control.TableRow<?> row && row.getItem() != null));
        List<Integer> seen = new ArrayList<>();
        robot.interact(() -> {
            Bounds viewport = sceneBounds(proposals.lookup(".clipped-container"));
            for (Node node : proposals.lookupAll(".table-row-cell")) {
                if (node instanceof javafx.scene.control.TableRow<?> row && row.isVisible() && row.getItem() != null) {
                    Bounds bounds = sceneBounds(row);
                    if (bounds.getMinY() >= viewport.getMinY() - 0.5 && bounds.getMaxY() <= viewport.getMaxY() + 0.5
                            && bounds.getMaxY() <= stage.getScene().getHeight()) {
                        seen.add(row.getIndex());
                    }
                }
            }
        });
        return seen;
    }

    /**
     * Session 20: beside the forms at 1280 px the proposals' cells broke inside words ("BILL-2025-00" above "1", "roo"
     * above "t"). The list is now one line per proposal (its whole text on hover); the chosen proposal reads whole in the
     * pane under it: what it proposes, its verdict, reason, who proposed it and its lines, broken only between words,
     * with no sideways scrolling.
     */
    @Test
    void at_1280_every_proposal_reads_whole_under_the_list_and_breaks_only_between_words(FxRobot robot) throws Exception {
        open(robot, true);
        TableView<SandboxViewModel.ProposalRow> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 2);
        javafx.scene.control.Label detail = robot.lookup("#proposalDetail").queryAs(javafx.scene.control.Label.class);
        ScrollPane pane = robot.lookup("#proposalDetailPane").queryAs(ScrollPane.class);
        List<String> problems = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int row = 0; row < WindowTests.items(proposals).size(); row++) {
            int index = row;
            robot.interact(() -> proposals.getSelectionModel().select(index));
            SandboxViewModel.ProposalRow chosen = WindowTests.items(proposals).get(index);
            WindowTests.waitUntil(() -> detail.getText().startsWith("#" + chosen.number() + " "));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                String whole = detail.getText();
                shown.add(whole);
                for (String part : List.of(chosen.proposal(), chosen.status(), chosen.reason(), chosen.lines())) {
                    if (!whole.contains(part)) {
                        problems.add("#" + chosen.number() + " does not show '" + part + "'");
                    }
                }
                problems.addAll(drawnProblems(detail, whole, pane.getViewportBounds().getWidth()));
            });
        }
        assertEquals(List.of(), visible(horizontalBars(pane)), "the detail scrolls sideways");
        assertTrue(shown.stream().anyMatch(text -> text.contains("reverse BILL-2025-001 of 2025-01-01 \"Grünwald Immobilien")), "the reversal was looked at: " + shown);
        assertEquals(List.of(), problems, "the chosen proposal at 1280 × 720 (pane " + Math.round(pane.getWidth()) + " px)");
    }

    /** The list names a verdict by its first word; the pane under it says the whole sentence, or what to do. */
    @Test
    void a_refused_proposal_reads_refused_in_the_list_and_says_why_under_it() {
        SandboxViewModel.ProposalRow refused = new SandboxViewModel.ProposalRow("3", "reverse X-1 on 2026-12-06 as X-1-R", "",
                "refused: Entry X-1 is not in the books, so it cannot be reversed.", "booked twice", "root");
        assertEquals("refused", ProposalList.verdictWord(refused));
        assertEquals("#3 reverse X-1 on 2026-12-06 as X-1-R\nrefused: Entry X-1 is not in the books, so it cannot be reversed."
                + "\nReason: booked twice · by root", ProposalList.detailText(refused, true));
        assertEquals("applied", ProposalList.verdictWord(new SandboxViewModel.ProposalRow("4", "post A 2025-01-01 x", "a  1 EUR",
                "applied by root at 2026-01-10T09:00:00Z", "", "root")));
        assertEquals("Choose a proposal above to read its verdict, reason and lines.", ProposalList.detailText(null, true));
        assertEquals("", ProposalList.detailText(null, false));
    }

    /** The list's cells are one line each, cut at their end at most, with their whole text on hover. */
    @Test
    void the_list_names_each_proposal_on_one_line_with_its_whole_text_on_hover(FxRobot robot) throws Exception {
        open(robot, true);
        TableView<?> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 2);
        WindowTests.waitUntil(() -> proposals.lookupAll(".table-cell").stream().anyMatch(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell
                && cell.getItem() != null && cell.getItem().toString().contains("BILL-2025-001")));
        List<String> problems = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        robot.interact(() -> {
            for (Node node : proposals.lookupAll(".table-cell")) {
                if (!(node instanceof javafx.scene.control.TableCell<?, ?> cell) || cell.isEmpty() || cell.getItem() == null) {
                    continue;
                }
                String text = cell.getItem().toString();
                if (cell.getTableColumn().getText().equals("Verdict")) {
                    verdicts.add(text);
                }
                if (cell.getTableColumn().getText().equals("Proposal")
                        && (cell.getTooltip() == null || !cell.getTooltip().getText().equals(text))) {
                    problems.add("'" + text + "' has no tooltip with its whole text");
                }
                if (cell.getHeight() > 40) {
                    problems.add("'" + text + "' in a row " + Math.round(cell.getHeight()) + " px tall");
                }
            }
        });
        assertEquals(List.of("accepted", "accepted"), verdicts);
        assertEquals(List.of(), problems);
    }

    /**
     * Session 20 (ui2)'s shot at 1920 px: a verdict a little wider than its column broke at its colon and the next line
     * began with the space after it ("refused:" above " Entry BILL-2025-001 is not in the books, …").
     */
    @Test
    void a_line_broken_at_a_colon_does_not_start_with_a_space(FxRobot robot) {
        String verdict = "refused: Entry BILL-2025-001 is not in the books, so it cannot be reversed.";
        String[] broken = new String[1];
        robot.interact(() -> {
            javafx.scene.text.Text measure = new javafx.scene.text.Text(verdict);
            javafx.scene.text.Font font = javafx.scene.text.Font.getDefault();
            measure.setFont(font);
            broken[0] = dev.eventscope.ui.BreakingCell.lines(verdict, measure.getLayoutBounds().getWidth() - 1, font);
        });
        assertTrue(broken[0].contains("\n"), "broken: " + broken[0]);
        assertEquals(List.of(), broken[0].lines().filter(line -> !line.equals(line.stripLeading())).toList(), "lines starting with a space");
        assertEquals(verdict, String.join(" ", broken[0].lines().toList()), "the words, in order");
    }

    /** Session 14: the sandbox could be left only with the mouse. Esc leaves it; a half-written proposal is asked about first. */
    @Test
    void esc_closes_the_sandbox_at_once_and_asks_first_while_a_proposal_is_half_written(FxRobot robot) throws Exception {
        open(robot);
        TableView<?> proposals = robot.lookup("#proposalsTable").queryTableView();
        WindowTests.waitUntil(() -> proposals.getItems().size() == 1);
        javafx.scene.control.TextField reason = robot.lookup("#proposalReason").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            reason.requestFocus();
            reason.setText("audit fee not accrued");
        });
        robot.interact(() -> escape(stage));
        WindowTests.waitUntil(() -> robot.lookup("#sandboxLeaveDialog").tryQuery().isPresent());
        assertTrue(stage.isShowing(), "the sandbox closed with a proposal half written");
        javafx.scene.control.DialogPane ask = robot.lookup("#sandboxLeaveDialog").queryAs(javafx.scene.control.DialogPane.class);
        javafx.scene.control.Button keep = ask.getButtonTypes().stream().map(type -> (javafx.scene.control.Button) ask.lookupButton(type))
                .filter(javafx.scene.control.Button::isDefaultButton).findFirst().orElseThrow();
        assertEquals("Keep writing", keep.getText(), "Enter keeps what was typed");
        robot.interact(keep::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "Keep writing closed the sandbox");
        assertEquals("audit fee not accrued", reason.getText());

        // a choice made alone is writing too (session 14 looked at the fields' texts only): the entry's status chosen
        robot.interact(() -> reason.setText(""));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Object> status = (javafx.scene.control.ChoiceBox<Object>) stage.getScene().lookup("#proposing")
                .lookupAll(".choice-box").stream().filter(Node::isVisible).findFirst().orElseThrow();
        Object before = status.getValue();
        robot.interact(() -> status.setValue(status.getItems().stream().filter(item -> !item.equals(before)).findFirst().orElseThrow()));
        robot.interact(() -> escape(stage));
        WindowTests.waitUntil(() -> robot.lookup("#sandboxLeaveDialog").tryQuery().isPresent());
        assertTrue(stage.isShowing(), "the sandbox closed with the entry's status chosen in its form");
        javafx.scene.control.DialogPane again = robot.lookup("#sandboxLeaveDialog").queryAs(javafx.scene.control.DialogPane.class);
        robot.interact(() -> again.getButtonTypes().stream().map(type -> (javafx.scene.control.Button) again.lookupButton(type))
                .filter(javafx.scene.control.Button::isDefaultButton).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> status.setValue(before));
        robot.interact(() -> escape(stage));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "Esc with nothing written leaves the sandbox at once");
        assertTrue(robot.lookup("#sandboxLeaveDialog").tryQuery().isEmpty(), "nothing to ask about");
    }

    /** Esc as a key press reaches the window's focused node (Monocle's robot may hand keys to another window). */
    private static void escape(Stage window) {
        Node target = window.getScene().getFocusOwner() == null ? window.getScene().getRoot() : window.getScene().getFocusOwner();
        javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                javafx.scene.input.KeyCode.ESCAPE, false, false, false, false));
    }

    private static ScrollPane formPane(FxRobot robot, String form) {
        Node node = robot.lookup(form).query();
        while (!(node instanceof ScrollPane)) {
            node = node.getParent();
        }
        return (ScrollPane) node;
    }

    private static List<ScrollBar> horizontalBars(Node root) {
        return root.lookupAll(".scroll-bar").stream().filter(node -> node instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL).map(ScrollBar.class::cast).toList();
    }

    private static List<ScrollBar> visible(List<ScrollBar> bars) {
        return bars.stream().filter(bar -> bar.isVisible() && bar.getParent() != null && bar.getParent().isVisible()).toList();
    }

    /** Whether {@code node} lies wholly inside the viewport of {@code pane} (and so inside the window). */
    private static boolean within(Node node, ScrollPane pane) {
        Node viewport = pane.lookup(".viewport");
        Bounds seen = sceneBounds(viewport);
        Bounds bounds = sceneBounds(node);
        return bounds.getWidth() > 0 && bounds.getMinX() >= seen.getMinX() - 0.5 && bounds.getMaxX() <= seen.getMaxX() + 0.5
                && bounds.getMinY() >= seen.getMinY() - 0.5 && bounds.getMaxY() <= seen.getMaxY() + 0.5
                && seen.getMaxY() <= node.getScene().getHeight() + 0.5 && seen.getMaxX() <= node.getScene().getWidth() + 0.5;
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /**
     * What is wrong with how {@code cell} draws {@code whole}: the drawn lines (at its '\n's and where its text nodes wrap,
     * found from the caret's line) joined differ from the text other than by the breaks, a line breaks between two letters
     * or digits, or the drawn text is taller than the cell.
     */
    private static List<String> drawnProblems(javafx.scene.control.Labeled cell, String whole, double room) {
        List<String> problems = new ArrayList<>();
        List<javafx.scene.text.Text> texts = cell.lookupAll(".text").stream().filter(javafx.scene.text.Text.class::isInstance)
                .map(javafx.scene.text.Text.class::cast).filter(text -> text.isVisible() && text.getText() != null
                        && !text.getText().isEmpty()).toList();
        if (texts.isEmpty()) {
            texts = cell.getGraphic() instanceof javafx.scene.text.Text graphic ? List.of(graphic) : List.of();
        }
        if (cell.getWidth() > room + 1) {
            problems.add("'" + whole + "': " + Math.round(cell.getWidth()) + " px wide in " + Math.round(room) + " px");
        }
        StringBuilder drawn = new StringBuilder();
        for (javafx.scene.text.Text text : texts) {
            String content = text.getText();
            StringBuilder lines = new StringBuilder();
            double lineY = Double.NaN;
            for (int index = 0; index < content.length(); index++) {
                javafx.scene.shape.PathElement[] caret = text.caretShape(index, true);
                double y = caret.length > 0 && caret[0] instanceof javafx.scene.shape.MoveTo move ? move.getY() : lineY;
                if (!Double.isNaN(lineY) && y > lineY + 1 && content.charAt(index) != '\n' && index > 0 && content.charAt(index - 1) != '\n') {
                    lines.append('\n'); // a wrap the text node made
                }
                lineY = y;
                lines.append(content.charAt(index));
            }
            drawn.append(lines);
            double height = text.getLayoutBounds().getHeight();
            if (height > cell.getHeight() + 1) {
                problems.add("'" + whole + "': " + Math.round(height) + " px of text in a cell " + Math.round(cell.getHeight()) + " px tall");
            }
        }
        String shown = drawn.toString();
        if (!shown.replaceAll("\\s+", "").equals(whole.replaceAll("\\s+", ""))) {
            problems.add("'" + whole + "' drawn as '" + shown.replace("\n", "⏎") + "'");
        }
        // a break where the text has a space (dropped or kept) is between words; where it has none, only after ':' or '-'
        int at = 0;
        for (int index = 0; index < shown.length() && at <= whole.length(); index++) {
            char drawnChar = shown.charAt(index);
            if (drawnChar == '\n' && (at >= whole.length() || !Character.isWhitespace(whole.charAt(at)))) {
                if (index > 0 && Character.isLetterOrDigit(shown.charAt(index - 1))) {
                    problems.add("'" + whole + "' broken inside a word: '" + shown.replace("\n", "⏎") + "' (cell "
                            + Math.round(cell.getWidth()) + " px wide)");
                    break;
                }
                continue;
            }
            if (Character.isWhitespace(drawnChar)) {
                while (at < whole.length() && Character.isWhitespace(whole.charAt(at))) {
                    at++;
                }
                while (index + 1 < shown.length() && Character.isWhitespace(shown.charAt(index + 1))) {
                    index++;
                }
                continue;
            }
            while (at < whole.length() && Character.isWhitespace(whole.charAt(at))) {
                at++;
            }
            at++;
        }
        return problems;
    }
}
