package dev.eventscope.application;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.PricesState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.BulkAppend;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.StreamId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many commands in one transaction: nothing is visible, and nothing stays, unless {@link #commit}
 * is called. The ledger and account states are cached in memory between commands (one entry per
 * account, not per event), so a long import does not re-read streams. Use it from one thread.
 */
public final class ImportSession implements AutoCloseable {

    private final LedgerCommandService service;
    private final BulkAppend bulk;
    private final CommandContext context;
    private final Map<AccountName, Loaded<AccountState>> accounts = new HashMap<>();
    private Loaded<LedgerState> ledger;
    /** Entry ids this session found free (no stream yet); under the write lock they stay free until it posts them. */
    private final Set<EntryId> freeEntries = new HashSet<>();
    private Loaded<PricesState> prices;
    private final EntryIds.Allocator entryIds;
    /** Whether the ledger held no journal entry when the session took the write lock; null until first asked. */
    private Boolean startedWithoutEntries;
    private long eventsWritten;
    private long commands;

    ImportSession(LedgerCommandService service, BulkAppend bulk, CommandContext context) {
        this.service = service;
        this.bulk = bulk;
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

    /** Decides and appends one command inside the import's transaction; rule violations propagate. */
    public CommandResult execute(Object command) {
        String commandId = service.ids().nextId();
        List<PlannedAppend> plans = CommandPlanner.plan(command, states);
        try {
            AppendResult result = bulk.append(service.toAppends(plans, command, commandId, context));
            remember(plans);
            service.snapshot(plans);
            eventsWritten += result.positions().size();
            commands++;
            return new CommandResult(commandId, result.positions(), 1);
        } catch (ConcurrencyConflict conflict) {
            throw new ConflictPersisted(command.getClass().getSimpleName(), 1, conflict);
        }
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
        bulk.commit();
    }

    /** Rolls the whole import back unless it was committed. */
    @Override
    public void close() {
        bulk.close();
    }

    @SuppressWarnings("unchecked")
    private void remember(List<PlannedAppend> plans) {
        for (PlannedAppend plan : plans) {
            if (plan.events().isEmpty()) {
                continue;
            }
            String stream = plan.stream().value();
            if (stream.startsWith(LedgerStreams.ENTRY_PREFIX)) {
                freeEntries.remove(EntryId.of(stream.substring(LedgerStreams.ENTRY_PREFIX.length())));
            }
            if (stream.equals(LedgerStreams.LEDGER)) {
                ledger = new Loaded<>((LedgerState) plan.stateAfter(), plan.versionAfter(), 0);
            } else if (stream.startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
                AccountName name = AccountName.of(stream.substring(LedgerStreams.ACCOUNT_PREFIX.length()));
                accounts.put(name, new Loaded<>((AccountState) plan.stateAfter(), plan.versionAfter(), 0));
            } else if (stream.equals(LedgerStreams.PRICES)) {
                prices = new Loaded<>((PricesState) plan.stateAfter(), plan.versionAfter(), 0);
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
    };
}
