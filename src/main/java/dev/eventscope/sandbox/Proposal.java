package dev.eventscope.sandbox;

import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One proposed command of a sandbox (a post, a reversal, an account to open or a period to close), with why it is
 * proposed, who proposed it and when; {@code appliedAt} and {@code appliedBy} are set once it was posted to the
 * real ledger (null before). Numbered from 1 in the order proposed; the command holds the entry ids it was given.
 */
public record Proposal(int number, Object command, String reason, String proposedBy, Instant proposedAt,
                       Instant appliedAt, String appliedBy) {

    /** The command types a sandbox accepts, by the name its file and the command line give them. */
    public static final List<Class<?>> COMMANDS = List.of(PostEntry.class, ReverseEntry.class, OpenAccount.class, ClosePeriod.class);

    public Proposal {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(proposedBy, "proposed by");
        Objects.requireNonNull(proposedAt, "proposed at");
        if (!COMMANDS.contains(command.getClass())) {
            throw new IllegalArgumentException("a sandbox cannot propose a " + command.getClass().getSimpleName());
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a proposal needs a reason");
        }
    }

    public boolean applied() {
        return appliedAt != null;
    }

    /** This proposal marked as posted to the real ledger by {@code user} at {@code at}. */
    public Proposal appliedBy(String user, Instant at) {
        return new Proposal(number, command, reason, proposedBy, proposedAt, at, user);
    }

    /**
     * A short line naming the command, e.g. "post E000012 2025-03-31 Accrued audit fee"; a reversal names the entry it
     * reverses by its id alone ({@link #summary(String)} adds its date and description).
     */
    public String summary() {
        return summary(null);
    }

    /**
     * {@link #summary()}, where a reversal also names the entry it reverses by {@code reversed} (its date and
     * description, as {@link #reversedEntry} writes them; null when the entry is not known): "reverse BILL-2025-001 of
     * 2025-01-15 "Office rent" on 2026-12-06 as YE-05". A person knows the entry by its date and description; the
     * new entry's id, made up by the ledger's pattern, comes last.
     */
    public String summary(String reversed) {
        if (command instanceof PostEntry post) {
            return "post " + post.entryId() + " " + post.date() + " " + post.description();
        } else if (command instanceof ReverseEntry reverse) {
            return "reverse " + reverse.originalEntryId() + (reversed == null ? "" : " of " + reversed) + " on " + reverse.date()
                    + " as " + reverse.reversalEntryId();
        } else if (command instanceof OpenAccount open) {
            return "open account " + open.account() + " on " + open.openedOn();
        } else if (command instanceof ClosePeriod close) {
            return "close the period through " + close.throughDate();
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    /** An entry as a reversal's summary names it: its date and its description in quotes ("2025-01-15 "Office rent""). */
    public static String reversedEntry(java.time.LocalDate date, String description) {
        return date + (description == null || description.isBlank() ? "" : " \"" + description.strip() + "\"");
    }
}
