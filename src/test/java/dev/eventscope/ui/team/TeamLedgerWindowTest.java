package dev.eventscope.ui.team;

import dev.eventscope.application.CommandContext;
import dev.eventscope.bootstrap.TestBootstrap;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import dev.eventscope.eventstore.postgres.PostgresLedgerUrl;
import dev.eventscope.eventstore.postgres.PostgresOptions;
import dev.eventscope.eventstore.postgres.TestPostgres;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import dev.eventscope.ui.shell.MainWindowView;
import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File › Open team ledger… on a real PostgreSQL server (the embedded one the tests start): the dialog's
 * "Test connection" says in one sentence why a wrong password fails and that the right one works, Open
 * opens the ledger, the recent list keeps the URL and never the password, and two desktops (two main windows,
 * each with its own connections and settings) see each other's commands, and the command line's, appear live.
 */
@ExtendWith(ApplicationExtension.class)
class TeamLedgerWindowTest {

    private static final String PASSWORD = "clerk-Secret-42";
    private static PostgresLedgerUrl ledger;

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private Stage first;
    private Stage second;
    private MainWindowViewModel firstModel;
    private MainWindowViewModel secondModel;
    private Path firstConfig;

    @BeforeAll
    static void aTeamLedgerWithAClerkLogin() throws Exception {
        Assumptions.assumeTrue(TestPostgres.hasPasswordRules(),
                "logins with passwords are set up on the embedded server, and on an external one with its password rules");
        PostgresLedgerUrl owner = TestPostgres.freshLedger();
        try (SqliteEventStore sample = SqliteEventStore.openReadOnly(Path.of("sample-data/ledgers/small-business.ledger"));
             PostgresEventStore server = PostgresEventStore.open(owner)) {
            server.copyFrom(sample, "small-business.ledger");
        }
        List<String> roles = PostgresEventStore.grantRoles(owner, PostgresOptions.defaults());
        try (Connection admin = TestPostgres.admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS es_team_clerk");
            statement.execute("CREATE ROLE es_team_clerk LOGIN PASSWORD '" + PASSWORD + "' IN ROLE " + roles.get(0));
        }
        ledger = new PostgresLedgerUrl("es_team_clerk", owner.host(), owner.port(), owner.database(), owner.schema());
    }

