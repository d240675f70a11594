package dev.eventscope.audit;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.codec.DecodedEvent;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent.AccountClosed;
import dev.eventscope.domain.ledger.AccountEvent.AccountFrozen;
import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.domain.ledger.AccountEvent.AccountUnfrozen;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.AccountStatus;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryEvent.EntryReversed;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerEvent.JournalImported;
import dev.eventscope.domain.ledger.LedgerEvent.LedgerCreated;
import dev.eventscope.domain.ledger.LedgerEvent.PeriodClosed;
import dev.eventscope.domain.ledger.LedgerEvent.PeriodReopened;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.eventstore.RecordedEvent;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the ledger's events in order and turns each into a {@link ReportRow}: what it says, the
 * state of its aggregate before and after, and why it is flagged. Keeps only the ledger's closing
 * dates, each account's status and the running balances ({@link Balances.Fold}, the one fold of postings),
 * so memory does not grow with events.
 */
final class EventFold {

    static final String LATE_CORRECTION = "Late correction: ";

    private final EventCodec codec;
    private final long alteredPosition;
    private final Balances.Fold balances = Balances.fold();
    private final Map<String, AccountStatus> accountStatus = new HashMap<>();
    private String ledgerName;
    private String ledgerId;
    private String baseCommodity;
    private LocalDate closedThrough;
    private LocalDate latestCloseEver;
    private long latestClosePosition;

    /** {@code alteredPosition} is the first bad position of a broken chain, or 0 when the chain is intact. */
    EventFold(EventCodec codec, long alteredPosition) {
        this.codec = codec;
        this.alteredPosition = alteredPosition;
    }

    String ledgerName() {
        return ledgerName;
    }

    String ledgerId() {
        return ledgerId;
    }

    String baseCommodity() {
        return baseCommodity;
    }

    ReportRow next(RecordedEvent recorded) {
        DecodedEvent decoded = codec.decode(recorded);
        Object event = decoded.value().orElse(null);
        Draft draft = new Draft(recorded);
        if (event instanceof LedgerCreated created) {
            ledgerName = created.name();
            baseCommodity = created.baseCommodity();
            ledgerId = recorded.eventId();
            draft.state("none", "ledger \"" + created.name() + "\" in " + created.baseCommodity());
            draft.description = created.name();
        } else if (event instanceof PeriodClosed closed) {
            draft.entryDate = closed.throughDate();
            draft.state(closingText(), "closed through " + closed.throughDate());
            closedThrough = closed.throughDate();
            if (latestCloseEver == null || closed.throughDate().isAfter(latestCloseEver)) {
                latestCloseEver = closed.throughDate();
                latestClosePosition = recorded.position();
            }
            draft.description = "Books closed through " + closed.throughDate();
        } else if (event instanceof PeriodReopened reopened) {
            draft.state(closingText(), reopened.closedThroughAfter() == null ? "open"
                    : "closed through " + reopened.closedThroughAfter());
            closedThrough = reopened.closedThroughAfter();
            draft.description = "Reopened from " + reopened.reopenedFrom() + ": " + reopened.reason();
        } else if (event instanceof AccountOpened opened) {
            draft.account = accountOf(recorded);
            draft.entryDate = opened.openedOn();
            // an account hledger gives no type is "unclassified account (Other)", the section statements show it in
            draft.description = opened.type().name().toLowerCase(java.util.Locale.ROOT) + " account"
                    + (opened.type() == AccountType.UNCLASSIFIED ? " (" + opened.type().statementSection() + ")" : "")
                    + (opened.description() == null ? "" : ": " + opened.description());
            draft.state(status(draft.account, AccountStatus.NOT_OPENED), text(AccountStatus.OPEN));
            accountStatus.put(draft.account, AccountStatus.OPEN);
        } else if (event instanceof AccountFrozen frozen) {
            draft.account = accountOf(recorded);
            draft.description = frozen.reason();
            draft.state(status(draft.account, AccountStatus.OPEN), text(AccountStatus.FROZEN));
            accountStatus.put(draft.account, AccountStatus.FROZEN);
        } else if (event instanceof AccountUnfrozen) {
            draft.account = accountOf(recorded);
            draft.state(status(draft.account, AccountStatus.FROZEN), text(AccountStatus.OPEN));
            accountStatus.put(draft.account, AccountStatus.OPEN);
        } else if (event instanceof AccountClosed closedAccount) {
            draft.account = accountOf(recorded);
            draft.entryDate = closedAccount.closedOn();
            draft.state(status(draft.account, AccountStatus.OPEN), text(AccountStatus.CLOSED));
            accountStatus.put(draft.account, AccountStatus.CLOSED);
        } else if (event instanceof PostingRecorded posting) {
            draft.account = accountOf(recorded);
            draft.entryId = posting.entryId().value();
            draft.relatedEntryId = text(posting.reversesEntryId());
            draft.entryDate = posting.date();
            draft.amount = posting.amount();
            draft.cost = posting.cost();
            // a virtual posting is marked as such wherever a report shows it
            draft.description = posting.kind() == PostingKind.REAL ? posting.description()
                    : posting.description() + " [" + posting.kind().label() + "]";
            Money before = new Money(balances.balance(draft.account, posting.amount().commodity()), posting.amount().commodity());
            balances.add(draft.account, posting.amount());
            draft.state(before.toString(), before.plus(posting.amount()).toString());
        } else if (event instanceof EntryPosted entry) {
            draft.entryId = entry.entryId().value();
            draft.relatedEntryId = text(entry.reversesEntryId());
            draft.entryDate = entry.date();
            draft.description = entry.description();
            draft.entryAccounts = entry.postings().stream().map(p -> p.account().value()).distinct().toList();
            draft.description = entry.description() + " [" + postingsText(entry.postings()) + "]";
            draft.state("none", entry.reversesEntryId() == null ? "posted"
                    : "posted, reversing entry " + entry.reversesEntryId());
            if (entry.reversesEntryId() != null) {
                draft.flag = "Reversal of entry " + entry.reversesEntryId();
            }
            if (latestCloseEver != null && !entry.date().isAfter(latestCloseEver)) {
                draft.flag = (draft.flag == null ? "" : draft.flag + "; ")
                        + LATE_CORRECTION + "dated " + entry.date() + ", inside the period closed through "
                        + latestCloseEver + " at position " + latestClosePosition;
            }
        } else if (event instanceof EntryReversed reversed) {
            draft.entryId = entryOf(recorded);
            draft.relatedEntryId = reversed.reversalEntryId().value();
            draft.entryDate = reversed.date();
            draft.description = "Reversed by entry " + reversed.reversalEntryId() + " dated " + reversed.date();
            draft.state("posted", "reversed by entry " + reversed.reversalEntryId());
            draft.flag = "Reversed by entry " + reversed.reversalEntryId();
        } else if (event instanceof JournalImported imported) {
            draft.description = "Imported " + imported.journal() + " (" + imported.entries() + " entries, SHA-256 "
                    + imported.sha256() + ")";
            draft.state(closingText(), closingText());
        } else if (Seal.EVENT_TYPE.equals(recorded.type()) && Seal.STREAM.equals(recorded.streamId().value())) {
            draft.description = sealed(recorded);
            draft.state(closingText(), closingText());
        } else {
            draft.description = decoded.problem().orElse("an event Eventscope does not know");
            draft.state("unknown", "unknown");
        }
        if (recorded.position() == alteredPosition) {
            draft.flag = "ALTERED: this event no longer matches the hash chain"
                    + (draft.flag == null ? "" : "; " + draft.flag);
        }
        return draft.toRow();
    }

