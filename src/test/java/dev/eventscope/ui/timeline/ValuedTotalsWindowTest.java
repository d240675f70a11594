package dev.eventscope.ui.timeline;

import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.ui.FxTaskExecutor;
import dev.eventscope.ui.WindowTests;
import dev.eventscope.ui.state.MoneyText;
import dev.eventscope.ui.state.StateRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * The household sample's whole ledger (EUR, USD and CZK) shows its trial balance in EUR at the prices of the point:
 * its debits less credits in EUR is what {@code hledger bal -X EUR} totals on the sample journal, and each other
 * commodity names the price it was converted with.
 */
@ExtendWith(ApplicationExtension.class)
class ValuedTotalsWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        WindowTests.showWithSample(stage, executor, folder, "household-two-currencies");
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(executor);
    }

    @SuppressWarnings("unchecked")
    private static Optional<StateRow> row(FxRobot robot, String key) {
        TableView<StateRow> table = robot.lookup("#stateTable").queryAs(TableView.class);
        // the items are read on the FX thread, which changes them: read from the test's thread they raced the state
        // panel's refill (an IndexOutOfBoundsException in the CI of session 21)
        java.util.List<StateRow> items;
        try {
            items = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> java.util.List.copyOf(table.getItems())).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return items.stream().filter(row -> row.key().equals(key)).findFirst();
    }

    @Test
    void the_whole_ledger_reads_as_one_commodity_at_the_latest_prices(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(hasText("household-two-currencies.ledger")).queryLabeled());
        WindowTests.waitUntil(() -> robot.lookup("#scopeLedger").tryQuery().isPresent()
                && robot.lookup(hasText("checking")).tryQuery().isPresent());
        robot.clickOn("#scopeLedger");
        WindowTests.waitUntil(() -> row(robot, "valued:difference").isPresent());

        StateRow difference = row(robot, "valued:difference").orElseThrow();
        assertEquals("Trial balance in EUR (prices of 2025-12-31)", difference.section());
        assertEquals("Difference in EUR", difference.label());
        assertEquals("÷ 1.17 (P 2025-12-31)", row(robot, "valued:$").orElseThrow().value());
        assertEquals("÷ 24.20 (P 2025-12-31)", row(robot, "valued:Kč").orElseThrow().value());
        assertEquals("$ → EUR", row(robot, "valued:$").orElseThrow().label());
        assertTrue(row(robot, "valued:debits").orElseThrow().value().startsWith("80"), row(robot, "valued:debits").toString());

        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        BigDecimal hledgerTotal = Hledger.balances(Path.of("sample-data/household-two-currencies.journal"), java.util.List.of("-X", "EUR"),
                LocalDate.of(2025, 12, 31)).values().stream().map(byCommodity -> byCommodity.getOrDefault("EUR", BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(MoneyText.of(hledgerTotal.setScale(2, RoundingMode.HALF_EVEN), "EUR"), difference.value(),
                "hledger bal -X EUR totals " + hledgerTotal);
    }
}
