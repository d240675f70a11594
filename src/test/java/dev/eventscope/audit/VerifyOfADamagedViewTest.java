package dev.eventscope.audit;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Session 24 (adversary): a ledger file replaced by an older copy of itself while another process had it open, with
 * that process's write-ahead log left beside it, reads as a mix of both: rows whose {@code hash} is NULL (SQLite's
 * integrity check: "NULL value in events.hash"). {@code verify} on this machine, which remembered a later head, failed
 * with Java's "Cannot invoke String.equals(Object) because the return value of RecordedEvent.hash() is null", exit 1,
 * no verdict. The damaged view is given here by the store (the event read at the remembered position has no hash).
 */
class VerifyOfADamagedViewTest {

    @TempDir
    Path folder;

    @Test
    void a_remembered_head_whose_position_now_reads_an_event_without_a_hash_is_a_history_problem_not_a_crash() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        RememberedHeads heads = new RememberedHeads(folder.resolve("heads"));
        LedgerVerifier verifier = new LedgerVerifier(BookkeepingCodec.create(), heads,
                new TrustedKeys(new SigningKeys(folder.resolve("keys"))), Clock.systemUTC());
        LedgerVerification result;
        try (SqliteEventStore reading = SqliteEventStore.openReadOnly(ledger)) {
            long last = reading.lastPosition();
            String ledgerId = reading.readAt(1).orElseThrow().eventId();
            heads.remember(new RememberedHead(ledgerId, ledger, last + 3, "ab".repeat(32), Instant.now()));
            EventStore damaged = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                    new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("readAt") && (long) args[0] > last) {
                            RecordedEvent any = reading.readAt(last).orElseThrow();
                            return Optional.of(new RecordedEvent((long) args[0], any.eventId(), any.streamId(), any.version(),
                                    any.type(), any.schemaVersion(), any.data(), any.metadata(), any.recordedAtMicros(), null));
                        }
                        try {
                            return method.invoke(reading, args);
                        } catch (InvocationTargetException thrown) {
                            throw thrown.getCause();
                        }
                    });
            result = verifier.verify(damaged, ledger);
        }
        assertNotNull(result.historyProblem(), String.join("\n", result.lines()));
        assertMentions(String.join("\n", result.lines()), "its history no longer contains that head");
    }
}
