package dev.eventscope.audit.findings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: findings are kept per user and ledger id in a file of their own, written whole or not at all. */
class FindingsFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-03T14:05:09.123Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void findings_are_numbered_listed_and_removed_per_user_and_ledger() {
        FindingsFile alice = new FindingsFile(folder, "ledger-1", "alice");
        Finding first = alice.add(FindingTarget.entry("JE-2025-0100"), Severity.HIGH, " late correction ", CLOCK);
        Finding second = alice.add(FindingTarget.event(335), Severity.LOW, "check the reopening", CLOCK);
        alice.add(FindingTarget.time(Instant.parse("2025-05-06T12:00:00Z")), Severity.INFO, "state before the reopening", CLOCK);
        alice.add(FindingTarget.test("off-hours", "JE-2025-0194"), Severity.MEDIUM, "Saturday", CLOCK);
        assertEquals("F-0001", first.id());
        assertEquals("late correction", first.note());
        assertEquals(Instant.parse("2025-11-03T14:05:09Z"), first.createdAt());
        assertEquals(List.of("F-0001", "F-0002", "F-0003", "F-0004"), alice.list().stream().map(Finding::id).toList());
        assertEquals(List.of("entry:JE-2025-0100", "event:335", "time:2025-05-06T12:00:00Z", "test:off-hours/JE-2025-0194"),
                alice.list().stream().map(finding -> finding.target().toString()).toList());
        assertEquals(second, alice.remove("f-0002"));
        assertEquals("F-0005", alice.add(FindingTarget.event(1), Severity.LOW, "again", CLOCK).id(), "ids are never reused");

        FindingsFile bob = new FindingsFile(folder, "ledger-1", "bob");
        bob.add(FindingTarget.entry("JE-2025-0026"), Severity.CRITICAL, "duplicate bill", CLOCK);
        assertEquals(1, bob.list().size());
        assertEquals(5, alice.everyUsers().size());
        assertEquals(0, new FindingsFile(folder, "ledger-2", "alice").list().size(), "another ledger has its own findings");
        assertTrue(Files.exists(folder.resolve("ledger-1").resolve("alice.json")));
    }

    @Test
    void findings_added_at_the_same_time_are_all_kept_under_distinct_ids() throws Exception {
        // session 16: four 'findings add' at once each said "Recorded", two under the same id, and one was lost
        int writers = 8;
        int each = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<String>>> runs = new java.util.ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            int w = writer;
            runs.add(pool.submit(() -> {
                start.await();
                // each writer a FindingsFile of its own, as each process has
                FindingsFile mine = new FindingsFile(folder, "ledger-1", "alice");
                List<String> ids = new java.util.ArrayList<>();
                for (int i = 0; i < each; i++) {
                    ids.add(mine.add(FindingTarget.event(w * each + i + 1L), Severity.LOW, "n", CLOCK).id());
                }
                return ids;
            }));
        }
        start.countDown();
        java.util.Set<String> told = new java.util.HashSet<>();
        for (java.util.concurrent.Future<List<String>> run : runs) {
            told.addAll(run.get());
        }
        pool.shutdown();
        assertEquals(writers * each, told.size(), "every id told is distinct");
        List<Finding> kept = new FindingsFile(folder, "ledger-1", "alice").list();
        assertEquals(told, new java.util.HashSet<>(kept.stream().map(Finding::id).toList()), "every finding told is kept");
    }

    @Test
    void bad_input_is_refused_with_a_sentence_and_nothing_is_written() throws Exception {
        FindingsFile findingsFile = new FindingsFile(folder, "ledger-1", "alice");
        assertEquals("A finding needs a note saying what was found.", assertThrows(IllegalArgumentException.class,
                () -> findingsFile.add(FindingTarget.event(3), Severity.LOW, "  ", CLOCK)).getMessage());
        assertTrue(Files.notExists(findingsFile.file()));
        assertEquals("There is no severity \"urgent\": use info, low, medium, high or critical.",
                assertThrows(IllegalArgumentException.class, () -> Severity.named("urgent")).getMessage());
        assertEquals("There is no finding F-0009 in alice's findings (there are none).",
                assertThrows(IllegalArgumentException.class, () -> findingsFile.remove("F-0009")).getMessage());
        findingsFile.add(FindingTarget.event(3), Severity.LOW, "a note", CLOCK);
        Files.writeString(findingsFile.file(), "{ not json");
        IllegalStateException unreadable = assertThrows(IllegalStateException.class, findingsFile::list);
        assertTrue(unreadable.getMessage().startsWith("The findings file " + findingsFile.file() + " cannot be read: "), unreadable.getMessage());
        // one line naming where the file stops being JSON, and what to do
        assertEquals(1, unreadable.getMessage().lines().count(), unreadable.getMessage());
        assertTrue(unreadable.getMessage().contains("at line 1, column "), unreadable.getMessage());
        assertTrue(unreadable.getMessage().endsWith("move it aside or restore it from a backup (the ledger is not affected)."),
                unreadable.getMessage());
        assertEquals(List.of(findingsFile.file()), Files.list(findingsFile.file().getParent()).toList(), "no partial file is left behind");
    }

    @Test
    void targets_read_back_what_they_write() {
        for (FindingTarget target : List.of(FindingTarget.event(12), FindingTarget.entry("A/B:C"), FindingTarget.test("benford", null),
                FindingTarget.time(Instant.parse("2025-01-01T00:00:00Z")))) {
            assertEquals(target, FindingTarget.parse(target.toString()));
        }
        assertThrows(IllegalArgumentException.class, () -> FindingTarget.parse("event:twelve"));
        assertEquals("test benford", FindingTarget.test("benford", null).describe());
    }

    @Test
    void the_default_folder_follows_xdg_state_home() {
        assertEquals(Path.of("/state/eventscope/findings"), FindingsFile.defaultDirectory(Map.of("XDG_STATE_HOME", "/state"), "/home/a"));
        assertEquals(Path.of("/home/a/.local/state/eventscope/findings"), FindingsFile.defaultDirectory(Map.of(), "/home/a"));
    }
}
