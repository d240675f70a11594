package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static dev.eventscope.eventstore.sqlite.LedgerFiles.bigLedger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, point 2: a verification walk of a ledger larger than one page while another writer
 * appends between its pages. The hook appends deterministically after each page, no timing luck.
 */
class VerifyWhileAppendingTest {

    @TempDir
    Path folder;

    @Test
    void appends_between_pages_are_not_taken_for_tampering_and_the_report_names_the_position_it_read() throws Exception {
        // given a ledger of 12,000 events (three pages of the walk) and a second writer
        Path file = bigLedger(folder.resolve("busy.ledger"), 12_000);
        List<Long> appended = new ArrayList<>();
        try (SqliteEventStore poster = SqliteEventStore.open(file);
             Connection reading = SqliteConnections.openReader(file, true)) {
            Runnable appendAfterEachPage = () -> {
                try {
                    appended.add(poster.append(StreamId.of("account-test:posting"), ExpectedVersion.ANY,
                            List.of(new NewEvent("posted-" + appended.size(), "Tested", 1, "{}", EventMetadata.by("poster"))))
                            .lastPosition());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };

            // when the walk runs while the writer appends after every page it reads
            IntegrityReport report = new ChainVerifier(reading, appendAfterEachPage).verify(event -> { });

            // then the ledger is intact as it stood when the walk began, and the report says so
            assertTrue(report.intact(), report.summary());
            assertEquals(12_000, report.lastPosition());
            assertEquals(12_000, report.readThrough());
            assertTrue(appended.size() >= 2, "the writer appended during the walk: " + appended);
        }
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(file)) {
            IntegrityReport after = store.verify();
            assertTrue(after.intact(), after.summary());
            assertEquals(12_000 + appended.size(), after.lastPosition());
        }
    }
}
