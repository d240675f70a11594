package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.domain.ledger.AccountEvent;
import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.eventstore.RecordedEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Account balances per commodity, every account's register with running balances, and ledger-wide
 * balance checkpoints (the basis of time travel), one at the first account or ledger event at or after
 * each multiple of {@code checkpointEvery}, so fewer than that many register lines lie between two. Register
 * lines are indexed by (account, commodity, position), so that "balance at position P" is one lookup and
 * "why" is a range scan; the indexes by (date, position) and (account, date, position), which questions
 * as of an entry date need (one account as of a date is then one range read), are built by the first
 * such question, as the date checkpoints are. The positions of the accounts' other events (opened, frozen, closed) are kept in
 * {@code account_lifecycle}. The table {@code date_checkpoints} (cumulative balances as of entry dates)
 * is written by time travel, not by {@link #apply}: see {@link DateCheckpoint}.
 */
public final class BalancesProjection implements Projection {

    public static final String NAME = "balances";
    public static final String BALANCES = "balances";
    public static final String REGISTER = "register";
    public static final String CHECKPOINTS = "balance_checkpoints";
    public static final String DATE_CHECKPOINTS = "date_checkpoints";
    public static final String ACCOUNT_EVENTS = "account_lifecycle";
    public static final int DEFAULT_CHECKPOINT_EVERY = 10_000;

    private final int checkpointEvery;

    public BalancesProjection(int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("the checkpoint interval must be at least 1 event");
        }
        this.checkpointEvery = checkpointEvery;
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
        return 3;
    }

    @Override
    public List<TableDefinition> tables() {
        return List.of(
                TableDefinition.table(BALANCES).text("account").text("commodity").decimal("amount")
                        .primaryKey("account", "commodity").build(),
                TableDefinition.table(REGISTER).integer("position").text("account").text("commodity").decimal("amount")
                        .decimal("running_balance").text("entry_id").integer("posting_index").text("date")
                        .text("description").text("user_name").text("command").integer("recorded_at").text("reverses")
                        .primaryKey("position").index("account", "commodity", "position")
                        .indexOnDemand("date", "position").indexOnDemand("account", "date", "position").build(),
                TableDefinition.table(CHECKPOINTS).integer("position").text("event_hash").text("digest").blob("data")
                        .primaryKey("position").build(),
                TableDefinition.table(DATE_CHECKPOINTS).text("date").integer("position").text("event_hash").text("digest")
                        .blob("data").primaryKey("date").build(),
                TableDefinition.table(ACCOUNT_EVENTS).integer("position").text("account").integer("version")
                        .primaryKey("position").index("account", "position").build());
    }

    /** A rebuild reads only these streams (the other events would not change this read model). */
    @Override
    public Set<String> streamCategories() {
        return Set.of("account", "ledger");
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
        boolean writesCheckpoint = false;
        for (DecodedEvent decoded : events) {
            long position = decoded.recorded().position();
            if (ProjectionEvents.isAccountOrLedger(decoded.recorded()) && position / checkpointEvery > lastCheckpoint / checkpointEvery) {
                writesCheckpoint = true;
                break;
            }
        }
        // a batch that writes a checkpoint needs every balance: it reads them all once, up front
        Book book = new Book(tables, writesCheckpoint);
        for (DecodedEvent decoded : events) {
            RecordedEvent recorded = decoded.recorded();
            if (!ProjectionEvents.isAccountOrLedger(recorded)) {
                continue;
            }
            if (ProjectionEvents.typed(decoded) instanceof AccountEvent.PostingRecorded posting) {
                String account = ProjectionEvents.accountOf(decoded);
                String commodity = posting.amount().commodity();
                BigDecimal after = book.add(account, commodity, posting.amount().amount());
                LocalDate date = posting.date();
                tables.insert(REGISTER, recorded.position(), account, commodity, posting.amount().amount(), after,
                        posting.entryId().value(), posting.postingIndex(), date.toString(), posting.description(),
                        recorded.metadata().user(), recorded.metadata().commandName(), recorded.recordedAtMicros(),
                        posting.reversesEntryId() == null ? null : posting.reversesEntryId().value());
            } else if (ProjectionEvents.typed(decoded) instanceof AccountEvent) {
                tables.insert(ACCOUNT_EVENTS, recorded.position(), ProjectionEvents.accountOf(decoded), recorded.version());
            }
            if (recorded.position() / checkpointEvery > lastCheckpoint / checkpointEvery) {
                byte[] data = BalanceBlob.encode(book.all());
                tables.upsert(CHECKPOINTS, recorded.position(), recorded.hash(), BalanceBlob.digest(data), data);
                lastCheckpoint = recorded.position();
            }
        }
        book.save();
    }

    /**
     * The balances one {@link #apply} works on: every row read at once when the batch writes a checkpoint,
     * else one lookup per account and commodity when first needed; kept in memory for the batch, and the
     * changed ones written back once at its end.
     */
    private static final class Book {
        private final ReadModelTables tables;
        private final SortedMap<String, SortedMap<String, BigDecimal>> known = new TreeMap<>();
        private final Map<String, Map<String, BigDecimal>> changed = new HashMap<>();
        private final boolean complete;

        Book(ReadModelTables tables, boolean everyBalance) {
            this.tables = tables;
            this.complete = everyBalance;
            if (everyBalance) {
                for (ReadModelRow row : tables.all(BALANCES)) {
                    known.computeIfAbsent(row.text(0), name -> new TreeMap<>()).put(row.text(1), row.decimal(2));
                }
            }
        }

        BigDecimal add(String account, String commodity, BigDecimal amount) {
            SortedMap<String, BigDecimal> balances = known.get(account);
            if (balances == null) {
                balances = new TreeMap<>();
                known.put(account, balances);
            }
            BigDecimal before = balances.get(commodity);
            if (before == null) {
                before = complete ? BigDecimal.ZERO
                        : tables.find(BALANCES, account, commodity).map(row -> row.decimal(2)).orElse(BigDecimal.ZERO);
            }
            BigDecimal after = Amounts.normalise(before.add(amount));
            balances.put(commodity, after);
            changed.computeIfAbsent(account, name -> new HashMap<>()).put(commodity, after);
            return after;
        }

        /** Every account's balances (sorted), with this batch's changes; only for a book that read them all. */
        SortedMap<String, SortedMap<String, BigDecimal>> all() {
            if (!complete) {
                throw new IllegalStateException("this batch did not read every balance");
            }
            return known;
        }

        void save() {
            changed.forEach((account, balances) -> balances.forEach(
                    (commodity, amount) -> tables.upsert(BALANCES, account, commodity, amount)));
        }
    }
}
