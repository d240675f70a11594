package dev.eventscope.eventstore;

import dev.eventscope.eventstore.IntegrityReport.Tampering;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The hash-chain walk both store adapters run (docs/hash-chain.md): rows in position order, each with
 * the hash it was chained to (stored, or the hash of the row read before it) as well as its own, which
 * tells an altered event (its content no longer gives its hash) from a removed one (a gap, a row linking
 * past its predecessor, fewer rows than the recorded head, or a stream missing a version the adapter
 * finds beside the chain), an inserted one (a row the next one skips, or a row beyond the head) and two
 * events swapped. It names the first event that does not fit; what an adapter checks beside the chain
 * (its own bookkeeping tables) it checks after a walk that found the chain intact.
 */
public final class ChainWalk {

    /**
     * One row of the chain: the event, the hash it was chained to, its recorded hash, and what its content gives now.
     * {@code relink}, when not null, gives what its content gives chained to another hash: an adapter that stores no
     * previous hash passes the hash of the row read before it as {@code previousHash}, and the walk tries the others.
     */
    public record Link(RecordedEvent event, byte[] previousHash, byte[] hash, byte[] computed,
                       UnaryOperator<byte[]> relink) {

        /** A row whose stored previous hash is all the walk needs. */
        public Link(RecordedEvent event, byte[] previousHash, byte[] hash, byte[] computed) {
            this(event, previousHash, hash, computed, null);
        }

        long position() {
            return event.position();
        }

        boolean intact() {
            return Arrays.equals(hash, computed);
        }

        /** Whether this row, chained to {@code previous}, gives its recorded hash. */
        boolean follows(byte[] previous) {
            if (Arrays.equals(previousHash, previous)) {
                return intact();
            }
            return relink != null && Arrays.equals(hash, relink.apply(previous));
        }
    }

    /** The rows in position order; {@code X} is what reading them throws. */
    public interface Links<X extends Exception> {
        /** The next row, or null after the last. */
        Link next() throws X;

        /** The row {@link #next} will give, without taking it; null after the last. */
        Link peek() throws X;

        /**
         * What the adapter finds beside the chain that shows an event just before {@code link} was removed and the
         * positions after it renumbered (a stream missing a version there), or null. An adapter that stores no
         * previous hash needs it: to the chain alone such a removal looks like {@code link} altered.
         */
        default String removedBefore(Link link) throws X {
            return null;
        }
    }

    private ChainWalk() {
    }

    /**
     * Walks every row; {@code recordedHead} is the last position the store recorded (-1 when it has no
     * record). Each event that fits is handed to {@code observer}, in order.
     */
    public static <X extends Exception> IntegrityReport walk(Links<X> links, long recordedHead, ChainObserver observer)
            throws X {
        byte[] previous = EventHashChain.GENESIS;
        long expectedPosition = 1;
        long checked = 0;
        Link link;
        while ((link = links.next()) != null) {
            IntegrityReport broken = misfit(link, links, previous, expectedPosition, recordedHead, checked);
            if (broken != null) {
                return broken;
            }
            observer.verified(link.event());
            previous = link.hash();
            expectedPosition++;
            checked++;
        }
        long last = expectedPosition - 1;
        String lastHash = last == 0 ? null : EventHashChain.hex(previous);
        if (recordedHead > last) {
            return IntegrityReport.broken(checked, last, lastHash, last + 1, Tampering.REMOVED,
                    "the ledger recorded events up to position " + recordedHead + " but the chain ends at position " + last);
        }
        return IntegrityReport.intact(checked, last, lastHash);
    }

    /** The report of the first break {@code link} shows, or null when it fits the chain. */
    private static <X extends Exception> IntegrityReport misfit(Link link, Links<X> links, byte[] previous,
                                                                long expectedPosition, long recordedHead, long checked)
            throws X {
        long goodThrough = expectedPosition - 1;
        String goodHash = goodThrough == 0 ? null : EventHashChain.hex(previous);
        if (link.position() < expectedPosition) {
            return IntegrityReport.broken(checked, goodThrough, goodHash, link.position(), Tampering.INSERTED,
                    "a row with position " + link.position() + " lies outside the chain, which starts at position 1");
        }
        if (link.position() > expectedPosition) {
            return IntegrityReport.broken(checked, goodThrough, goodHash, expectedPosition, Tampering.REMOVED,
                    (link.position() - expectedPosition == 1 ? "the event at position " + expectedPosition + " is"
                            : "the events at positions " + expectedPosition + " to " + (link.position() - 1) + " are")
                            + " missing");
        }
        if (recordedHead >= 0 && link.position() > recordedHead) {
            return IntegrityReport.broken(checked, goodThrough, goodHash, link.position(), Tampering.INSERTED,
                    "the ledger recorded events only up to position " + recordedHead
                            + ", yet the table holds an event at position " + link.position());
        }
        boolean linked = Arrays.equals(link.previousHash(), previous);
        if (link.intact() && linked) {
            return null;
        }
        Link after = links.peek();
        boolean afterLinksBack = after != null && after.follows(previous);
        if (afterLinksBack && link.follows(after.hash())) {
            return IntegrityReport.broken(checked, goodThrough, goodHash, link.position(), Tampering.REORDERED,
                    "the events at positions " + link.position() + " and " + after.position()
                            + " are both intact but stored in each other's place");
        }
        if (afterLinksBack) {
            return IntegrityReport.broken(checked, goodThrough, goodHash, link.position(), Tampering.INSERTED,
                    "the event after it links straight to position " + goodThrough
                            + ", so this event was never part of the chain");
        }
        if (!link.intact()) {
            String removed = links.removedBefore(link);
            if (removed != null) {
                return IntegrityReport.broken(checked, goodThrough, goodHash, link.position(), Tampering.REMOVED,
                        "the event before it was removed and the positions after it renumbered: " + removed);
            }
            return IntegrityReport.broken(checked, goodThrough, goodHash, link.position(), Tampering.ALTERED,
                    "its stored content no longer gives its recorded hash");
        }
        return IntegrityReport.broken(checked, goodThrough, goodHash, link.position(), Tampering.REMOVED,
                "it was chained to an event that is no longer before it: an event was removed and the"
                        + " positions after it renumbered, or the event before it was rewritten");
    }
}
