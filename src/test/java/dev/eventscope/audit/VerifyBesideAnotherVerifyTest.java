package dev.eventscope.audit;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 19 (adversary2): a {@code verify} whose walk began before another process posted and verified (so remembered
 * a later head) must not take its own, older snapshot for a rollback. Deterministic: the other post and verification
 * are made inside the first walk, after its read began and before it sees position 1, where the head is recalled.
 */
class VerifyBesideAnotherVerifyTest {

    @TempDir
    Path folder;

    @Test
    void a_head_remembered_by_a_later_verification_is_not_taken_for_a_rollback_by_an_earlier_walk() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        RememberedHeads heads = new RememberedHeads(folder.resolve("heads"));
        LedgerVerifier verifier = new LedgerVerifier(BookkeepingCodec.create(), heads,
                new TrustedKeys(new SigningKeys(folder.resolve("keys"))), Clock.systemUTC());
        AtomicBoolean otherRan = new AtomicBoolean();
        LedgerVerification[] other = new LedgerVerification[1];
        LedgerVerification first;
        try (SqliteEventStore reading = SqliteEventStore.openReadOnly(ledger)) {
            EventStore racing = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(),
                    new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("verify") && args != null && args.length == 1
                                && args[0] instanceof ChainObserver observer) {
                            return reading.verify(event -> {
                                if (event.position() == 1 && otherRan.compareAndSet(false, true)) {
                                    try (SqliteEventStore poster = SqliteEventStore.open(ledger)) {
                                        poster.append(StreamId.of("note-race"), ExpectedVersion.ANY, List.of(new NewEvent(
                                                "race-1", "Tested", 1, "{}", EventMetadata.by("poster"))));
                                    } catch (dev.eventscope.eventstore.ConcurrencyConflict impossible) {
                                        throw new IllegalStateException(impossible);
                                    }
                                    try (SqliteEventStore again = SqliteEventStore.openReadOnly(ledger)) {
                                        other[0] = verifier.verify(again, ledger);
                                    }
                                }
                                observer.verified(event);
                            });
                        }
                        try {
                            return method.invoke(reading, args);
                        } catch (InvocationTargetException thrown) {
                            throw thrown.getCause();
                        }
                    });
            first = verifier.verify(racing, ledger);
        }
        assertTrue(otherRan.get(), "the other verification ran inside the walk");
        assertTrue(other[0].headRemembered(), String.join("\n", other[0].lines()));
        assertFalse(first.tampered(), String.join("\n", first.lines()));
        assertNull(first.historyProblem(), String.join("\n", first.lines()));
    }
}