    private MainWindowViewModel model(Path run) throws Exception {
        Path samples = Files.createDirectories(run.resolve("samples"));
        return new MainWindowViewModel(TestBootstrap.sessions(), executor, new SettingsStore(run.resolve("config")),
                new SampleLedgers(samples, run.resolve("data")), Clock.systemDefaultZone(), ZoneId.systemDefault());
    }

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        Path firstRun = Files.createTempDirectory(folder, "desk-a");
        firstConfig = firstRun.resolve("config");
        first = stage;
        firstModel = model(firstRun);
        MainWindowView.show(first, firstModel);
        first.setWidth(1240);
        first.setHeight(720);
        second = new Stage();
        secondModel = model(Files.createTempDirectory(folder, "desk-b"));
        MainWindowView.show(second, secondModel);
        second.setWidth(1240);
        second.setHeight(720);
    }

    @AfterEach
    void closeWindows() throws Exception {
        WindowTests.close(executor);
    }

    private static Node root(Stage stage) {
        return stage.getScene().getRoot();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static long position(FxRobot robot, Stage window) {
        String shown = robot.from(root(window)).lookup("#statusPosition").tryQuery().map(label -> ((Label) label).getText())
                .orElse("").replaceAll("\\D", "");
        return shown.isEmpty() ? -1 : Long.parseLong(shown);
    }

    private static void typeInto(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(field);
        Platform.runLater(field::clear);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(text);
    }

    private static long lastPosition() {
        try (PostgresEventStore store = PostgresEventStore.open(TestPostgres.baseUrl().withSchema(ledger.schema()),
                PostgresOptions.defaults(), true)) {
            return store.lastPosition();
        }
    }

    @Test
    @DisplayName("given the dialog, when the password is wrong and then right, then Test connection says so in one"
            + " sentence, Open opens the ledger, and the recent list keeps the URL without the password")
    void the_dialog_tests_the_connection_and_opens_the_ledger(FxRobot robot) throws Exception {
        Platform.runLater(first::toFront); // the second desktop's window lies on top of it
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(root(first)).lookup("#openTeamButton").queryAs(Node.class));
        WindowTests.waitUntil(() -> robot.lookup("#teamUrl").tryQuery().isPresent());
        String url = "postgresql://" + ledger.host() + ":" + ledger.port() + "/" + ledger.database() + "?schema=" + ledger.schema();
        typeInto(robot, "#teamUrl", url);
        typeInto(robot, "#teamUser", "es_team_clerk");
        typeInto(robot, "#teamPassword", "not-the-password");
        robot.clickOn("#testConnectionButton");
        WindowTests.waitUntil(() -> text(robot, "#teamResult").contains("refused"));
        assertEquals("The PostgreSQL server " + ledger.host() + ":" + ledger.port() + " refused the password of user"
                + " 'es_team_clerk' for the ledger " + ledger + "; check the password.", text(robot, "#teamResult"));

        typeInto(robot, "#teamPassword", PASSWORD);
        assertEquals("", text(robot, "#teamResult"), "a changed password clears the old result");
        robot.clickOn("#testConnectionButton");
        WindowTests.waitUntil(() -> text(robot, "#teamResult").startsWith("Connected"));
        assertEquals("Connected: " + ledger + " is an Eventscope ledger with " + String.format("%,d", lastPosition())
                + " events.", text(robot, "#teamResult"));

        robot.clickOn("#teamOpenButton");
        WindowTests.waitUntil(() -> firstModel.explorerProperty().get() != null);
        WindowTests.waitUntil(() -> position(robot, first) == lastPosition());
        assertTrue(first.getTitle().startsWith(ledger.toString()), first.getTitle());
        assertFalse(robot.lookup("#teamUrl").tryQuery().isPresent(), "the dialog closed");

        assertEquals(List.of(Path.of(ledger.toString())), firstModel.recentLedgers());
        assertEquals(ledger.toString(), dev.eventscope.session.LedgerSessions.displayName(firstModel.recentLedgers().get(0)));
        try (Stream<Path> files = Files.walk(firstConfig)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(PASSWORD), file + " holds the password");
            }
        }
        // picked from the recent list, a team ledger asks for its password again: the dialog opens, filled in
        Platform.runLater(firstModel::close);
        WindowTests.waitUntil(() -> firstModel.explorerProperty().get() == null);
        Platform.runLater(() -> firstModel.welcome().openRecent(firstModel.recentLedgers().get(0)));
        WindowTests.waitUntil(() -> robot.lookup("#teamUrl").tryQuery().isPresent());
        assertEquals(ledger.toString(), robot.lookup("#teamUrl").queryAs(TextField.class).getText());
        assertEquals("", robot.lookup("#teamPassword").queryAs(TextField.class).getText());
    }

    @Test
    @DisplayName("given two desktops on one team ledger, then each sees the other's command, and the command line's, live")
    void two_desktops_see_each_others_commands_live(FxRobot robot) throws Exception {
        Path url = Path.of(ledger.toString());
        Platform.runLater(() -> firstModel.openTeamLedger(url, false, PASSWORD.toCharArray()));
        Platform.runLater(() -> secondModel.openTeamLedger(url, false, PASSWORD.toCharArray()));
        long start = lastPosition();
        WindowTests.waitUntil(() -> position(robot, first) == start && position(robot, second) == start);

        // the second desktop posts an entry: the first shows it without a click
        LedgerSession secondSession = secondModel.explorerProperty().get().session();
        CompletableFuture.runAsync(() -> secondSession.commands().execute(new EntryCommand.PostEntry(EntryId.of("TEAM-1"),
                LocalDate.of(2026, 1, 5), null, EntryStatus.UNMARKED, null, "Posted on desk B", null, null, List.of(
                Posting.of(AccountName.of("assets:bank:checking"), Money.of("12.00", "EUR")),
                Posting.of(AccountName.of("income:interest"), Money.of("-12.00", "EUR")))), CommandContext.byUser("bob"))).get();
        long afterSecond = lastPosition();
        assertTrue(afterSecond > start);
        WindowTests.waitUntil(() -> position(robot, first) == afterSecond && position(robot, second) == afterSecond);

        // the command line (another process's connection) posts: both desktops show it
        int exit = TestBootstrap.commandLine().execute("post", "--ledger", TestPostgres.baseUrl().withSchema(ledger.schema()).toString(),
                "--id", "TEAM-2", "--date", "2026-01-06", "--description", "From the command line",
                "--posting", "assets:bank:checking  5 EUR", "--posting", "income:interest", "--user", "carol");
        assertEquals(0, exit);
        long afterCli = lastPosition();
        WindowTests.waitUntil(() -> position(robot, first) == afterCli && position(robot, second) == afterCli);
        WindowTests.waitUntil(() -> firstModel.explorerProperty().get().session().queries()
                .accountRegister("income:interest", null, afterSecond, afterCli).size() == 1);
        assertEquals("carol", firstModel.explorerProperty().get().session().queries()
                .accountRegister("income:interest", null, afterSecond, afterCli).get(0).user());
    }
}
