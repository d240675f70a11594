package dev.eventscope.application;

import dev.eventscope.domain.ledger.AccountLookAlikes;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.AccountStatus;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.PricesState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.StreamId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many commands in one transaction: nothing is visible, and nothing stays, unless {@link #commit}
 * is called. The ledger and account states are cached in memory between commands (one entry per
 * account, not per event), so a long import does not re-read streams. Use it from one thread.
 *
 * <p>A pipelined session ({@link LedgerCommandService#beginPipelinedImport}) decides and encodes on the calling
 * thread and hands the events over to a writing thread of its own ({@link BackgroundWrites}), which holds the
 * transaction: commands go in with {@link #submit}, whose positions are not known before the commit.
 */
public final class ImportSession implements AutoCloseable {

    private final LedgerCommandService service;
    /** Null when pipelined. */
    private final BulkAppend bulk;
    /** Null unless pipelined. */
    private final BackgroundWrites background;
    private final CommandContext context;
    private final Map<AccountName, Loaded<AccountState>> accounts = new HashMap<>();
    private Loaded<LedgerState> ledger;
    /** Entry ids this session found free (no stream yet); under the write lock they stay free until it posts them. */
    private final Set<EntryId> freeEntries = new HashSet<>();
    private Loaded<PricesState> prices;
    /** The ledger's accounts by their look, read when the session first opens an account, then kept up to date. */
    private AccountLookAlikes lookAlikes;
    private final EntryIds.Allocator entryIds;
    /** Whether the ledger held no journal entry when the session took the write lock; null until first asked. */
    private Boolean startedWithoutEntries;
    private long eventsWritten;
    private long commands;
    /** First and last position of the tracked commands' events, when not pipelined. */
    private long firstTracked;
    private long lastTracked;

    ImportSession(LedgerCommandService service, BulkAppend bulk, CommandContext context) {
        this(service, bulk, null, context);
    }

    ImportSession(LedgerCommandService service, BackgroundWrites background, CommandContext context) {
        this(service, null, background, context);
    }

    private ImportSession(LedgerCommandService service, BulkAppend bulk, BackgroundWrites background,
                          CommandContext context) {
        this.service = service;
        this.bulk = bulk;
        this.background = background;
        this.context = context;
        this.entryIds = new EntryIds.Allocator(service.repository().store());
    }

    /**
     * A free {@code E000123}-style entry id, never handed out twice by this session. The session holds
     * the write lock, so no other writer can take it before the commit.
     */
    public EntryId nextEntryId() {
        return entryIds.next();
    }

    /**
     * Decides and appends one command inside the import's transaction; rule violations propagate. Not in a pipelined
     * session, whose positions are known only after the commit: use {@link #submit} there.
     */
    public CommandResult execute(Object command) {
        if (background != null) {
            throw new IllegalStateException("a pipelined import session takes its commands with submit");
        }
        String commandId = service.ids().nextId();
        List<PlannedAppend> plans = CommandPlanner.plan(command, states);
        List<Object> after = statesAfter(plans);
        try {
            AppendResult result = bulk.append(service.toAppends(plans, command, commandId, context));
            remember(plans, after);
            service.saveSnapshots(service.snapshotsDue(plans, after));
            eventsWritten += result.positions().size();
            commands++;
            return new CommandResult(commandId, result.positions(), 1);
        } catch (ConcurrencyConflict conflict) {
            throw new ConflictPersisted(command.getClass().getSimpleName(), 1, conflict);
        }
    }

    /**
     * Decides one command and has its events appended inside the import's transaction (in a pipelined session, by the
     * writing thread, later); rule violations of the decision propagate at once, a failure of the writing at a later
     * call or at {@link #commit}. Returns how many events the command gives; with {@code tracked}, its positions count
     * in {@link #trackedPositions()}.
     */
    public long submit(Object command, boolean tracked) {
        if (background == null) {
            List<Long> positions = execute(command).positions();
            if (tracked && !positions.isEmpty()) {
                firstTracked = firstTracked == 0 ? positions.get(0) : firstTracked;
                lastTracked = positions.get(positions.size() - 1);
            }
            return positions.size();
        }
        String commandId = service.ids().nextId();
        List<PlannedAppend> plans = CommandPlanner.plan(command, states);
        List<Object> after = statesAfter(plans);
        BackgroundWrites.Write write = new BackgroundWrites.Write(command.getClass().getSimpleName(),
                service.toAppends(plans, command, commandId, context), service.snapshotsDue(plans, after), tracked);
        remember(plans, after);
        long events = 0;
        for (PlannedAppend plan : plans) {
            events += plan.events().size();
        }
        background.hand(write);
        eventsWritten += events;
        commands++;
        return events;
    }

    /** Positions {first, last} of the events of the tracked {@link #submit submitted} commands; valid after the commit. */
    public long[] trackedPositions() {
        return background != null ? background.trackedPositions() : new long[] {firstTracked, lastTracked};
    }

    /**
     * Whether an entry with this id is already in the ledger (or was posted by this session). A free one is
     * remembered, so posting it reads nothing more from the store: an import checks each new id once.
     */
    public boolean isEntryTaken(EntryId entry) {
        if (freeEntries.contains(entry)) {
            return false;
        }
        if (startedWithoutEntries == null) {
            startedWithoutEntries = EntryIds.entryCount(service.repository().store()) == 0;
        }
        if (startedWithoutEntries) {
            // the store's reads see what was committed, which under the write lock is what the session started from:
            // no entry at all, so the one query per new entry (JFR: 5 % of an import) would always answer "free"
            freeEntries.add(entry);
            return false;
        }
        boolean taken = service.repository().store().streamVersion(StreamId.of(LedgerStreams.entry(entry))) != 0;
        if (!taken) {
            freeEntries.add(entry);
        }
        return taken;
    }

    public long eventsWritten() {
        return eventsWritten;
    }

    public long commandsExecuted() {
        return commands;
    }

    /** The ledger's state as the import has it now. */
    public LedgerState ledgerState() {
        return states.ledger().state();
    }

    /** An account's state as the import has it now. */
    public AccountState accountState(AccountName account) {
        return states.account(account).state();
    }

    public void commit() {
        if (background != null) {
            background.commit();
        } else {
            bulk.commit();
        }
    }

    /** Rolls the whole import back unless it was committed. */
    @Override
    public void close() {
        if (background != null) {
            background.close();
        } else {
            bulk.close();
        }
    }

    /**
     * Each plan's state after its events, worked out once: null for a plan without events, and for an entry's stream,
     * whose state the session does not keep ({@link #remember}) and a snapshot rarely needs ({@code snapshotsDue} works
     * it out when one is due). Session 19: an import made every new entry's state (a copy of the whole entry) for
     * nothing.
     */
    private static List<Object> statesAfter(List<PlannedAppend> plans) {
        List<Object> after = new ArrayList<>(plans.size());
        for (PlannedAppend plan : plans) {
            after.add(plan.events().isEmpty() || plan.stream().value().startsWith(LedgerStreams.ENTRY_PREFIX) ? null
                    : plan.stateAfter());
        }
        return after;
    }

    private void remember(List<PlannedAppend> plans, List<Object> statesAfter) {
        for (int i = 0; i < plans.size(); i++) {
            PlannedAppend plan = plans.get(i);
            if (plan.events().isEmpty()) {
                continue;
            }
            String stream = plan.stream().value();
            Object after = statesAfter.get(i);
            if (stream.startsWith(LedgerStreams.ENTRY_PREFIX)) {
                freeEntries.remove(EntryId.of(stream.substring(LedgerStreams.ENTRY_PREFIX.length())));
            }
            if (stream.equals(LedgerStreams.LEDGER)) {
                ledger = new Loaded<>((LedgerState) after, plan.versionAfter(), 0);
            } else if (stream.startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
                AccountState state = (AccountState) after;
                // the state names its account: no second parse of the stream's name per posting
                AccountName name = state.name() != null ? state.name()
                        : AccountName.of(stream.substring(LedgerStreams.ACCOUNT_PREFIX.length()));
                accounts.put(name, new Loaded<>(state, plan.versionAfter(), 0));
                if (lookAlikes != null && plan.expectedVersion() == 0) {
                    lookAlikes.add(name.value());
                }
            } else if (stream.equals(LedgerStreams.PRICES)) {
                prices = new Loaded<>((PricesState) after, plan.versionAfter(), 0);
            }
        }
    }

    private final CurrentStates states = new CurrentStates() {
        @Override
        public Loaded<LedgerState> ledger() {
            if (ledger == null) {
                ledger = service.repository().load(Aggregate.LEDGER, StreamId.of(LedgerStreams.LEDGER));
            }
            return ledger;
        }

        @Override
        public Loaded<AccountState> account(AccountName account) {
            return accounts.computeIfAbsent(account, name -> {
                StreamId stream = StreamId.of(LedgerStreams.account(name));
                // most accounts an import touches are new: one version query instead of a snapshot lookup and a read
                return service.repository().store().streamVersion(stream) == 0
                        ? new Loaded<>(Aggregate.ACCOUNT.initialState(), 0, 0)
                        : service.repository().load(Aggregate.ACCOUNT, stream);
            });
        }

        @Override
        public Loaded<EntryState> entry(EntryId entry) {
            // entries an import posts are new, but one may already exist in the ledger: ask the store, unless this
            // session has just seen that the id is free (isEntryTaken), when the state is the initial one
            if (freeEntries.contains(entry)) {
                return new Loaded<>(Aggregate.ENTRY.initialState(), 0, 0);
            }
            return service.repository().load(Aggregate.ENTRY, StreamId.of(LedgerStreams.entry(entry)));
        }

        @Override
        public Loaded<PricesState> prices() {
            if (prices == null) {
                prices = service.repository().load(Aggregate.PRICES, StreamId.of(LedgerStreams.PRICES));
            }
            return prices;
        }

        @Override
        public AccountLookAlikes lookAlikes() {
            if (lookAlikes == null) {
                // what the store holds now is what the session started from (it holds the write lock), plus what
                // remember() adds as this session opens accounts
                lookAlikes = LedgerCommandService.recordedAccounts(service.repository().store());
                accounts.forEach((name, loaded) -> {
                    if (loaded.state().status() != AccountStatus.NOT_OPENED) {
                        lookAlikes.add(name.value());
                    }
                });
            }
            return lookAlikes;
        }
    };
}
