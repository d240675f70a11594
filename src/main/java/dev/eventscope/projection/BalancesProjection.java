package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.eventstore.RecordedEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Account balances per commodity, every account's register with running balances, and ledger-wide
 * balance checkpoints (the basis of time travel), one at the first account or ledger event at or after
 * each multiple of {@code checkpointEvery}, so fewer than that many register lines lie between two.
 * The register is kept as blobs written once ({@link RegisterWriter}, session 23): 256 consecutive lines a row in
 * {@code register_runs} (lines between positions), and 256 lines of one account and commodity a row in
 * {@code register_blocks}, with the last running balance and the dates in columns, so "balance at position P" is one
 * row and at most a partial decode; a build from nothing writes no row and no index entry per line.
 * The register has no index by date: the table {@code date_checkpoints} (cumulative balances as of entry dates,
 * see {@link DateCheckpoint}, each with the register lines dated since the previous one, see {@link DatedLines}, and
 * the busiest accounts' posting counts, see {@link PostingSummaries})
 * is what questions as of a date read. It is kept by this projection, never by a reader: built at the end of a
 * rebuild and again by a catch-up that leaves it too far behind ({@link DateCheckpointBuilder}). The positions
 * of the accounts' other events (opened, frozen, closed) are kept in {@code account_lifecycle}. The balances are
 * folded by {@link Balances.Fold}, kept across batches of one generation while the register's last position says
 * nothing else changed them (see {@link #batchFor}). A rebuild, and the first catch-up of a new read model (the first
 * open of a ledger), write the balances table once at their end instead of after every batch (see
 * {@link BatchBalances#deferred}): on a 989,700-event ledger that is 2,000 rows instead of about 86,000 upserts.
 */
public final class BalancesProjection implements Projection {

    public static final String NAME = "balances";
    public static final String BALANCES = "balances";
    /** The register's lines as a dump shows them, one row each (kept as {@link #REGISTER_RUNS} and {@link #REGISTER_BLOCKS}). */
    public static final String REGISTER = "register";
    public static final String REGISTER_RUNS = "register_runs";
    public static final String REGISTER_BLOCKS = "register_blocks";
    public static final String CHECKPOINTS = "balance_checkpoints";
    public static final String DATE_CHECKPOINTS = "date_checkpoints";
    public static final String ACCOUNT_EVENTS = "account_lifecycle";
    public static final int DEFAULT_CHECKPOINT_EVERY = 10_000;

    private final int checkpointEvery;
    private final DateCheckpointBuilder dateCheckpoints;
    /** The balances completed batches left, per generation, for the next batch (see {@link #batchFor}). */
    private final Map<Integer, BatchBalances> kept = new HashMap<>();

    public BalancesProjection(int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("the checkpoint interval must be at least 1 event");
        }
        this.checkpointEvery = checkpointEvery;
        this.dateCheckpoints = new DateCheckpointBuilder(checkpointEvery / 2 + 1);
    }

    public int checkpointEvery() {
        return checkpointEvery;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return 8;
    }

    @Override
    public List<TableDefinition> tables() {
        return List.of(
                TableDefinition.table(BALANCES).text("account").text("commodity").decimal("amount")
                        .primaryKey("account", "commodity").build(),
                TableDefinition.table(REGISTER_RUNS).integer("first_position").integer("last_position")
                        .integer("lines_count").blob("lines").primaryKey("first_position").build(),
                TableDefinition.table(REGISTER_BLOCKS).integer("first_position").text("account").text("commodity")
                        .integer("last_position").integer("lines_count").text("last_balance").text("min_date")
                        .text("max_date").blob("lines").primaryKey("first_position")
                        .index("account", "commodity", "first_position").build(),
                TableDefinition.table(CHECKPOINTS).integer("position").text("event_hash").text("digest").blob("data")
                        .primaryKey("position").build(),
                TableDefinition.table(DATE_CHECKPOINTS).text("date").integer("position").text("event_hash").text("digest")
                        .blob("data").blob("lines").blob("summaries").primaryKey("date").build(),
                TableDefinition.table(ACCOUNT_EVENTS).integer("position").text("account").integer("version")
                        .primaryKey("position").index("account", "position").build());
    }

    /** A rebuild reads only these streams (the other events would not change this read model). */
    @Override
    public Set<String> streamCategories() {
        return ProjectionEvents.ACCOUNT_AND_LEDGER;
    }

    /** Only account and ledger events are read (an unreadable one stops the projection); entries are not. */
    @Override
    public boolean decodes(RecordedEvent event) {
        return ProjectionEvents.isAccountOrLedger(event);
    }

    @Override
    public void apply(List<DecodedEvent> events, ReadModelTables tables) {
        // a checkpoint follows the first account or ledger event at or after each multiple of checkpointEvery
        // (only those events are read, so a rebuild that reads only their streams writes the same ones)
        long lastCheckpoint = tables.max(CHECKPOINTS, "position");
        BatchBalances batch = batchFor(tables);
        // a rebuild writes the balances table once, in rebuilt(); the first catch-up once, in caughtUp()
        boolean deferred = tables.building() || batch.deferred;
        Optional<DatedPostings> datedPostings = batch.datedPostings;
        // an entry's postings share its date, and entries come in date runs: its text is made once per run
        LocalDate lastDate = null;
        String lastDateText = null;
        String lastLineHash = null;
        for (DecodedEvent decoded : events) {
            RecordedEvent recorded = decoded.recorded();
            if (!ProjectionEvents.isAccountOrLedger(recorded)) {
                continue;
            }
            if (ProjectionEvents.typed(decoded) instanceof AccountEvent.PostingRecorded posting) {
                String account = ProjectionEvents.accountOf(decoded);
                String commodity = posting.amount().commodity();
                BigDecimal amount = posting.amount().amount();
                String after = deferred ? batch.add(account, commodity, amount) : batch.post(account, commodity, amount);
                // who, by which command and when are the event's own columns in the store: the queries join them
                if (datedPostings.isPresent()) {
                    datedPostings.get().add(recorded.position(), posting.date(), account, commodity, amount);
                }
                if (!posting.date().equals(lastDate)) {
                    lastDate = posting.date();
                    lastDateText = lastDate.toString();
                }
                batch.register.line(tables, recorded.position(), account, commodity, amount.toPlainString(), after,
                        posting.entryId().value(), posting.postingIndex(), lastDateText, posting.description(),
                        posting.reversesEntryId() == null ? null : posting.reversesEntryId().value());
                batch.registerPosition = recorded.position();
                lastLineHash = recorded.hash();
            } else if (ProjectionEvents.typed(decoded) instanceof AccountEvent) {
                tables.insert(ACCOUNT_EVENTS, recorded.position(), ProjectionEvents.accountOf(decoded), recorded.version());
            }
            if (recorded.position() / checkpointEvery > lastCheckpoint / checkpointEvery) {
                byte[] data = batch.encode();
                tables.upsert(CHECKPOINTS, recorded.position(), recorded.hash(), BalanceBlob.digest(data), data);
                lastCheckpoint = recorded.position();
            }
        }
        if (lastLineHash != null) {
            batch.lastLineHash = Optional.of(lastLineHash);
        }
        batch.register.endOfBatch(tables, deferred);
        if (!deferred) {
            batch.save(tables);
        }
        keep(batch);
    }

    /**
     * A rebuild leaves the balances table for the end: every balance is written once, from the batch's balances;
     * then the date checkpoints are built from the whole register.
     */
    @Override
    public void rebuilt(ReadModelTables tables) {
        BatchBalances batch = batchFor(tables);
        batch.writeAll(tables);
        buildDateCheckpoints(tables, Optional.of(batch));
        batch.datedPostings = Optional.empty();
        keep(batch);
    }

    /**
     * After a catch-up: the balances table is written when the catch-up deferred it (the first one of a new read model,
     * see {@link BatchBalances#deferred}); the date checkpoints are built again when they lag too far behind (see
     * {@link DateCheckpointBuilder}).
     */
    @Override
    public void caughtUp(ReadModelTables tables) {
        // at the register's last line (batchFor checks it), so its balances serve the date checkpoints as they are
        BatchBalances batch = batchFor(tables);
        batch.writeDeferred(tables);
        keep(batch);
        if (dateCheckpoints.behind(tables)) {
            buildDateCheckpoints(tables, Optional.of(batch));
        }
        // the postings of a catch-up that started from an empty register served its date checkpoints; later
        // catch-ups read the register back (they come one by one, and a few lines each)
        batch.datedPostings = Optional.empty();
    }

    /**
     * At the register's last line when the batch's balances know that event's hash (they applied it); else at the
     * latest position checkpoint (none without one).
     */
    private void buildDateCheckpoints(ReadModelTables tables, Optional<BatchBalances> batch) {
        Optional<BatchBalances> applied = batch.filter(balances -> balances.lastLineHash.isPresent());
        if (applied.isPresent()) {
            BatchBalances balances = applied.get();
            String hash = balances.lastLineHash.get();
            balances.datedPostings.ifPresentOrElse(
                    postings -> dateCheckpoints.build(tables, balances.registerPosition, hash, postings),
                    () -> dateCheckpoints.build(tables, balances.registerPosition, hash));
            return;
        }
        tables.find(CHECKPOINTS, tables.max(CHECKPOINTS, "position"))
                .ifPresent(checkpoint -> dateCheckpoints.build(tables, checkpoint.integer(0), checkpoint.text(1)));
    }

    private void keep(BatchBalances batch) {
        kept.put(batch.generation, batch);
        // the generation in service and one being rebuilt; an older one is gone
        kept.keySet().removeIf(generation -> generation < batch.generation - 1);
    }

    /**
     * The balances as the tables hold them before this batch: the ones the previous batch of the same
     * generation left, when the register's last position is still the one it saw (balances are the sum of
     * the register, so then they are equal: a batch rolled back after it, or another process that applied
     * postings, would have moved it), else every balance read again. The kept balances are let go while a batch
     * works on them, so a batch that fails leaves none behind.
     */
    private BatchBalances batchFor(ReadModelTables tables) {
        long registerPosition = RegisterWriter.lastPosition(tables);
        return Optional.ofNullable(kept.remove(tables.generation()))
                .filter(batch -> batch.registerPosition == registerPosition)
                .orElseGet(() -> BatchBalances.read(tables));
    }

    /**
     * Every account's balances in memory ({@link Balances.Fold}: hashed for lookups, sorted for
     * checkpoints); the ones a batch changed are written back once at its end.
     */
    private static final class BatchBalances {
        private final int generation;
        private long registerPosition;
        /** The hash of the event at {@link #registerPosition} when these balances applied it (empty: read from the tables). */
        private Optional<String> lastLineHash = Optional.empty();
        private final Balances.Fold balances = Balances.fold();
        /** The register's open run and blocks (see {@link RegisterWriter}). */
        private RegisterWriter register = RegisterWriter.empty();
        /** Each balance's plain text, computed once when it changes (the register, the table and every checkpoint use it). */
        private final Map<String, SortedMap<String, String>> texts = new HashMap<>();
        /** The same maps by account name: a checkpoint is written from them in order, without a lookup per balance. */
        private final SortedMap<String, SortedMap<String, String>> sortedTexts = new TreeMap<>();
        /** The account and commodity pairs a batch changed, written back at its end. */
        private final Map<String, Set<String>> changed = new HashMap<>();
        /**
         * Whether the balances table is left for the end and written whole by {@link #writeAll}: in a rebuild's shadow,
         * and in the first catch-up of a new read model (the first open of a ledger), which would otherwise write back
         * the balances every batch changed, batch after batch (about 86,000 upserts on a 989,700-event ledger). Until
         * that catch-up reaches the end ({@link #caughtUp}, in the transaction of its last batch) the balances table stays
         * empty while the register fills; a catch-up that stopped midway (a crash) finds it so and reads the balances
         * from the register's last running balances, as a rebuild's shadow does.
         */
        private boolean deferred;
        /**
         * Every posting applied since the register was empty (a rebuild, or a catch-up of a new read model),
         * for the date checkpoints at its end (empty otherwise: a later catch-up, or a rebuild resumed after a
         * crash, reads the register back instead).
         */
        private Optional<DatedPostings> datedPostings = Optional.empty();

        private BatchBalances(int generation, long registerPosition) {
            this.generation = generation;
            this.registerPosition = registerPosition;
        }

        /**
         * From the balances table; from the register (each account and commodity's last running balance)
         * for a rebuild's shadow, whose balances table is written only at the end (a rebuild a crash
         * interrupted reads its register once when it resumes).
         */
        static BatchBalances read(ReadModelTables tables) {
            BatchBalances batch = new BatchBalances(tables.generation(), RegisterWriter.lastPosition(tables));
            if (batch.registerPosition == 0) {
                // a rebuild, or the first catch-up of a new read model (the first open of a ledger): its date
                // checkpoints are folded from these at the end instead of reading the register back by date, and its
                // balances table is written once at its end
                batch.datedPostings = Optional.of(new DatedPostings());
                batch.deferred = true;
                return batch;
            }
            if (!tables.building()) {
                for (ReadModelRow row : tables.all(BALANCES)) {
                    batch.add(row.text(0), row.text(1), row.decimal(2));
                }
                if (!batch.texts.isEmpty()) {
                    batch.register = RegisterWriter.read(tables);
                    return batch;
                }
                // a register without balances: a first catch-up that stopped before its end (see deferred)
                batch.deferred = true;
            }
            // a build a crash stopped: its open blocks were never written, its runs hold every line
            batch.register = RegisterWriter.resume(tables,
                    (account, commodity, balance) -> batch.add(account, commodity, new BigDecimal(balance)));
            return batch;
        }

        /** Adds a posting to a balance and remembers the balance for {@link #save}; returns its plain text. */
        String post(String account, String commodity, BigDecimal amount) {
            String after = add(account, commodity, amount);
            changed.computeIfAbsent(account, name -> new HashSet<>()).add(commodity);
            return after;
        }

        /** Adds to a balance and returns its plain text (a rebuild writes every balance at its end instead). */
        String add(String account, String commodity, BigDecimal amount) {
            String after = balances.add(account, commodity, amount).toPlainString();
            SortedMap<String, String> accountTexts = texts.get(account);
            if (accountTexts == null) {
                accountTexts = new TreeMap<>();
                texts.put(account, accountTexts);
                sortedTexts.put(account, accountTexts);
            }
            accountTexts.put(commodity, after);
            return after;
        }

        String text(String account, String commodity) {
            return texts.get(account).get(commodity);
        }

        /**
         * The checkpoint blob, from the texts kept in account and commodity order: the fold's order, and a zero
         * balance (left out) is the one whose normalised text is {@code "0"}.
         */
        byte[] encode() {
            BalanceBlob.Writer writer = new BalanceBlob.Writer(sortedTexts.size());
            sortedTexts.forEach((account, perCommodity) -> perCommodity.forEach((commodity, text) -> {
                if (!text.equals("0")) {
                    writer.line(account, commodity, text);
                }
            }));
            return writer.bytes();
        }

        /** Writes every balance, zero ones included, and the open register blocks (a rebuild's end, or a deferred catch-up's). */
        void writeAll(ReadModelTables tables) {
            register.writeOpenBlocks(tables);
            balances.forEach((account, commodity, balance) -> tables.upsert(BALANCES, account, commodity,
                    text(account, commodity)));
            changed.clear();
            deferred = false;
        }

        /** {@link #writeAll} when the balances table was left for the end; from then on a batch writes what it changed. */
        void writeDeferred(ReadModelTables tables) {
            if (deferred) {
                writeAll(tables);
            }
        }

        void save(ReadModelTables tables) {
            changed.forEach((account, commodities) -> commodities.forEach(
                    commodity -> tables.upsert(BALANCES, account, commodity, text(account, commodity))));
            changed.clear();
        }
    }
}
