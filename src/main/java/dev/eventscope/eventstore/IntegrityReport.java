package dev.eventscope.eventstore;

/**
 * The outcome of walking the hash chain. Either intact through {@code lastPosition} with head
 * hash {@code headHash}, or broken at {@code firstBadPosition} by a change of the given kind.
 */
public record IntegrityReport(
        boolean intact,
        long eventsChecked,
        long lastPosition,
        String headHash,
        long firstBadPosition,
        Tampering kind,
        String detail) {

    /** The kind of change found at the first bad position. */
    public enum Tampering {
        /** an event's stored content or hash differs from what was chained */
        ALTERED,
        /** an event that was chained is missing */
        REMOVED,
        /** an event is present that was never chained */
        INSERTED
    }

    public static IntegrityReport intact(long eventsChecked, long lastPosition, String headHash) {
        return new IntegrityReport(true, eventsChecked, lastPosition, headHash, 0, null, null);
    }

    public static IntegrityReport broken(long eventsChecked, long lastGoodPosition, String lastGoodHash,
                                         long firstBadPosition, Tampering kind, String detail) {
        return new IntegrityReport(false, eventsChecked, lastGoodPosition, lastGoodHash, firstBadPosition, kind, detail);
    }

    /** One sentence a person can read. */
    public String summary() {
        if (intact) {
            return lastPosition == 0
                    ? "intact: the ledger holds no events yet"
                    : "intact through position " + lastPosition + ", head hash " + headHash;
        }
        return "TAMPERED at position " + firstBadPosition + ": event " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " (" + detail + "); chain intact through position " + lastPosition;
    }
}
