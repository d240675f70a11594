package dev.eventscope.journal;

import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The periods of periodic transactions ({@code ~ PERIOD}) the import reads and refuses against hledger 1.25's answers:
 * the 392 period texts of {@code journals/hledger-1.25-periods.tsv} (the forms of hledger's manual and tests, the
 * corpora's rules and texts built from the grammar's words), recorded from hledger 1.25 in session 22, and every tenth
 * of them run again through hledger where it is installed; and the starts written without a year or relative of
 * {@code journals/hledger-1.25-relative-starts.tsv} (60 texts after {@code Y 2023} to {@code Y 2027}, session 23).
 */
class PeriodExpressionTest {

    private static final Path RECORDED = Path.of("src/test/resources/journals/hledger-1.25-periods.tsv");
    private static final Path RELATIVE = Path.of("src/test/resources/journals/hledger-1.25-relative-starts.tsv");

    @TempDir
    Path folder;

    @Test
    void every_recorded_period_is_read_or_refused_as_hledger_reads_or_refuses_it() throws Exception {
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (String[] entry : recorded()) {
            count++;
            // six texts start relative to hledger's reference date, 1 January of the Y year or the current year (fixed
            // as hledger fixes it since session 23: the_years_answer_of_a_relative_start_is_hledgers); their recorded
            // answers are 2024's, whose 1 January is a Monday, so every text is checked in 2024
            boolean hledgerReads = !entry[0].equals("refused");
            if (imports(entry[1], 2024) != hledgerReads) {
                wrong.add(entry[0] + " by hledger 1.25, " + (hledgerReads ? "refused" : "read") + " here: ~ " + entry[1]);
            }
        }
        assertEquals(392, count, "the recorded periods");
        assertEquals(List.of(), wrong);
    }

