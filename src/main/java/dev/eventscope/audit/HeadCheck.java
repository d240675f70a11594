package dev.eventscope.audit;

import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.RecordedEvent;

import java.util.Optional;

/**
 * Checks, during the walk, that the verified chain still passes through the head this machine
 * remembered for the ledger. The ledger id is the id of its first event, so the head is looked up
 * when the walk sees position 1.
 */
final class HeadCheck implements ChainObserver {

    private final RememberedHeads heads;
    private String ledgerId;
    private RememberedHead remembered;
    private boolean passedThrough;
    private long lastSeen;

    HeadCheck(RememberedHeads heads) {
        this.heads = heads;
    }

    @Override
    public void verified(RecordedEvent event) {
        lastSeen = event.position();
        if (event.position() == 1) {
            ledgerId = event.eventId();
            remembered = heads.recall(ledgerId).orElse(null);
        }
        if (remembered != null && event.position() == remembered.position()) {
            passedThrough = remembered.headHash().equals(event.hash());
        }
    }

    String ledgerId() {
        return ledgerId;
    }

    Optional<RememberedHead> remembered() {
        return Optional.ofNullable(remembered);
    }

    /** The finding when the remembered head is no longer in the history, or null. */
    String problem() {
        if (remembered == null || passedThrough) {
            return null;
        }
        return problem(remembered, lastSeen);
    }

    /**
     * The finding for a remembered head that is gone, given where the ledger now ends: a ledger that now ends before
     * it was rolled back (replaced by an older copy of itself, or its newest events removed) and the sentence says so
     * (session 17); otherwise the event there has another hash now, so the history up to it was rewritten.
     */
    static String problem(RememberedHead remembered, long lastPosition) {
        String gone = remembered.describe() + "; its history no longer contains that head";
        if (lastPosition < remembered.position()) {
            return gone + ": it now ends at #" + lastPosition + ", " + (remembered.position() - lastPosition)
                    + (remembered.position() - lastPosition == 1 ? " event" : " events") + " earlier, so it was rolled"
                    + " back (replaced by an older copy of itself, or its newest events were removed)";
        }
        return gone + ": the event at #" + remembered.position() + " has another hash now, so the history up to it was"
                + " rewritten";
    }
}
