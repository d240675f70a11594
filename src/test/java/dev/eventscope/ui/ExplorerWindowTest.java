package dev.eventscope.ui;

import dev.eventscope.ui.explorer.EventRow;
import dev.eventscope.ui.settings.SettingsStore;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * Drives the real window (headless Monocle in {@code mvn test}; a real window with {@code -Dgui}):
 * welcome screen, opening a ledger, the sidebar, the history, the detail, the integrity banner and
 * the error dialog.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {


    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private Stage stage;
    private dev.eventscope.ui.shell.MainWindowViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path run = Files.createTempDirectory(folder, "run");
        Path samples = Files.createDirectories(run.resolve("samples"));
        LedgerFixtures.bookkeepingLedger(samples.resolve("books.ledger"), 6);
        Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), samples.resolve("small-business.ledger"));
        LedgerFixtures.bookkeepingLedger(samples.resolve("tampered.ledger"), 6);
        LedgerFixtures.tamper(samples.resolve("tampered.ledger"), 13, "{\"entryId\":\"entry-0003\",\"amount\":\"999999.00 EUR\"}");
        SettingsStore settings = new SettingsStore(run.resolve("config"));
        settings.rememberRecent(Files.writeString(run.resolve("shopping-list.txt"), "milk\neggs\n"));
        executor = new FxTaskExecutor();
        this.stage = stage;
        model = WindowTests.show(stage, WindowTests.model(executor, run, settings, samples));
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowTests.waitUntil(condition);
    }

    private <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private void openSample(FxRobot robot, String name) throws Exception {
        robot.clickOn(robot.lookup(hasText(name)).queryLabeled());
        waitUntil(() -> !robot.lookup("#streamTree").queryAll().isEmpty());
        waitUntil(() -> !robot.lookup(hasText("checking")).queryAll().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private TableView<EventRow> table(FxRobot robot) {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    @Test
    void a_user_opens_a_sample_selects_an_account_and_an_event_and_reads_its_json(FxRobot robot) throws Exception {
        assertTrue(robot.lookup(hasText("Sample ledgers")).tryQuery().isPresent(), "the welcome screen is shown");
        openSample(robot, "books.ledger");
        assertEquals("books.ledger — Eventscope", stage.getTitle());

        robot.clickOn(robot.lookup(hasText("checking")).queryLabeled());
        waitUntil(() -> WindowTests.items(table(robot)).size() == 7);

        robot.clickOn(robot.lookup("#historyTable .table-row-cell").nth(2).queryAs(Node.class));
        waitUntil(() -> node(robot, "#jsonText", TextArea.class).getText().contains("\"entryId\" : \"entry-0002\""));
        assertEquals("PostingRecorded  ·  #9", node(robot, "#detailHeading", Label.class).getText());

        // the metadata shows the correlation id as a link to every event of the same command
        waitUntil(() -> robot.lookup("#correlationLink").tryQuery().isPresent());
        robot.clickOn("#correlationLink");
        waitUntil(() -> WindowTests.items(table(robot)).size() == 3);
        assertEquals(java.util.List.of(8L, 9L, 10L), WindowTests.items(table(robot)).stream().map(EventRow::position).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_history_filters_tick_several_event_types_and_users_and_show_events_matching_any_ticked_value(FxRobot robot)
            throws Exception {
        openSample(robot, "books.ledger");
        robot.clickOn(robot.lookup(hasText("checking")).queryLabeled());
        waitUntil(() -> WindowTests.items(table(robot)).size() == 7);
        org.controlsfx.control.CheckComboBox<String> types = node(robot, "#eventTypeFilter", org.controlsfx.control.CheckComboBox.class);
        org.controlsfx.control.CheckComboBox<String> users = node(robot, "#userFilter", org.controlsfx.control.CheckComboBox.class);
        assertEquals("All event types", types.getTitle());
        assertEquals(java.util.List.of("alice", "bob"), WindowTests.onFx(() -> java.util.List.copyOf(users.getItems())));

        tick(robot, types, "PostingRecorded");
        waitUntil(() -> WindowTests.items(table(robot)).size() == 6);
        tick(robot, users, "bob");
        waitUntil(() -> WindowTests.items(table(robot)).size() == 3);
        assertTrue(WindowTests.items(table(robot)).stream().allMatch(row -> "bob".equals(row.user())));
        // a second type ticked: the account's opening is alice's, so bob's three postings stay alone
        tick(robot, types, "AccountOpened");
        assertEquals("AccountOpened, PostingRecorded", types.getTitle());
        waitUntil(() -> WindowTests.items(table(robot)).size() == 3);
        // a second user ticked: an event of any ticked user shows, so the opening and alice's postings come back
        tick(robot, users, "alice");
        waitUntil(() -> WindowTests.items(table(robot)).size() == 7);
        assertEquals(1, WindowTests.items(table(robot)).stream().filter(row -> row.event().type().equals("AccountOpened")).count());
        assertEquals("alice, bob", users.getTitle());

        robot.clickOn("#clearFiltersButton");
        waitUntil(() -> types.getCheckModel().getCheckedItems().isEmpty() && users.getCheckModel().getCheckedItems().isEmpty());
        assertEquals("All event types", types.getTitle());
        assertEquals("All users", users.getTitle());
        assertEquals(7, WindowTests.items(table(robot)).size());
    }

    /** Opens the filter's list, clicks the value's check box in it and closes the list again. */
    private void tick(FxRobot robot, org.controlsfx.control.CheckComboBox<String> box, String value) throws Exception {
        robot.clickOn(box);
        waitUntil(() -> robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .anyMatch(cell -> value.equals(cell.getItem()) && cell.isVisible()));
        javafx.scene.control.ListCell<?> cell = robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(candidate -> value.equals(candidate.getItem()) && candidate.isVisible()).findFirst().orElseThrow();
        robot.clickOn(robot.from(cell).lookup(".check-box").queryAs(Node.class));
        waitUntil(() -> box.getCheckModel().isChecked(value));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .noneMatch(candidate -> value.equals(candidate.getItem()) && candidate.getScene().getWindow().isShowing()));
    }

    @Test
    void parent_accounts_show_their_subtotal_in_the_sidebar_rolled_up_from_their_sub_accounts(FxRobot robot) throws Exception {
        openSample(robot, "small-business.ledger");
        waitUntil(() -> robot.lookup(".subtotal").queryAll().stream().anyMatch(Node::isVisible));
        dev.eventscope.session.LedgerSession session = model.explorerProperty().get().session();
        // an independent roll-up of the full replay: every balance of an account named "assets:…" adds to "assets"
        java.util.Map<String, java.math.BigDecimal> assets = new java.util.TreeMap<>();
        session.fullReplay().balances(session.lastPosition()).forEach((account, commodity, amount) -> {
            if (account.startsWith("assets:")) {
                assets.merge(commodity, amount, java.math.BigDecimal::add);
            }
        });
        String expected = assets.entrySet().stream().filter(entry -> entry.getValue().signum() != 0)
                .map(entry -> dev.eventscope.ui.state.MoneyText.of(entry.getValue(), entry.getKey()))
                .collect(java.util.stream.Collectors.joining(" · "));
        Label assetsName = robot.lookup(".stream-tree .label").queryAllAs(Label.class).stream()
                .filter(label -> "assets".equals(label.getText())).findFirst().orElseThrow();
        Label subtotal = (Label) assetsName.getParent().getChildrenUnmodifiable().get(1);
        assertTrue(subtotal.isVisible(), "the assets level shows its subtotal");
        assertEquals(expected, subtotal.getText());
        assertTrue(assetsName.getParent().getParent() instanceof javafx.scene.control.TreeCell<?> cell
                && cell.getTooltip().getText().contains("assets with its sub-accounts: " + expected));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_selected_accounts_path_shows_as_bread_crumbs_and_a_parents_crumb_lists_the_accounts_beneath_it(FxRobot robot)
            throws Exception {
        openSample(robot, "small-business.ledger");
        robot.interact(() -> model.explorerProperty().get().sidebar()
                .select(dev.eventscope.eventstore.StreamId.of("account-assets:bank:checking")));
        org.controlsfx.control.BreadCrumbBar<String> crumbs = robot.lookup(".bread-crumb-bar").queryAs(org.controlsfx.control.BreadCrumbBar.class);
        waitUntil(() -> crumbs.isVisible() && crumbs.getSelectedCrumb() != null);
        java.util.List<String> path = new java.util.ArrayList<>();
        for (javafx.scene.control.TreeItem<String> item = crumbs.getSelectedCrumb(); item != null; item = item.getParent()) {
            path.add(0, item.getValue());
        }
        // the whole path, or (session 19) where the sidebar is narrower than it, its end after one "…" crumb
        java.util.List<String> whole = java.util.List.of("Accounts", "assets", "bank", "checking");
        assertTrue(path.equals(whole) || path.get(0).equals("…") && path.size() >= 3
                && whole.subList(whole.size() - path.size() + 1, whole.size()).equals(path.subList(1, path.size())), path.toString());
        robot.clickOn(robot.from(crumbs).lookup(hasText("bank")).queryButton());
        waitUntil(() -> "account-assets:bank".equals(model.explorerProperty().get().sidebar().searchProperty().get()));
        waitUntil(() -> robot.lookup(hasText("savings")).tryQuery().isPresent() && robot.lookup(hasText("equipment")).tryQuery().isEmpty());
    }

    @Test
    void verifying_an_intact_ledger_shows_the_green_banner(FxRobot robot) throws Exception {
        openSample(robot, "books.ledger");
        robot.clickOn("#verifyButton");
        waitUntil(() -> node(robot, "#banner", Node.class).isVisible());
        assertEquals("Intact through #22 · head hash", node(robot, "#bannerText", Label.class).getText().substring(0, 30));
        assertTrue(node(robot, "#banner", Node.class).getStyleClass().contains("banner-ok"));
    }

    @Test
    void verifying_a_tampered_ledger_shows_the_red_banner_whose_link_jumps_to_the_altered_event(FxRobot robot) throws Exception {
        openSample(robot, "tampered.ledger");
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.I)
                .release(javafx.scene.input.KeyCode.I).release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> node(robot, "#banner", Node.class).isVisible());
        String banner = node(robot, "#bannerText", Label.class).getText();
        assertTrue(banner.startsWith("Tampered at #13: altered — "), banner);
        assertTrue(node(robot, "#banner", Node.class).getStyleClass().contains("banner-bad"));

        robot.clickOn("#bannerLink");
        waitUntil(() -> table(robot).getSelectionModel().getSelectedItem() != null);
        EventRow selected = table(robot).getSelectionModel().getSelectedItem();
        assertEquals(13, selected.position());
        assertEquals("✗ altered", selected.hashLabel());
    }

    @Test
    void opening_a_text_file_shows_the_stores_message_in_a_dialog(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("shopping-list.txt")).queryLabeled());
        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        String message = robot.lookup("#errorDialog").queryAs(DialogPane.class).getContentText();
        assertTrue(message.contains("shopping-list.txt"), message);
        assertTrue(!message.contains("Exception") && !message.contains("\tat "), message);
        assertTrue(robot.lookup(hasText("Sample ledgers")).tryQuery().isPresent(), "still on the welcome screen");
    }
}
