package dev.eventscope.ui.commands;

import dev.eventscope.application.Aggregate;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.session.LedgerSession;

import java.util.List;

/** Reads what the forms complete and default from: account names, entry ids, the base commodity. */
public final class LedgerLookups {

    private static final String ACCOUNT_PREFIX = "account-";
    static final String ENTRY_PREFIX = "entry-";

    private final LedgerSession session;

    public LedgerLookups(LedgerSession session) {
        this.session = session;
    }

    /** Every account with a stream, sorted. */
    public List<String> accountNames() {
        return session.streams(StreamFilter.category("account")).stream().map(StreamInfo::streamId).map(StreamId::value)
                .map(name -> name.substring(ACCOUNT_PREFIX.length())).sorted().toList();
    }

    /** Every journal entry id, sorted. */
    public List<String> entryIds() {
        return session.streams(StreamFilter.category("entry")).stream().map(StreamInfo::streamId).map(StreamId::value)
                .map(name -> name.startsWith(ENTRY_PREFIX) ? name.substring(ENTRY_PREFIX.length()) : name).sorted().toList();
    }

    /** The ledger's base commodity, or "EUR" before the ledger was created. */
    public String baseCommodity() {
        LedgerState state = session.commands().repository().load(Aggregate.LEDGER, StreamId.of(LedgerStreams.LEDGER)).state();
        return state.created() && state.baseCommodity() != null ? state.baseCommodity() : "EUR";
    }
}
