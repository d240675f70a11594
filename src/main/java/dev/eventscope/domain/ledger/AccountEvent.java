package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Events of an {@code account-<name>} stream. */
public sealed interface AccountEvent extends BookkeepingEvent {

    /** The account exists from {@code openedOn}; {@code description} may be null. */
    record AccountOpened(AccountName name, AccountType type, LocalDate openedOn, String description)
            implements AccountEvent {
        public AccountOpened {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(openedOn, "opened on");
        }
    }

    /** The account refuses postings until it is unfrozen. */
    record AccountFrozen(String reason) implements AccountEvent {
        public AccountFrozen {
            Objects.requireNonNull(reason, "reason");
        }
    }

    record AccountUnfrozen() implements AccountEvent {
    }

    /** The account refuses postings for good; its balance was zero in every commodity. */
    record AccountClosed(LocalDate closedOn) implements AccountEvent {
        public AccountClosed {
            Objects.requireNonNull(closedOn, "closed on");
        }
    }

    /**
     * One posting of journal entry {@code entryId} to this account: {@code amount} changes the
     * balance, {@code cost} is what it contributed to the entry's balance (equal to the amount when
     * unpriced). {@code postingIndex} is the posting's 1-based place in the entry, {@code otherAccounts}
     * the other accounts of the entry, {@code reversesEntryId} the entry this one reverses, or null. {@code kind}
     * says whether the posting is real or virtual; null, as in events recorded before virtual postings existed,
     * means real.
     */
    record PostingRecorded(
            EntryId entryId,
            int postingIndex,
            LocalDate date,
            String description,
            Money amount,
            Money cost,
            List<String> otherAccounts,
            EntryId reversesEntryId,
            PostingKind kind) implements AccountEvent {
        public PostingRecorded {
            Objects.requireNonNull(entryId, "entry id");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(cost, "cost");
            otherAccounts = List.copyOf(otherAccounts);
            kind = kind == null ? PostingKind.REAL : kind;
        }

        /** A real posting. */
        public PostingRecorded(EntryId entryId, int postingIndex, LocalDate date, String description, Money amount,
                Money cost, List<String> otherAccounts, EntryId reversesEntryId) {
            this(entryId, postingIndex, date, description, amount, cost, otherAccounts, reversesEntryId, PostingKind.REAL);
        }
    }
}
