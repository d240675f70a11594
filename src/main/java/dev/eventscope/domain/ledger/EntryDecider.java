package dev.eventscope.domain.ledger;

import dev.eventscope.domain.Decider;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryEvent.EntryReversed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The journal entry aggregate (stream {@code entry-<id>}) on its own. Its {@code decide} applies
 * only the rules one entry can check by itself (duplicate id, a description a journal cannot hold,
 * too few postings, balance; for
 * {@link ReverseEntry}, given the original's state: found and not yet reversed). Commands must go
 * through {@link PostingPolicy}, which adds the ledger's and the accounts' rules and produces the
 * events of every stream involved.
 */
public final class EntryDecider {

    /** The least number of postings an entry needs. */
    public static final int MINIMUM_POSTINGS = 2;

    private static final Decider<EntryState, EntryCommand, EntryEvent> DECIDER =
            new Decider<>(EntryState.INITIAL, EntryDecider::decide, EntryDecider::evolve);

    private EntryDecider() {
    }

    public static Decider<EntryState, EntryCommand, EntryEvent> decider() {
        return DECIDER;
    }

    /**
     * For {@link PostEntry}: the {@link EntryPosted} event for the entry's own stream. For
     * {@link ReverseEntry}, {@code state} is the original entry's: the {@link EntryReversed} event for it.
     */
    public static List<EntryEvent> decide(EntryCommand command, EntryState state) {
        if (command instanceof PostEntry post) {
            requireNotPosted(post.entryId(), state);
            InvalidDescription.requireValid(post.entryId(), post.description());
            requirePostingsBalance(post.entryId(), post.description(), post.postings(), post.displayPrecision());
            return List.of(new EntryPosted(post.entryId(), post.date(), post.secondaryDate(), post.status(),
                    post.code(), post.description(), post.tags(), post.comment(), post.postings(), null,
                    post.displayPrecision()));
        }
        if (command instanceof ReverseEntry reverse) {
            requireReversible(reverse.originalEntryId(), state);
            return List.of(new EntryReversed(reverse.reversalEntryId(), reverse.date()));
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    /** Throws {@link DuplicateEntry} when {@code state} already holds a posted entry. */
    static void requireNotPosted(EntryId entryId, EntryState state) {
        if (state.lifecycle() != EntryLifecycle.NOT_POSTED) {
            throw new DuplicateEntry(entryId, state.entry().date(), state.entry().description());
        }
    }

    /** Throws {@link EntryNotFound} or {@link EntryAlreadyReversed} unless the entry can be reversed. */
    static void requireReversible(EntryId entryId, EntryState state) {
        switch (state.lifecycle()) {
            case NOT_POSTED -> throw new EntryNotFound(entryId);
            case REVERSED -> throw new EntryAlreadyReversed(entryId, state.reversedBy(), state.reversedOn());
            default -> {
            }
        }
    }

    /**
     * Throws {@link TooFewPostings} for fewer than two postings (one unbalanced virtual posting may stand alone, as
     * in hledger) and {@link EntryDoesNotBalance} when the real postings, or the balanced virtual postings, do not
     * balance by {@link BalancingRule} at {@code displayPrecision}.
     */
    public static void requirePostingsBalance(EntryId entryId, String description, List<Posting> postings,
            Map<String, Integer> displayPrecision) {
        boolean onlyUnbalancedVirtual = !postings.isEmpty();
        for (Posting posting : postings) {
            onlyUnbalancedVirtual &= posting.kind() == PostingKind.VIRTUAL;
        }
        if (postings.size() < MINIMUM_POSTINGS && !onlyUnbalancedVirtual) {
            throw new TooFewPostings(entryId, postings.size());
        }
        Map<PostingKind, Map<String, BigDecimal>> imbalances = BalancingRule.imbalances(postings, displayPrecision);
        if (!imbalances.isEmpty()) {
            PostingKind kind = imbalances.keySet().iterator().next();
            throw new EntryDoesNotBalance(entryId, description, imbalances.get(kind), kind);
        }
    }

    public static EntryState evolve(EntryState state, EntryEvent event) {
        if (event instanceof EntryPosted posted) {
            return new EntryState(EntryLifecycle.POSTED, posted.toJournalEntry(), null, null);
        }
        if (event instanceof EntryReversed reversed) {
            return new EntryState(EntryLifecycle.REVERSED, state.entry(), reversed.reversalEntryId(), reversed.date());
        }
        throw new IllegalStateException("unhandled event " + event);
    }
}
