package dev.eventscope.timetravel;

import dev.eventscope.application.Aggregate;
import dev.eventscope.application.AggregateRepository;
import dev.eventscope.application.Loaded;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commands and time travel load aggregates with the one loader: a snapshot that cannot be decoded is
 * logged and skipped the same way by both, and both then give the state a full replay gives.
 */
class OneLoaderTest {

    @Test
    void an_undecodable_snapshot_is_logged_and_skipped_by_commands_and_time_travel_alike(@TempDir Path folder) {
        try (TimeTravelFixture fixture = new TimeTravelFixture(folder.resolve("ledger.sqlite"), 5, 10)) {
            RandomLedger ledger = new RandomLedger(7);
            var service = RandomLedger.service(fixture.store, "p");
            ledger.create(service, 3);
            ledger.importEntries(service, 30);
            AccountName account = ledger.accounts().get(0);
            StreamId stream = StreamId.of(LedgerStreams.account(account));
            long version = fixture.store.streamVersion(stream);
            assertTrue(version >= 3, "the account has events after the snapshot");
            // a snapshot the store keeps (current schema, saved through the contract) but no codec can read
            fixture.store.saveSnapshot(new Snapshot(stream, version - 1, "AccountState", AccountState.SCHEMA_VERSION, "{not json"));
            Object expected = fixture.replay.state(stream, version);

            Captured<Loaded<AccountState>> command = captureWarnings(
                    () -> new AggregateRepository(fixture.store, fixture.codec).load(Aggregate.ACCOUNT, stream, version));
            Captured<AggregateStateAt> timeTravel = captureWarnings(
                    () -> fixture.timeTravel.stateOf(stream, new Point.AtVersion(version)));

            assertEquals(expected, command.value().state());
            assertEquals(0, command.value().fromSnapshotVersion(), "replayed from the first event");
            assertEquals(expected, timeTravel.value().state());
            assertEquals(0, timeTravel.value().fromSnapshotVersion(), "replayed from the first event");
            assertEquals(version, timeTravel.value().eventsReplayed());
            String warning = "The snapshot of '" + stream.value() + "' at version " + (version - 1) + " cannot be read";
            assertTrue(command.log().contains(warning), command.log());
            assertTrue(timeTravel.log().contains(warning), timeTravel.log());
        }
    }

    private record Captured<T>(T value, String log) {
    }

    /** slf4j-simple writes to the standard error stream of the moment. */
    private static <T> Captured<T> captureWarnings(Supplier<T> work) {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            T value = work.get();
            return new Captured<>(value, log.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
