package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementCsv;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code eventscope statement} on a copy of the small-business sample ledger, and valued on the household sample. */
class StatementCommandTest {

    @TempDir
    Path folder;

    private Path ledger;

    @BeforeEach
    void copyTheSample() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("small-business.ledger"));
    }

    private CliRun statement(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "statement";
        args[1] = "--ledger";
        args[2] = ledger.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.run(new FakeLedgerStores().with(ledger), args);
    }

    @Test
    void an_income_statement_per_quarter_as_csv() {
        CliRun run = statement("income", "--period", "2025", "--quarterly", "--depth", "1", "--format", "csv");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(List.of(
                "section,account,level,commodity,2025Q1,2025Q2,2025Q3,2025Q4",
                "Revenues,income,1,EUR,59680,44540,47810,34352.37",
                "Revenues,total,,EUR,59680,44540,47810,34352.37",
                "Expenses,expenses,1,EUR,33557.57,34011.62,35922.37,49245.24",
                "Expenses,total,,EUR,33557.57,34011.62,35922.37,49245.24",
                ",Net,,EUR,26122.43,10528.38,11887.63,-14892.87"), run.out().lines().toList());
    }

    @Test
    void a_period_it_cannot_read_is_one_sentence_naming_it() {
        CliRun run = statement("balance-sheet", "--period", "2025Q5");

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("--period \"2025Q5\" cannot be read: give a year (2025)"), run.err());
        assertEquals("", run.out());
    }

    /** hledger 1.25's -p reads these too (each checked with hledger): the same statement as the dotted form. */
    @Test
    void the_period_forms_hledger_reads_in_words_and_hyphens_give_the_same_statement() {
        CliRun dotted = statement("income", "--period", "2025-01..2025-04", "--depth", "1", "--format", "csv");
        assertEquals(ExitCodes.OK, dotted.exitCode(), dotted.err());
        for (String period : List.of("from 2025-01 to 2025-04", "2025-01-01 to 2025-04-01", "2025-01-2025-04", "2025Q1", "in 2025Q1")) {
            CliRun run = statement("income", "--period", period, "--depth", "1", "--format", "csv");
            assertEquals(ExitCodes.OK, run.exitCode(), period + ": " + run.err());
            assertEquals(dotted.out(), run.out(), period);
        }
    }

    @Test
    void a_period_relative_to_today_and_an_interval_in_the_period_are_refused_in_one_sentence_naming_the_option() {
        CliRun relative = statement("income", "-p", "last year");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, relative.exitCode());
        assertEquals(List.of("--period \"last year\" cannot be read: a period relative to today or named by a word is not"
                + " read, since a report of the books must not change with the day it is run; give its dates instead, as 2025,"
                + " 2025-01 or 2025-01..2025-04."), relative.errLines());

        CliRun interval = statement("income", "-p", "monthly in 2025");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, interval.exitCode());
        assertEquals(List.of("--period \"monthly in 2025\" cannot be read: give the columns with -M, -Q or -Y beside the"
                + " period instead, as --period 2025 -M."), interval.errLines());
    }

    @Test
    void a_negative_depth_is_one_sentence_and_depth_0_shows_every_level() {
        CliRun negative = statement("income", "--depth", "-1");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, negative.exitCode());
        assertEquals(List.of("--depth must be 0 (every level) or more, not -1."), negative.errLines());

        CliRun every = statement("income", "--depth", "0", "--format", "csv");
        CliRun none = statement("income", "--format", "csv");
        assertEquals(ExitCodes.OK, every.exitCode(), every.err());
        assertEquals(none.out(), every.out());
    }

    @Test
    void a_period_outside_the_ledger_shows_zero_columns_as_hledger_does() {
        CliRun run = statement("income", "-p", "1990", "--format", "csv");

        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(List.of("section,account,level,commodity,1990", "Revenues,total,,,0", "Expenses,total,,,0", ",Net,,,0"),
                run.out().lines().toList());
    }

    @Test
    void an_empty_ledger_says_it_has_no_entries() throws Exception {
        Files.delete(ledger);
        assertEquals(ExitCodes.OK, CliRun.run(new FakeLedgerStores().with(ledger), "init", "--ledger", ledger.toString()).exitCode());
        for (String kind : List.of("balance-sheet", "income", "trial-balance")) {
            CliRun run = statement(kind, "-Q", "--value", "EUR");
            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertEquals("No entries in the ledger.\n", run.out(), kind);
        }
    }

    @Test
    void an_unknown_statement_is_named() {
        CliRun run = statement("cash-flow");

        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
        assertTrue(run.err().contains("\"cash-flow\""), run.err());
    }

    @Test
    void the_read_models_and_the_replay_give_the_same_statement_on_either_clock() {
        String fromReadModels = statement("balance-sheet", "-p", "2025", "-M", "--depth", "2", "--format", "csv").out();
        String replayed = statement("balance-sheet", "-p", "2025", "-M", "--depth", "2", "--format", "csv", "--replay").out();
        assertEquals(replayed, fromReadModels);

        CliRun json = statement("trial-balance", "--format", "json");
        assertEquals(ExitCodes.OK, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"statement\" : \"trial-balance\""), json.out());
        CliRun html = statement("income", "-Y", "--format", "html");
        assertTrue(html.out().contains("<table class=\"statement\">"), html.out());
    }

    @Test
    void at_a_position_it_counts_only_the_events_recorded_up_to_it() {
        String atPosition = statement("balance-sheet", "-p", "2025", "-Q", "--at-position", "300", "--format", "csv").out();
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledger)) {
            StatementRequest request = new StatementRequest(StatementKind.BALANCE_SHEET, ReportPeriod.parse("2025"), Interval.QUARTERLY,
                    0, StatementClock.ENTRY_DATE);
            String expected = StatementCsv.records(session.statements().replayed(request, 300)).stream()
                    .map(record -> String.join(",", record)).collect(Collectors.joining("\n", "", "\n"));
            assertEquals(expected, atPosition);
            String now = StatementCsv.records(session.statements().replayed(request, Long.MAX_VALUE)).stream()
                    .map(record -> String.join(",", record)).collect(Collectors.joining("\n", "", "\n"));
            assertTrue(!now.equals(atPosition), "position 300 is before the ledger's last event");
        }
    }

    /**
     * {@code --value/--market/--value-date} on a copy of the household sample ledger (16 market prices, each recorded
     * the morning after its date): the figures hledger 1.25's {@code bs -X EUR -Q} prints, and the price each column
     * used for each commodity, in text, CSV and JSON.
     */
    @Nested
    class Valued {

        @BeforeEach
        void copyTheHouseholdSample() throws Exception {
            ledger = Files.copy(Path.of("sample-data/ledgers/household-two-currencies.ledger"), folder.resolve("household.ledger"));
        }

        @Test
        void a_balance_sheet_in_euros_values_each_quarter_at_its_end_and_lists_the_prices_used() {
            CliRun run = statement("balance-sheet", "-p", "2025", "-Q", "--depth", "1", "--value", "EUR");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            String out = run.out();
            assertTrue(out.startsWith("Balance Sheet 2025-03-31..2025-12-31, valued in EUR at period ends\n"), out);
            // hledger -f household-two-currencies.journal bs -X EUR -Q -p 2025 --depth 1: 31,149.33 38,465.06 40,506.80 49,768.51 EUR
            assertTrue(out.lines().anyMatch(line -> line.startsWith("assets ")
                    && line.endsWith("|  31149.33 EUR  38465.06 EUR  40506.80 EUR  49768.51 EUR")), out);
            assertTrue(out.contains("  2025-03-31  $ \u2192 EUR \u00d7 0.9259259259 (reverse of P 2025-03-31 EUR 1.08 $)\n"), out);
            assertTrue(out.contains("  2025-12-31  K\u010d \u2192 EUR \u00d7 0.041322314 (reverse of P 2025-12-31 EUR 24.20 K\u010d)\n"), out);
        }

        @Test
        void csv_gives_values_at_ten_places_and_one_price_record_per_commodity_converted() {
            CliRun run = statement("income", "-p", "2025", "-Q", "--depth", "1", "--value", "EUR", "--format", "csv");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            assertEquals("section,account,level,commodity,2025Q1,2025Q2,2025Q3,2025Q4", lines.get(0));
            assertEquals("Revenues,income,1,EUR,13277.8222222222,14586.0803418803,12979.6,15638.7478632479", lines.get(1));
            assertEquals(List.of("price,$,,EUR,0.9259259259,0.8547008547,0.8547008547,0.8547008547", "price,K\u010d,,EUR,,0.040096231,,"),
                    lines.subList(lines.size() - 2, lines.size()));
        }

        @Test
        void json_names_each_price_with_its_steps() throws Exception {
            CliRun run = statement("balance-sheet", "-p", "2025", "-Y", "--market", "--format", "json");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            JsonNode valuation = new ObjectMapper().readTree(run.out()).get("valuation");
            assertEquals("valued at market prices at period ends", valuation.get("description").asText());
            JsonNode column = valuation.get("columns").get(0);
            assertEquals("2025-12-31", column.get("date").asText());
            JsonNode euro = null;
            for (JsonNode price : column.get("prices")) {
                if (price.get("commodity").asText().equals("EUR")) {
                    euro = price;
                }
            }
            // -V: the euro goes to the commodity of its latest price, the crown price of 2025-12-31 (recorded after the dollar one)
            assertEquals("CONVERTED", euro.get("status").asText(), column.toString());
            assertEquals("K\u010d", euro.get("valueCommodity").asText());
            assertEquals("P 2025-12-31 EUR 24.20 K\u010d", euro.get("description").asText());
            assertEquals(false, euro.get("steps").get(0).get("reversed").asBoolean());
        }

        @Test
        void on_the_recorded_clock_a_column_takes_the_prices_recorded_by_the_end_of_its_day() {
            // each month-end price is recorded the next morning: at the end of 2025-03-31 the ledger knew February's
            CliRun run = statement("income", "-p", "2025", "-Q", "--depth", "1", "--value", "EUR", "--clock", "recorded");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertTrue(run.out().contains("  2025Q1 (on 2025-03-31)  $ \u2192 EUR \u00d7 0.9615384615 (reverse of P 2025-02-28 EUR 1.04 $)\n"),
                    run.out());
        }

        @Test
        void at_a_position_a_column_takes_the_prices_recorded_up_to_it() {
            // the price of 2025-03-31 is the event at position 177
            CliRun before = statement("balance-sheet", "-p", "2025Q1", "--value", "EUR", "--at-position", "176");
            CliRun after = statement("balance-sheet", "-p", "2025Q1", "--value", "EUR", "--at-position", "177");

            assertEquals(ExitCodes.OK, before.exitCode(), before.err());
            assertTrue(before.out().contains("  2025-03-31  $ \u2192 EUR \u00d7 0.9615384615 (reverse of P 2025-02-28 EUR 1.04 $)\n"),
                    before.out());
            assertTrue(after.out().contains("  2025-03-31  $ \u2192 EUR \u00d7 0.9259259259 (reverse of P 2025-03-31 EUR 1.08 $)\n"),
                    after.out());
        }

        @Test
        void a_valuation_date_values_every_column_on_that_day() {
            CliRun run = statement("income", "-p", "2025", "-Q", "--depth", "1", "--value", "EUR", "--value-date", "2025-06-30");

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("Income Statement 2025Q1..2025Q4, valued in EUR on 2025-06-30\n"), run.out());
            assertTrue(run.out().contains("  2025Q4 (on 2025-06-30)  $ \u2192 EUR \u00d7 0.8547008547 (reverse of P 2025-06-30 EUR 1.17 $)\n"),
                    run.out());
        }

        @Test
        void a_valuation_date_without_a_target_and_two_targets_are_refused_in_one_sentence() {
            CliRun alone = statement("income", "--value-date", "2025-06-30");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, alone.exitCode());
            assertEquals(List.of("--value-date needs --value COMMODITY or --market."), alone.errLines());

            CliRun both = statement("income", "--value", "EUR", "--market");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, both.exitCode());
            assertEquals(List.of("Give either --value COMMODITY or --market, not both."), both.errLines());
        }

        @Test
        void a_commodity_no_price_and_no_balance_names_is_refused_in_one_sentence_listing_those_it_could_be() {
            for (CliRun run : List.of(statement("income", "--value", "EUX"), statement("balance-sheet", "--value", "EUX", "--replay"))) {
                assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, run.exitCode());
                assertEquals(List.of("--value EUX names a commodity that no market price and no balance of the ledger holds,"
                        + " so nothing could be valued in it: give one of $, EUR, Kč, as --value $."), run.errLines().stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("read models")).toList());
                assertEquals("", run.out());
            }
            CliRun balance = CliRun.run(new FakeLedgerStores().with(ledger), "trial-balance", "--ledger", ledger.toString(),
                    "--value", "EUX");
            assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, balance.exitCode());
            assertTrue(balance.err().startsWith("--value EUX names a commodity that no market price"), balance.err());
        }
    }
}
