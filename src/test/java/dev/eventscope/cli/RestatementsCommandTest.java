package dev.eventscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.timetravel.RestatedLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: {@code restatements} on a ledger with planted late entries, reversals and back-dated entries
 * ({@link RestatedLedger}): only what changed the first quarter's figures after it was closed is listed, entry by
 * entry with who, when and by which command, and the effect per account is the balance as known now less the
 * balance as known at the closing.
 */
class RestatementsCommandTest {

    @TempDir
    Path folder;
    Path ledger;
    RestatedLedger planted;
    FakeLedgerStores stores;

    @BeforeEach
    void plantTheLedger() {
        ledger = folder.resolve("restated.ledger");
        planted = RestatedLedger.write(ledger);
        stores = new FakeLedgerStores().with(ledger);
    }

    private CliRun run(String... args) {
        return CliRun.onLedger(stores, ledger, args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    @Test
    void after_the_closing_the_late_entry_the_reversal_into_the_quarter_and_the_back_dated_sale_restate_it() {
        CliRun run = run("restatements", "--period-end", "2025-03-31", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        List<String[]> rows = run.out().lines().skip(1).map(line -> line.split(",", -1)).toList();
        List<String> postings = rows.stream().filter(row -> row[0].equals("posting"))
                .map(row -> row[5] + " " + row[6] + " " + row[3] + " " + row[4] + " " + row[7] + " " + row[8] + " " + row[10])
                .toList();
        assertEquals(List.of(
                "L1  carol PostEntry 2025-03-30 expenses:rent 40",
                "L1  carol PostEntry 2025-03-30 assets:bank -40",
                "RR1 R1 dave ReverseEntry 2025-03-31 expenses:rent -100",
                "RR1 R1 dave ReverseEntry 2025-03-31 assets:bank 100",
                "B1  erin PostEntry 2024-12-31 income:sales -75",
                "B1  erin PostEntry 2024-12-31 assets:bank 75"), postings.stream().map(line -> line.replace(".00", "")).toList());
        Map<String, String> effect = new TreeMap<>();
        rows.stream().filter(row -> row[0].equals("effect"))
                .forEach(row -> effect.put(row[8], row[11] + " " + row[10] + " " + row[12]));
        assertEquals(Map.of("assets:bank", "150 135 285", "expenses:rent", "100 -60 40", "income:sales", "-300 -75 -375"),
                normalised(effect));
        // the effect is the balance as known now less the balance as known at the closing, as `balance` answers them
        Map<String, BigDecimal> then = balances(run("balance", "--as-of", "2025-03-31", "--known-at",
                "#" + planted.firstClosing, "--format", "csv").out());
        Map<String, BigDecimal> now = balances(run("balance", "--as-of", "2025-03-31", "--format", "csv").out());
        rows.stream().filter(row -> row[0].equals("effect")).forEach(row -> assertEquals(0,
                now.getOrDefault(row[8], BigDecimal.ZERO).subtract(then.getOrDefault(row[8], BigDecimal.ZERO))
                        .compareTo(new BigDecimal(row[10])), row[8]));
    }

    @Test
    void the_text_names_the_closing_and_a_knowledge_point_moves_the_start() throws Exception {
        CliRun text = run("restatements", "--period-end", "2025-03-31");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("Period ending 2025-03-31, known at #" + planted.firstClosing
                + " (2025-01-01T00:00:"), text.out());
        assertTrue(text.out().contains("the period was closed (PeriodClosed at #" + planted.firstClosing + " by controller)"),
                text.out());
        assertTrue(text.out().contains("RR1 (reverses R1)"), text.out());
        assertTrue(!text.out().contains("T2") && !text.out().contains("RT1"), "entries dated after the quarter are not restatements");

        CliRun json = run("restatements", "--period-end", "2025-03-31", "--known-at", "#" + planted.lateEntry, "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(planted.lateEntry, root.get("knownAtPosition").asLong());
        List<String> entries = new java.util.ArrayList<>();
        root.get("postings").forEach(posting -> entries.add(posting.get("entry").asText()));
        assertEquals(List.of("RR1", "RR1", "B1", "B1"), entries);
    }

    @Test
    void a_period_never_closed_needs_a_knowledge_point_and_says_so_in_one_sentence() {
        CliRun never = run("restatements", "--period-end", "2025-06-30");
        assertEquals(ExitCodes.REFUSED, never.exitCode());
        assertEquals(List.of("The period ending 2025-06-30 was never closed, so there is no closing to count changes from;"
                + " give a knowledge point (--known-at POINT)."), never.errLines().stream()
                .filter(line -> !line.isBlank() && !line.contains("read models    ["))  // the catch-up's progress bar
                .toList());
        CliRun unreadable = run("restatements", "--period-end", "2025-03-31", "--known-at", "#x");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, unreadable.exitCode());
        assertTrue(unreadable.err().startsWith("--known-at '#x' is not a knowledge point;"), unreadable.err());
    }

    private static Map<String, String> normalised(Map<String, String> effect) {
        Map<String, String> result = new TreeMap<>();
        effect.forEach((account, figures) -> {
            StringBuilder text = new StringBuilder();
            for (String figure : figures.split(" ")) {
                text.append(text.length() == 0 ? "" : " ").append(new BigDecimal(figure).stripTrailingZeros().toPlainString());
            }
            result.put(account, text.toString());
        });
        return result;
    }

    private static Map<String, BigDecimal> balances(String csv) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        csv.lines().skip(1).map(line -> line.split(",")).forEach(cells -> balances.put(cells[0], new BigDecimal(cells[2])));
        return balances;
    }
}