    /**
     * "Sealed through position 762 (head hash …) by alice, key fingerprint 3f2a…": a seal is not a bookkeeping event and has no
     * class in the codec (it was listed as "No event class is registered for type 'LedgerSealed'"); whether its signature
     * holds is the report's integrity section's to say.
     */
    private String sealed(RecordedEvent recorded) {
        try {
            Seal seal = Seal.fromJson(ledgerId, recorded.data());
            return "Sealed through position " + seal.sealedPosition() + " (head hash " + seal.sealedHash() + ") by "
                    + PrintableText.of(seal.sealedBy()) + ", key fingerprint " + seal.fingerprint();
        } catch (IllegalArgumentException unreadable) {
            return "A seal that cannot be read: " + unreadable.getMessage();
        }
    }

    private String closingText() {
        return closedThrough == null ? "open" : "closed through " + closedThrough;
    }

    /** The account's status as the report shows it; {@code assumed} when the report has not seen the account yet. */
    private String status(String account, AccountStatus assumed) {
        return text(accountStatus.getOrDefault(account, assumed));
    }

    private static String text(AccountStatus status) {
        return status == AccountStatus.NOT_OPENED ? "none" : status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String accountOf(RecordedEvent recorded) {
        String stream = recorded.streamId().value();
        return stream.startsWith(LedgerStreams.ACCOUNT_PREFIX)
                ? stream.substring(LedgerStreams.ACCOUNT_PREFIX.length()) : stream;
    }

    private static String entryOf(RecordedEvent recorded) {
        String stream = recorded.streamId().value();
        return stream.startsWith(LedgerStreams.ENTRY_PREFIX)
                ? stream.substring(LedgerStreams.ENTRY_PREFIX.length()) : stream;
    }

    private static String text(EntryId entryId) {
        return entryId == null ? null : entryId.value();
    }

    private static String postingsText(List<Posting> postings) {
        StringBuilder text = new StringBuilder();
        for (Posting posting : postings) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(posting.kind().wrap(posting.account().value())).append(' ').append(posting.amount());
        }
        return text.toString();
    }

    /** The row being built; its fields start empty and are filled by the branch of the event. */
    private static final class Draft {
        private final RecordedEvent recorded;
        private LocalDate entryDate;
        private String entryId;
        private String relatedEntryId;
        private String account;
        private List<String> entryAccounts = List.of();
        private Money amount;
        private Money cost;
        private String description;
        private String before;
        private String after;
        private String flag;

        Draft(RecordedEvent recorded) {
            this.recorded = recorded;
        }

        void state(String stateBefore, String stateAfter) {
            before = stateBefore;
            after = stateAfter;
        }

        /**
         * The row; its free text (the user, the description, the states: a ledger's name, a reason, an imported journal's
         * file name) in its printable form, so a line break, an escape sequence or a right-to-left override in it shows
         * as {@code \\uXXXX} in every format rather than reading as another name (session 22, adversary2).
         */
        ReportRow toRow() {
            return new ReportRow(recorded.position(), recorded.eventId(), recorded.recordedAt(), entryDate,
                    printable(recorded.metadata().user()), recorded.metadata().commandName(), recorded.type(),
                    recorded.streamId().value(), entryId, relatedEntryId, account, entryAccounts, amount, cost,
                    printable(description), printable(before), printable(after), flag, recorded.hash());
        }

        private static String printable(String text) {
            return text == null ? null : PrintableText.of(text);
        }
    }
}
