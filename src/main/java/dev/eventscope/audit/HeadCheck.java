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

    HeadCheck(RememberedHeads heads) {
        this.heads = heads;
    }

    @Override
    public void verified(RecordedEvent event) {
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
        return remembered.describe() + "; its history no longer contains that head";
    }
}
