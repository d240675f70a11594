package dev.eventscope.projection;

import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.util.Set;

/** Helpers the built-in projections share. */
final class ProjectionEvents {

    private ProjectionEvents() {
    }

    /** The typed event, or an exception naming why it cannot be read (an event is never skipped silently). */
    static Object typed(DecodedEvent decoded) {
        return decoded.value().orElseThrow(() -> new IllegalStateException(
                "the event cannot be read as a bookkeeping event: " + decoded.problem().orElse("unknown reason")));
    }

    /** Whether the event belongs to a bookkeeping stream whose events a ledger projection must understand. */
    static boolean isBookkeeping(DecodedEvent decoded) {
        String stream = decoded.recorded().streamId().value();
        return stream.equals(LedgerStreams.LEDGER) || stream.startsWith(LedgerStreams.ACCOUNT_PREFIX)
                || stream.startsWith(LedgerStreams.ENTRY_PREFIX);
    }

    /** The stream categories of {@link #isAccountOrLedger} (for {@link Projection#streamCategories}). */
    static final Set<String> ACCOUNT_AND_LEDGER = Set.of(category(LedgerStreams.ACCOUNT_PREFIX), LedgerStreams.LEDGER);
    /** The stream categories of {@link #isEntryOrLedger}. */
    static final Set<String> ENTRY_AND_LEDGER = Set.of(category(LedgerStreams.ENTRY_PREFIX), LedgerStreams.LEDGER);

    private static String category(String prefix) {
        return StreamId.of(prefix + "x").category();
    }

    /** Account and ledger streams: what the balances projection reads. */
    static boolean isAccountOrLedger(RecordedEvent recorded) {
        String stream = recorded.streamId().value();
        return stream.startsWith(LedgerStreams.ACCOUNT_PREFIX) || stream.equals(LedgerStreams.LEDGER);
    }

    /** Entry and ledger streams: what the journal projection reads. */
    static boolean isEntryOrLedger(RecordedEvent recorded) {
        String stream = recorded.streamId().value();
        return stream.startsWith(LedgerStreams.ENTRY_PREFIX) || stream.equals(LedgerStreams.LEDGER);
    }

    static String accountOf(DecodedEvent decoded) {
        return decoded.recorded().streamId().value().substring(LedgerStreams.ACCOUNT_PREFIX.length());
    }
}
