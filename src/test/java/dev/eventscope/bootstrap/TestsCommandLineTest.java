package dev.eventscope.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.cli.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: {@code eventscope tests} on the audit-case sample. Each journal-entry test flags the case planted
 * for it (sample-data/README.md), the formats carry the same flags, and bad input is one sentence with exit 2.
 */
class TestsCommandLineTest {

    @TempDir
    static Path folder;

    private static Path ledger;
    private static Map<String, List<String>> flaggedByTest;

    @BeforeAll
    static void runAllTestsOnTheAuditCase() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        RealCli run = RealCli.run("tests", "--ledger", ledger.toString(), "--zone", "UTC", "--set", "benford.minimum-count=80",
                "--format", "csv");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        flaggedByTest = new LinkedHashMap<>();
        List<String> lines = run.out().lines().toList();
        assertEquals("test,entry_id,position,positions,reason", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", 3);
            flaggedByTest.computeIfAbsent(fields[0], test -> new ArrayList<>()).add(fields[1]);
        }
    }

    @Test
    void every_test_flags_the_case_planted_for_it_in_the_audit_case() {
        assertEquals(List.of("JE-2025-0100"), flaggedByTest.get("late-postings"));
        assertEquals(List.of("JE-2025-0100", "JE-2025-0202"), flaggedByTest.get("backdated"));
        assertEquals(List.of("JE-2025-0194"), flaggedByTest.get("off-hours"));
        assertEquals(List.of("JE-2025-0001", "JE-2025-0200"), flaggedByTest.get("round-amounts"));
        assertEquals(List.of("JE-2025-0197"), flaggedByTest.get("rare-users"));
        assertEquals(List.of("JE-2025-0199"), flaggedByTest.get("unfamiliar-accounts"));
        assertEquals(List.of("JE-2025-0026", "JE-2025-0196"), flaggedByTest.get("duplicates"));
        assertEquals(List.of("JE-2025-0199", "JE-2025-201"), flaggedByTest.get("numbering"));
        assertEquals(List.of("JE-2025-0195"), flaggedByTest.get("reversed-after-period-end"));
        assertEquals(List.of("JE-2025-0196"), flaggedByTest.get("reversals-of-reversals"));
        assertTrue(flaggedByTest.get("below-threshold").contains("JE-2025-0201"), flaggedByTest.toString());
        for (int claim = 203; claim <= 214; claim++) {
            assertTrue(flaggedByTest.get("benford").contains(String.format("JE-2025-%04d", claim)), "claim " + claim);
        }
    }

    @Test
    void benford_flags_nothing_at_its_default_minimum_of_300_postings_but_shows_every_account_type() throws Exception {
        RealCli run = RealCli.run("tests", "--ledger", ledger.toString(), "--only", "benford", "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode benford = new ObjectMapper().readTree(run.out()).get("tests").get(0);
        assertEquals("benford", benford.get("name").asText());
        assertEquals(0, benford.get("flagged").size());
        assertEquals(List.of("assets", "equity", "expenses", "income", "liabilities"),
                benford.get("benford").findValuesAsText("accountType"));
        assertEquals("nonconformity", benford.get("benford").get(2).get("conformity").asText());
    }

    @Test
    void only_runs_the_named_tests_and_json_carries_the_positions() throws Exception {
        RealCli run = RealCli.run("tests", "--ledger", ledger.toString(), "--only", "late-postings,rare-users", "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode tests = new ObjectMapper().readTree(run.out()).get("tests");
        assertEquals(List.of("late-postings", "rare-users"), tests.findValuesAsText("name"));
        JsonNode late = tests.get(0).get("flagged").get(0);
        assertEquals("JE-2025-0100", late.get("entryId").asText());
        assertEquals(late.get("position").asLong(), late.get("positions").get(0).asLong());
        RealCli text = RealCli.run("tests", "--ledger", ledger.toString(), "--only", "late-postings");
        assertTrue(text.out().startsWith("Late postings (late-postings): 1 entry flagged"), text.out());
    }

    @Test
    void a_settings_file_and_a_holiday_file_change_what_is_flagged() throws Exception {
        Path settings = folder.resolve("tests.properties");
        Files.writeString(settings, "hours.start=09:30\nhours.zone=UTC\n");
        RealCli later = RealCli.run("tests", "--ledger", ledger.toString(), "--only", "off-hours", "--settings", settings.toString(),
                "--format", "csv");
        assertTrue(later.out().lines().count() > 100, "every 09:00 recording is now before hours");
        Path holidays = folder.resolve("holidays.txt");
        Files.writeString(holidays, "2025-10-15 Company anniversary\n");
        RealCli run = RealCli.run("tests", "--ledger", ledger.toString(), "--only", "off-hours", "--zone", "UTC",
                "--holidays", holidays.toString(), "--format", "csv");
        assertTrue(run.out().contains("JE-2025-0203,") && run.out().contains("public holiday (Company anniversary)"), run.out());
    }

    @Test
    void bad_input_is_one_sentence_and_exit_2() throws Exception {
        RealCli unknown = RealCli.run("tests", "--ledger", ledger.toString(), "--only", "magic");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, unknown.exitCode());
        assertTrue(unknown.err().startsWith("There is no journal-entry test \"magic\"; the tests are: late-postings,"), unknown.err());
        RealCli wrongSetting = RealCli.run("tests", "--ledger", ledger.toString(), "--set", "backdated.days=soon");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, wrongSetting.exitCode());
        assertEquals("The setting backdated.days in --set cannot be \"soon\": give a whole number, 0 or more.", wrongSetting.err().strip());
        Path holidays = folder.resolve("bad-holidays.txt");
        Files.writeString(holidays, "2025-01-01\nChristmas\n");
        RealCli badHolidays = RealCli.run("tests", "--ledger", ledger.toString(), "--holidays", holidays.toString());
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, badHolidays.exitCode());
        assertTrue(badHolidays.err().startsWith("Line 2 of the holiday file"), badHolidays.err());
        RealCli missing = RealCli.run("tests", "--ledger", folder.resolve("none.ledger").toString());
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, missing.exitCode());
        RealCli zone = RealCli.run("tests", "--ledger", ledger.toString(), "--zone", "Mars/Olympus");
        assertEquals("--zone Mars/Olympus is not a time zone: give one such as Europe/Berlin or UTC.", zone.err().strip());
    }
}
