package dev.eventscope.projection;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.sqlite.SqliteReadModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A catch-up's checkpoint says "caught up" only together with what the projections derive from many events (the
 * balances' date checkpoints): the batch that reaches the ledger's last event settles in its own transaction. Before,
 * the settle came in a transaction of its own after it, and an app closed right after "Projections live" lost the
 * date checkpoints, which the next open then built again from the whole register (docs/cli-speed.md).
 */
class SettledWithTheLastBatchTest {

    @TempDir
    Path folder;

    @Test
    void the_date_checkpoints_are_committed_with_the_last_batch() throws Exception {
        Path file = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        Path models = folder.resolve("models.sqlite");
        try (SqliteEventStore store = SqliteEventStore.open(file);
             SqliteReadModelStore readModels = SqliteReadModelStore.inSeparateFile(models, file);
             Projections projections = new Projections(store, BookkeepingCodec.create(),
                     new EndsOnceCaughtUp(readModels, store.lastPosition()), BuiltInProjections.all(), 100)) {
            assertThrows(ReadModelException.class, () -> projections.open(ProgressListener.NONE));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + models);
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM rm_balances__date_checkpoints_g1")) {
            row.next();
            assertTrue(row.getLong(1) > 0, "date checkpoints written with the last batch, before any later transaction");
        }
    }

    /** Read models whose every transaction fails once each projection's checkpoint is at the ledger's last event. */
    private static final class EndsOnceCaughtUp implements ReadModelStore {
        private final ReadModelStore delegate;
        private final long lastPosition;

        EndsOnceCaughtUp(ReadModelStore delegate, long lastPosition) {
            this.delegate = delegate;
            this.lastPosition = lastPosition;
        }

        @Override
        public Optional<ProjectionState> state(String projection) {
            return delegate.state(projection);
        }

        @Override
        public void transaction(Consumer<ReadModelTransaction> work) {
            boolean caughtUp = BuiltInProjections.all().stream().allMatch(projection ->
                    delegate.state(projection.name()).map(state -> state.position() == lastPosition).orElse(false));
            if (caughtUp) {
                throw new ReadModelException("the app was closed right after the read models were caught up");
            }
            delegate.transaction(work);
        }

        @Override
        public LedgerQueries ledgerQueries() {
            return delegate.ledgerQueries();
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
