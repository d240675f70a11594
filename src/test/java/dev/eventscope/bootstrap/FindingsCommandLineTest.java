package dev.eventscope.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: {@code eventscope findings add|list|remove} on the audit-case sample, which is only read. */
class FindingsCommandLineTest {

    @TempDir
    Path folder;

    private RealCli findings(Path ledger, String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "findings";
        all[1] = args[0];
        all[2] = "--ledger";
        all[3] = ledger.toString();
        all[4] = "--findings-dir";
        all[5] = folder.resolve("findings").toString();
        all[6] = "--user=auditor";
        System.arraycopy(args, 1, all, 7, args.length - 1);
        return RealCli.run(all);
    }

    @Test
    void findings_on_events_entries_times_and_test_results_are_listed_exported_and_removed() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        byte[] before = Files.readAllBytes(ledger);
        RealCli added = findings(ledger, "add", "--entry", "JE-2025-0100", "--severity", "high", "--note", "Late correction");
        assertEquals(ExitCodes.OK, added.exitCode(), added.err());
        assertEquals("Recorded finding F-0001 (high) on entry JE-2025-0100.", added.out().strip());
        assertEquals(ExitCodes.OK, findings(ledger, "add", "--event", "334", "--note", "Reopened by m.vogt").exitCode());
        assertEquals(ExitCodes.OK, findings(ledger, "add", "--at", "2025-05-06T12:00:00Z", "--severity", "info", "--note", "As of").exitCode());
        assertEquals(ExitCodes.OK, findings(ledger, "add", "--test", "benford", "--severity", "low", "--note", "Assets spike at 1").exitCode());

        JsonNode listed = new ObjectMapper().readTree(findings(ledger, "list", "--format", "json").out()).get("findings");
        assertEquals(List.of("entry:JE-2025-0100", "event:334", "time:2025-05-06T12:00:00Z", "test:benford"), listed.findValuesAsText("target"));
        assertEquals(List.of("high", "medium", "info", "low"), listed.findValuesAsText("severity"));
        RealCli csv = findings(ledger, "list", "--format", "csv");
        assertEquals("id,user,created_at,severity,target,link,note", csv.out().lines().findFirst().orElseThrow());
        assertEquals(5, csv.out().lines().count());

