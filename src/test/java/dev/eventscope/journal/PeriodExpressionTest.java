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
 * of them run again through hledger where it is installed.
 */
class PeriodExpressionTest {

    private static final Path RECORDED = Path.of("src/test/resources/journals/hledger-1.25-periods.tsv");

    @TempDir
    Path folder;

    @Test
    void every_recorded_period_is_read_or_refused_as_hledger_reads_or_refuses_it() throws Exception {
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (String[] entry : recorded()) {
            count++;
            // "depends": hledger's answer depends on the day it reads the journal (a start relative to it); the import
            // leaves such a start alone and reads the rule
            boolean hledgerReads = !entry[0].equals("refused");
            if (imports(entry[1]) != hledgerReads) {
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
            if (entry[0].equals("depends")) {
                continue;
            }
            Path journal = folder.resolve("period" + i + ".journal");
            Files.writeString(journal, "~ " + entry[1] + "\n    (a)  1\n\n2024-01-01 x\n    a  1\n    b\n", StandardCharsets.UTF_8);
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

    private static boolean imports(String period) {
        try {
            PeriodicRuleStart.check("t.journal", "~ " + period, 1);
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
