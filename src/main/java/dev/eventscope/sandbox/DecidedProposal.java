package dev.eventscope.sandbox;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.eventstore.RecordedEvent;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposal as the domain decided it against the sandbox's base and the proposals before it: accepted (with the
 * events it would write and their effect on the balances), refused (with the rule violation's own sentence, the
 * same a real command gets), or applied already (posted to the real ledger, so no longer decided here). A reversal
 * carries the reversed entry as {@link Proposal#reversedEntry} names it (its date and description), when the ledger or
 * an earlier proposal holds it.
 */
public record DecidedProposal(Proposal proposal, Status status, Optional<String> refusal, List<RecordedEvent> events,
                              List<DatedPosting> postings, Optional<String> reversedEntry) {

    public enum Status { ACCEPTED, REFUSED, APPLIED }

    /** One posting a proposal would write: its account, entry date and amount. */
    public record DatedPosting(String account, LocalDate date, dev.eventscope.domain.ledger.Money amount) {
    }

    public DecidedProposal {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(status, "status");
        events = List.copyOf(events);
        postings = List.copyOf(postings);
        Objects.requireNonNull(reversedEntry, "reversed entry");
    }

    /** The proposal's line (see {@link Proposal#summary(String)}): a reversal names the entry it reverses by its date and description. */
    public String summary() {
        return proposal.summary(reversedEntry.orElse(null));
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }

    /** What this proposal adds to the balances, counting postings dated on or before {@code asOf} (null: all). */
    public Balances effect(LocalDate asOf) {
        Balances.Fold fold = Balances.fold();
        for (DatedPosting posting : postings) {
            if (asOf == null || !posting.date().isAfter(asOf)) {
                fold.add(posting.account(), posting.amount());
            }
        }
        return fold.balances();
    }

    /** "accepted", "applied" or "refused: <why>". */
    public String verdict() {
        return switch (status) {
            case ACCEPTED -> "accepted";
            case APPLIED -> "applied by " + proposal.appliedBy() + " at " + proposal.appliedAt();
            case REFUSED -> "refused: " + refusal.orElse("");
        };
    }
}
