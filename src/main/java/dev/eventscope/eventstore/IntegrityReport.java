package dev.eventscope.eventstore;

/**
 * The outcome of walking the hash chain. Either intact through {@code lastPosition} with head
 * hash {@code headHash}, or broken at {@code firstBadPosition} by a change of the given kind.
 * {@code readThrough} is the last position of the consistent read the walk checked: events
 * appended after the walk began are not part of it.
 */
public record IntegrityReport(
        boolean intact,
        long eventsChecked,
        long lastPosition,
        String headHash,
        long firstBadPosition,
        Tampering kind,
        String detail,
        long readThrough) {

    /** The kind of change found at the first bad position. */
    public enum Tampering {
        /** an event's stored content or hash differs from what was chained */
        ALTERED,
        /** an event that was chained is missing */
        REMOVED,
        /** an event is present that was never chained */
        INSERTED,
        /** chained events are all present, but not in the order they were chained */
        REORDERED,
        /** the chain is sound but the store's own records beside it (head position, streams) were edited */
        METADATA
    }

    public static IntegrityReport intact(long eventsChecked, long lastPosition, String headHash) {
        return new IntegrityReport(true, eventsChecked, lastPosition, headHash, 0, null, null, lastPosition);
    }

    public static IntegrityReport broken(long eventsChecked, long lastGoodPosition, String lastGoodHash,
                                         long firstBadPosition, Tampering kind, String detail) {
        return new IntegrityReport(false, eventsChecked, lastGoodPosition, lastGoodHash, firstBadPosition, kind, detail,
                Math.max(lastGoodPosition, firstBadPosition));
    }

    /** This report, stating that the walk read the ledger as it stood at {@code position}. */
    public IntegrityReport readThrough(long position) {
        return new IntegrityReport(intact, eventsChecked, lastPosition, headHash, firstBadPosition, kind, detail, position);
    }

    /** One sentence a person can read. */
    public String summary() {
        if (intact) {
            return lastPosition == 0
                    ? "intact: the ledger holds no events yet"
                    : "intact through position " + lastPosition + ", head hash " + headHash;
        }
        String checked = readThrough > 0 ? " (checked the ledger as it stood at position " + readThrough + ")" : "";
        if (kind == Tampering.METADATA) {
            return "TAMPERED: the ledger's records beside the chain were edited (" + detail + "); chain intact through position "
                    + lastPosition + checked;
        }
        return "TAMPERED at position " + firstBadPosition + ": event" + (kind == Tampering.REORDERED ? "s " : " ")
                + kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + detail + "); chain intact through position "
                + lastPosition + checked;
    }
}
