package dev.eventscope.application;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountLookAlikes;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.BookkeepingEvent;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.PricesState;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.Snapshot;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries out bookkeeping commands: loads every aggregate the command touches (latest valid
 * snapshot plus later events), lets the domain decide, and appends all resulting events in one
 * atomic multi-stream append with the versions it loaded. On a {@link ConcurrencyConflict} it
 * reloads and decides again, up to {@code maxAttempts} times, then throws {@link ConflictPersisted}.
 * Rule violations of the domain propagate unchanged. Every event carries the user, correlation
 * id, causation id and command name. Snapshots are written every {@code snapshotEvery} events.
 */
public final class LedgerCommandService {

    /** How hard to retry and how often to snapshot. */
    public record Settings(int maxAttempts, int snapshotEvery) {
        public Settings {
            if (maxAttempts < 1 || snapshotEvery < 1) {
                throw new IllegalArgumentException("attempts and snapshot interval must be at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(5, 100);
        }
    }

    private final EventStore store;
    private final EventCodec codec;
    private final IdGenerator ids;
    private final Settings settings;
    private final AggregateRepository repository;

    public LedgerCommandService(EventStore store, EventCodec codec, IdGenerator ids, Settings settings) {
        this.store = store;
        this.codec = codec;
        this.ids = ids;
        this.settings = settings;
        this.repository = new AggregateRepository(store, codec);
    }

    public static LedgerCommandService create(EventStore store) {
        return new LedgerCommandService(store, BookkeepingCodec.create(), IdGenerator.timeOrdered(java.time.Clock.systemUTC()),
                Settings.defaults());
    }

    public AggregateRepository repository() {
        return repository;
    }

    public IdGenerator ids() {
        return ids;
    }

    /**
     * Decides and appends one command: a {@code LedgerCommand}, an {@code AccountCommand}, a {@code PriceCommand},
     * or an entry command ({@code PostEntry}, {@code ReverseEntry}).
     */
    public CommandResult execute(Object command, CommandContext context) {
        String commandId = ids.nextId();
        ConcurrencyConflict lastConflict = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            List<PlannedAppend> plans = CommandPlanner.plan(command, storeStates());
            try {
                AppendResult result = store.appendAll(toAppends(plans, command, commandId, context));
                snapshot(plans);
                return new CommandResult(commandId, result.positions(), attempt);
            } catch (ConcurrencyConflict conflict) {
                lastConflict = conflict;
            }
        }
        throw new ConflictPersisted(command.getClass().getSimpleName(), settings.maxAttempts(), lastConflict);
    }

    /**
     * Builds and carries out one command that may need new entry ids (see {@link CommandDraft}): the
     * ids are allocated, the command decided and its events appended inside one write transaction, so
     * concurrent writers never pick the same automatic id. Rule violations propagate; nothing is written then.
     */
    public Executed execute(CommandDraft draft, CommandContext context) {
        return executeTogether(List.of(draft), context).get(0);
    }

    /**
     * Carries out several commands as one: each is built (with new entry ids, if it asks for them) and
     * decided on the states the earlier ones left, and all are written in one transaction, or none is
     * (a rule violation of any of them propagates and nothing is written).
     */
    public List<Executed> executeTogether(List<CommandDraft> drafts, CommandContext context) {
        try (ImportSession session = beginImport(context)) {
            List<Executed> executed = new ArrayList<>(drafts.size());
            for (CommandDraft draft : drafts) {
                Object command = draft.build(session::nextEntryId);
                executed.add(new Executed(command, session.execute(command)));
            }
            session.commit();
            return List.copyOf(executed);
        }
    }

    /**
     * Starts an all-or-nothing batch of commands (an import): decisions use states cached in
     * memory and every append goes into one transaction, committed by {@link ImportSession#commit}.
     */
    public ImportSession beginImport(CommandContext context) {
        return new ImportSession(this, store.beginBulkAppend(), context);
    }

    /**
     * As {@link #beginImport}, with the writing on a thread of its own (see {@link ImportSession#submit}): the calling
     * thread decides and encodes while the writing thread appends, through a bounded queue, in one transaction.
     */
    public ImportSession beginPipelinedImport(CommandContext context) {
        return new ImportSession(this, new BackgroundWrites(store), context);
    }

    List<StreamAppend> toAppends(List<PlannedAppend> plans, Object command, String commandId, CommandContext context) {
        EventMetadata metadata = new EventMetadata(context.user(),
                context.correlationId() == null ? commandId : context.correlationId(),
                context.causationId() == null ? commandId : context.causationId(),
                command.getClass().getSimpleName());
        List<StreamAppend> appends = new ArrayList<>(plans.size());
        for (PlannedAppend plan : plans) {
            List<NewEvent> events = new ArrayList<>(plan.events().size());
            for (BookkeepingEvent event : plan.events()) {
                events.add(codec.toNewEvent(ids.nextId(), event, metadata));
            }
            appends.add(new StreamAppend(plan.stream(), ExpectedVersion.exactly(plan.expectedVersion()), events));
        }
        return appends;
    }

    /** Saves a snapshot of each stream whose version crossed a multiple of the snapshot interval. */
    void snapshot(List<PlannedAppend> plans) {
        saveSnapshots(snapshotsDue(plans, null));
    }

    /**
     * The snapshot of each stream whose version crossed a multiple of the snapshot interval, of its state after the
     * plan ({@code statesAfter}, one per plan; null, or a null element for a plan with events: worked out here for the
     * streams that are due).
     */
    List<Snapshot> snapshotsDue(List<PlannedAppend> plans, List<Object> statesAfter) {
        int every = settings.snapshotEvery();
        List<Snapshot> due = List.of();
        for (int i = 0; i < plans.size(); i++) {
            PlannedAppend plan = plans.get(i);
            if (plan.events().isEmpty() || plan.versionAfter() / every == plan.expectedVersion() / every) {
                continue;
            }
            due = due.isEmpty() ? new ArrayList<>(2) : due;
            due.add(codec.snapshotOf(plan.stream(), plan.versionAfter(), statesAfter == null || statesAfter.get(i) == null ? plan.stateAfter() : statesAfter.get(i),
                    plan.aggregate().stateSchemaVersion()));
        }
        return due;
    }

    void saveSnapshots(List<Snapshot> snapshots) {
        for (Snapshot snapshot : snapshots) {
            store.saveSnapshot(snapshot);
        }
    }

    private CurrentStates storeStates() {
        return new CurrentStates() {
            @Override
            public Loaded<LedgerState> ledger() {
                return repository.load(Aggregate.LEDGER, StreamId.of(LedgerStreams.LEDGER));
            }

            @Override
            public Loaded<AccountState> account(AccountName account) {
                return repository.load(Aggregate.ACCOUNT, StreamId.of(LedgerStreams.account(account)));
            }

            @Override
            public Loaded<EntryState> entry(EntryId entry) {
                return repository.load(Aggregate.ENTRY, StreamId.of(LedgerStreams.entry(entry)));
            }

            @Override
            public Loaded<PricesState> prices() {
                return repository.load(Aggregate.PRICES, StreamId.of(LedgerStreams.PRICES));
            }

            @Override
            public AccountLookAlikes lookAlikes() {
                return recordedAccounts(repository.store());
            }
        };
    }

    /** The accounts recorded in {@code store} (streams {@code account-<name>}), by their look. */
    static AccountLookAlikes recordedAccounts(EventStore store) {
        AccountLookAlikes accounts = new AccountLookAlikes();
        for (StreamInfo stream : store.streams(StreamFilter.category("account"))) {
            accounts.add(stream.streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length()));
        }
        return accounts;
    }
}
