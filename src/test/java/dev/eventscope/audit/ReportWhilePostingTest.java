package dev.eventscope.audit;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17, point 2: a report made while someone posts describes the ledger its verification read, and its counts agree. */
class ReportWhilePostingTest {

    @TempDir
    Path folder;

    @Test
    void entries_posted_after_the_verification_are_left_out_and_the_counts_agree() throws Exception {
        // given the Acme ledger and a colleague who posts an entry each time the report starts a pass over the events
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        int[] posted = {0};
        try (SqliteEventStore colleague = SqliteEventStore.open(ledger);
             SqliteEventStore reading = SqliteEventStore.openReadOnly(ledger)) {
            EventStore postingMeanwhile = postingOnEachPass(colleague, reading, posted);

            // when the report is written
            ReportOutcome outcome = ReportGenerator.create().write(postingMeanwhile,
                    ReportFiles.request(ledger, ReportScope.wholeLedger(), ReportFormat.JSON), new ByteArrayOutputStream(),
                    ReportProgress.none());

            // then it is intact, covers exactly the events its verification read, and both passes agree
            assertTrue(outcome.integrity().intact(), outcome.integrity().summary());
            assertEquals(2, posted[0]);
            assertEquals(outcome.integrity().lastPosition(), outcome.summary().ledgerEvents());
            assertEquals(outcome.summary().events(), outcome.rowsWritten());
            assertTrue(colleague.lastPosition() > outcome.integrity().lastPosition(), "the colleague did post meanwhile");
        }
    }

    @Test
    void the_workbench_reads_the_ledger_the_verification_read_not_the_entries_posted_meanwhile() throws Exception {
        // given the Acme ledger and a colleague who posts an entry each time the report starts a pass over the events
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        int[] posted = {0};
        try (SqliteEventStore colleague = SqliteEventStore.open(ledger);
             SqliteEventStore reading = SqliteEventStore.openReadOnly(ledger)) {
            EventStore postingMeanwhile = postingOnEachPass(colleague, reading, posted);
            long[] workbenchSaw = new long[3];

            // when the report is written with a workbench that counts what it reads
            ReportOutcome outcome = ReportGenerator.create().withWorkbench(store -> {
                        workbenchSaw[0] = store.lastPosition();
                        try (var events = store.readAll(0)) {
                            while (events.hasNext()) {
                                events.next();
                                workbenchSaw[1]++;
                            }
                        }
                        workbenchSaw[2] = store.streamVersion(dev.eventscope.eventstore.StreamId.of("entry-LATE1"));
                        return ReportWorkbench.NONE;
                    }).write(postingMeanwhile, ReportFiles.request(ledger, ReportScope.wholeLedger(), ReportFormat.JSON),
                    new ByteArrayOutputStream(), ReportProgress.none());

            // then it read the events through the verified position and no entry posted meanwhile (before session 18 it
            // was handed the whole ledger: the tests' results counted the late entries)
            long verified = outcome.integrity().lastPosition();
            assertTrue(colleague.lastPosition() > verified, "the colleague did post meanwhile");
            assertEquals(verified, workbenchSaw[0]);
            assertEquals(verified, workbenchSaw[1]);
            assertEquals(0, workbenchSaw[2], "LATE1 was posted after the verification");
        }
    }

    /** {@code reading}, except that each pass over the events ({@code readAll}) first has the colleague post an entry (counted in {@code posted[0]}). */
    private static EventStore postingOnEachPass(SqliteEventStore colleague, SqliteEventStore reading, int[] posted) {
        LedgerCommandService service = LedgerCommandService.create(colleague);
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                new Class<?>[] {EventStore.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("readAll")) {
                        posted[0]++;
                        service.execute(PostEntry.simple(EntryId.of("LATE" + posted[0]), LocalDate.of(2024, 2, 10), "posted meanwhile",
                                List.of(Posting.of(AccountName.of(AuditFixtures.BANK), Money.of("5.00", "EUR")),
                                        Posting.of(AccountName.of(AuditFixtures.SALES), Money.of("-5.00", "EUR")))),
                                CommandContext.byUser("dave"));
                    }
                    try {
                        return method.invoke(reading, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