        assertEquals("Removed finding F-0002 on event 334.", findings(ledger, "remove", "F-0002").out().strip());
        assertEquals(3, new ObjectMapper().readTree(findings(ledger, "list", "--format", "json").out()).get("findings").size());
        assertArrayEquals(before, Files.readAllBytes(ledger), "the ledger file is never written");
        assertTrue(Files.exists(folder.resolve("findings")));
    }

    @Test
    void a_target_that_is_not_in_the_ledger_is_refused_and_nothing_is_recorded() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        RealCli event = findings(ledger, "add", "--event", "99999", "--note", "x");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, event.exitCode());
        assertTrue(event.err().startsWith("There is no event at position 99999: the ledger's events are 1 to "), event.err());
        RealCli entry = findings(ledger, "add", "--entry", "JE-9", "--note", "x");
        assertEquals("There is no journal entry JE-9 in audit-case.ledger.", entry.err().strip());
        RealCli test = findings(ledger, "add", "--test", "magic", "--note", "x");
        assertTrue(test.err().startsWith("There is no journal-entry test \"magic\""), test.err());
        RealCli note = findings(ledger, "add", "--entry", "JE-2025-0100", "--note", " ");
        assertEquals("A finding needs a note saying what was found.", note.err().strip());
        RealCli severity = findings(ledger, "add", "--entry", "JE-2025-0100", "--severity", "urgent", "--note", "x");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, severity.exitCode());
        RealCli two = findings(ledger, "add", "--entry", "JE-2025-0100", "--event", "3", "--note", "x");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, two.exitCode());
        assertEquals("No findings.", findings(ledger, "list").out().strip());
        RealCli remove = findings(ledger, "remove", "F-0001");
        assertEquals("There is no finding F-0001 in auditor's findings (there are none).", remove.err().strip());
    }

    @Test
    void another_ledger_s_findings_file_copied_in_place_is_refused_not_listed_as_this_ledger_s() throws Exception {
        // session 19 (adversary2): the file records the ledger it was written for, but nothing read it, so another
        // ledger's findings put in this ledger's folder were listed (and signed into reports) as this ledger's
        Path mine = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        Path other = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("small-business.ledger"));
        assertEquals(ExitCodes.OK, findings(mine, "add", "--event", "1", "--note", "Mine").exitCode());
        Path mineFile = onlyFindingsFileWithout(null);
        assertEquals(ExitCodes.OK, findings(other, "add", "--event", "2", "--note", "Planted from the other ledger").exitCode());
        Path otherFile = onlyFindingsFileWithout(mineFile);
        Files.copy(otherFile, mineFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        RealCli listed = findings(mine, "list");

        assertEquals(ExitCodes.UNEXPECTED_FAILURE, listed.exitCode(), listed.out());
        assertTrue(!listed.out().contains("Planted"), listed.out());
        dev.eventscope.testing.Texts.assertMentions(listed.err(), "The findings file " + mineFile, "belongs to the ledger "
                + otherFile.getParent().getFileName(), "not to this ledger (" + mineFile.getParent().getFileName() + ")");
    }

    @Test
    void findings_made_on_another_copy_of_the_same_ledger_are_refused_not_listed_as_this_ledger_s() throws Exception {
        // session 20 (adversary): findings are kept per ledger id, which every copy of the ledger shares, so findings made
        // on a later state of the ledger were listed (and signed into reports) for an older copy of it, and findings made
        // on a copy that went its own way for the other copy, though the events they name are other events there
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("small-business.ledger"));
        Path older = Files.copy(ledger, folder.resolve("older-copy.ledger"));
        assertEquals(ExitCodes.OK, post(ledger, "Stationery").exitCode());
        assertEquals(ExitCodes.OK, findings(ledger, "add", "--event", "763", "--note", "Posted without a receipt").exitCode());
        Path file = onlyFindingsFileWithout(null);

        RealCli onTheOlderCopy = findings(older, "list");

        assertEquals(ExitCodes.UNEXPECTED_FAILURE, onTheOlderCopy.exitCode(), onTheOlderCopy.out());
        assertTrue(!onTheOlderCopy.out().contains("receipt"), onTheOlderCopy.out());
        dev.eventscope.testing.Texts.assertMentions(onTheOlderCopy.err(), "The findings file " + file,
                "finding F-0001 (on event 763) was made when the ledger's last event was #765", "this ledger ends at #762",
                "the findings were made on a later state of the ledger");

        assertEquals(ExitCodes.OK, post(older, "Coffee").exitCode(), "the older copy goes its own way: another event at #763");
        RealCli onTheFork = findings(older, "list");
        assertEquals(ExitCodes.UNEXPECTED_FAILURE, onTheFork.exitCode(), onTheFork.out());
        dev.eventscope.testing.Texts.assertMentions(onTheFork.err(), "this ledger holds another event there",
                "the findings were made on another copy of the ledger");
        RealCli addedOnTheFork = findings(older, "add", "--event", "763", "--note", "x");
        assertEquals(ExitCodes.UNEXPECTED_FAILURE, addedOnTheFork.exitCode(), "nothing is added to another history's findings");

        RealCli onTheLedger = findings(ledger, "list");
        assertEquals(ExitCodes.OK, onTheLedger.exitCode(), onTheLedger.err());
        assertTrue(onTheLedger.out().contains("Posted without a receipt"), onTheLedger.out());
        assertEquals(ExitCodes.OK, post(ledger, "Paper").exitCode());
        assertTrue(findings(ledger, "list").out().contains("Posted without a receipt"), "a later state of the same history keeps them");
    }

    private static RealCli post(Path ledger, String description) {
        return RealCli.run("post", "-l", ledger.toString(), "--date", "2025-12-31", "--description", description,
                "--posting", "expenses:office-supplies  3.50 EUR", "--posting", "assets:bank:checking");
    }

    /** The one findings file in the findings folder other than {@code except}. */
    private Path onlyFindingsFileWithout(Path except) throws Exception {
        try (java.util.stream.Stream<Path> files = Files.walk(folder.resolve("findings"))) {
            List<Path> found = files.filter(path -> path.toString().endsWith(".json") && !path.equals(except)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }
}