    @Test
    void hledger_still_gives_the_recorded_answers() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        List<String[]> recorded = recorded();
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i += 10) {
            String[] entry = recorded.get(i);
            Path journal = folder.resolve("period" + i + ".journal");
            // Y 2024: the year a start without one, or relative, is read in (hledger's reference date, 1 January)
            Files.writeString(journal, "Y 2024\n~ " + entry[1] + "\n    (a)  1\n\n2024-01-01 x\n    a  1\n    b\n",
                    StandardCharsets.UTF_8);
            boolean reads = Hledger.check(journal).succeeded();
            if (reads != entry[0].equals("read")) {
                differ.add(entry[0] + " recorded, " + (reads ? "read" : "refused") + " now: ~ " + entry[1]);
            }
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void a_period_gives_its_unit_and_the_start_it_writes_out() {
        assertEquals(new PeriodExpression.Period(PeriodExpression.Unit.MONTH, 2024, 1, 15),
                PeriodExpression.parse("every 2 months from 2024-01-15 to 2025"));
        assertEquals(new PeriodExpression.Period(PeriodExpression.Unit.QUARTER, 2025, 4, 1),
                PeriodExpression.parse("Quarterly 2025q2"));
        assertEquals(new PeriodExpression.Period(PeriodExpression.Unit.YEAR, 0, 2, 1),
                PeriodExpression.parse("yearly from feb"));
        assertEquals(new PeriodExpression.Period(PeriodExpression.Unit.WEEK, 0, 0, 0),
                PeriodExpression.parse("every 2 weeks to 2025"));
        assertEquals(new PeriodExpression.Period(PeriodExpression.Unit.OTHER, 0, 0, 0),
                PeriodExpression.parse("every 2nd thursday of month"));
        assertEquals(new PeriodExpression.Period(null, 2024, 3, 1), PeriodExpression.parse("2024-03..2024-05"));
        assertNotNull(PeriodExpression.parse("in 3 days"));
        assertNotNull(PeriodExpression.parse("monthly\u00A0from 2024-01-01")); // a no-break space is a space, as in hledger
        assertNull(PeriodExpression.parse("every months"));
        assertNull(PeriodExpression.parse(""));
    }

    @Test
    void the_period_is_the_text_up_to_two_spaces_or_a_semicolon() {
        assertEquals("monthly", PeriodicRuleStart.periodText("monthly  rent"));
        assertEquals("monthly", PeriodicRuleStart.periodText("monthly ; comment"));
        assertEquals("monthly", PeriodicRuleStart.periodText("monthly;comment"));
        assertEquals("Monthly Rent", PeriodicRuleStart.periodText("Monthly Rent"));
        assertEquals("every", PeriodicRuleStart.periodText("every \t2 months"));
        assertEquals("every 2 months", PeriodicRuleStart.periodText("every 2 months\t\tdescription"));
    }

    /**
     * A start with parts left out or relative to the day is fixed from 1 January of the {@code Y} year in force (else
     * of the current year), as hledger 1.25 fixes it; checked against hledger's answers for 2023 to 2027 (recorded in
     * session 23 with {@code Y YEAR} before the rule), and each of those years again through hledger where installed.
     */
    @Test
    void the_years_answer_of_a_relative_start_is_hledgers() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<String[]> cases = relativeCases();
        for (String[] entry : cases) {
            int year = Integer.parseInt(entry[0]);
            boolean hledgerReads = entry[1].equals("read");
            if (imports(entry[2], year) != hledgerReads) {
                wrong.add(year + ": " + entry[1] + " by hledger 1.25, " + (hledgerReads ? "refused" : "read") + " here: ~ "
                        + entry[2]);
            }
        }
        assertEquals(300, cases.size(), "the recorded relative starts");
        assertEquals(List.of(), wrong);
    }

    @Test
    void hledger_still_gives_the_recorded_answers_for_relative_starts() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        List<String[]> cases = relativeCases();
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < cases.size(); i += 7) {
            String[] entry = cases.get(i);
            Path journal = folder.resolve("relative" + i + ".journal");
            Files.writeString(journal, "Y " + entry[0] + "\n~ " + entry[2] + "\n    (a)  1\n", StandardCharsets.UTF_8);
            boolean reads = Hledger.check(journal).succeeded();
            if (reads != entry[1].equals("read")) {
                differ.add(entry[0] + ": " + entry[1] + " recorded, " + (reads ? "read" : "refused") + " now: ~ " + entry[2]);
            }
        }
        assertEquals(List.of(), differ);
    }

    @Test
    void a_relative_start_is_fixed_from_the_first_of_january_of_its_year() {
        assertEquals(java.time.LocalDate.of(2026, 1, 4), PeriodicRuleStart.start(PeriodExpression.parse("monthly in 3 days"), 2026));
        assertEquals(java.time.LocalDate.of(2025, 12, 29), PeriodicRuleStart.start(PeriodExpression.parse("weekly this week"), 2026));
        assertEquals(java.time.LocalDate.of(2026, 1, 5), PeriodicRuleStart.start(PeriodExpression.parse("weekly in 1 weeks"), 2026));
        assertEquals(java.time.LocalDate.of(2025, 11, 1), PeriodicRuleStart.start(PeriodExpression.parse("monthly 2 months ago"), 2026));
        assertEquals(java.time.LocalDate.of(2026, 1, 15), PeriodicRuleStart.start(PeriodExpression.parse("biweekly 15"), 2026));
        assertEquals(java.time.LocalDate.of(2026, 12, 29), PeriodicRuleStart.start(PeriodExpression.parse("weekly from 12/29"), 2026));
        assertEquals(java.time.LocalDate.of(2027, 1, 1), PeriodicRuleStart.start(PeriodExpression.parse("weekly next year"), 2026));
        assertNull(PeriodicRuleStart.start(PeriodExpression.parse("weekly to today"), 2026));
        assertNull(PeriodicRuleStart.start(PeriodExpression.parse("every 2 weeks"), 2026));
    }

    private static List<String[]> relativeCases() throws Exception {
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(RELATIVE, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                entries.add(line.split("\t", 3));
            }
        }
        return entries;
    }

    private static boolean imports(String period, int year) {
        try {
            PeriodicRuleStart.check("t.journal", "~ " + period, 1, year);
            return true;
        } catch (JournalParseException refused) {
            return false;
        }
    }

    private static List<String[]> recorded() throws Exception {
        List<String[]> entries = new ArrayList<>();
        for (String line : Files.readAllLines(RECORDED, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                entries.add(line.split("\t", 2));
            }
        }
        return entries;
    }
}
