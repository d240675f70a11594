package dev.eventscope.domain.ledger;

import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryDecision.StreamEvents;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posting and reversing journal entries: one decision across the ledger, the entry stream(s) and
 * every account touched. The caller loads the states (an account missing from the map counts as
 * never opened), calls {@link #post} or {@link #reverse}, and appends the {@link EntryDecision}
 * with the versions it loaded.
 */
public final class PostingPolicy {

    private PostingPolicy() {
    }

    /** The accounts whose states {@link #post} needs. */
    public static List<AccountName> accountsTouched(PostEntry command) {
        return command.accounts();
    }

    /** The accounts whose states {@link #reverse} needs, given the original entry's state. */
    public static List<AccountName> accountsTouched(EntryState original) {
        return original.entry() == null ? List.of() : original.entry().accounts();
    }

    /**
     * Records a new entry: {@code EntryPosted} on its stream and one {@code PostingRecorded} per posting
     * on the account posted to. Refuses with {@link LedgerNotCreated}, {@link DuplicateEntry}, {@link InvalidDescription},
     * {@link TooFewPostings}, {@link EntryDoesNotBalance}, {@link PostingInClosedPeriod},
     * {@link AccountNotOpen}, {@link AccountIsFrozen}, {@link AccountIsClosed} or
     * {@link PostingBeforeAccountOpened}.
     */
    public static EntryDecision post(PostEntry command, LedgerState ledger, EntryState entry,
            Map<AccountName, AccountState> accounts) {
        LedgerDecider.requireCreated(ledger);
        List<EntryEvent> entryEvents = EntryDecider.decide(command, entry);
        requireOpenPeriod(command.entryId(), command.date(), ledger);
        for (Posting posting : command.postings()) {
            requireOpenPeriod(command.entryId(), posting.dateIn(command.date()), ledger);
        }
        EntryPosted posted = (EntryPosted) entryEvents.get(0);
        List<AccountName> touched = JournalEntry.accountsOf(posted.postings());
        requireAccountsAcceptPostings(posted, touched, accounts, command.entryId(), null);
        List<StreamEvents> streams = new ArrayList<>();
        streams.add(new StreamEvents(LedgerStreams.LEDGER, List.of()));
        streams.add(new StreamEvents(LedgerStreams.entry(command.entryId()), List.copyOf(entryEvents)));
        streams.addAll(postingsByAccount(posted, touched));
        return new EntryDecision(streams);
    }

    /**
     * Reverses an entry: a new entry {@code reversalEntryId} with the original's postings negated
     * (prices kept, so it balances) naming the entry it reverses, its {@code PostingRecorded} events,
     * and {@code EntryReversed} on the original. Refuses with {@link LedgerNotCreated},
     * {@link EntryNotFound}, {@link EntryAlreadyReversed}, {@link DuplicateEntry}, {@link InvalidDescription},
     * {@link ReversalBeforeOriginal}, {@link PostingInClosedPeriod} or an account's refusal.
     */
    public static EntryDecision reverse(ReverseEntry command, LedgerState ledger, EntryState original,
            EntryState reversal, Map<AccountName, AccountState> accounts) {
        LedgerDecider.requireCreated(ledger);
        List<EntryEvent> originalEvents = EntryDecider.decide(command, original);
        EntryDecider.requireNotPosted(command.reversalEntryId(), reversal);
        InvalidDescription.requireValid(command.reversalEntryId(), command.description());
        JournalEntry originalEntry = original.entry();
        if (command.date().isBefore(originalEntry.date())) {
            throw new ReversalBeforeOriginal(command.originalEntryId(), originalEntry.date(), command.date());
        }
        requireOpenPeriod(command.reversalEntryId(), command.date(), ledger);
        EntryPosted reversalPosted = new EntryPosted(command.reversalEntryId(), command.date(), null,
                EntryStatus.UNMARKED, null, reversalDescription(command, originalEntry), originalEntry.tags(), null,
                originalEntry.postings().stream().map(Posting::negated).toList(), command.originalEntryId(),
                originalEntry.displayPrecision());
        List<AccountName> touched = JournalEntry.accountsOf(reversalPosted.postings());
        requireAccountsAcceptPostings(reversalPosted, touched, accounts, command.reversalEntryId(),
                command.originalEntryId());
        List<StreamEvents> streams = new ArrayList<>();
        streams.add(new StreamEvents(LedgerStreams.LEDGER, List.of()));
        streams.add(new StreamEvents(LedgerStreams.entry(command.reversalEntryId()), List.of(reversalPosted)));
        streams.add(new StreamEvents(LedgerStreams.entry(command.originalEntryId()), List.copyOf(originalEvents)));
        streams.addAll(postingsByAccount(reversalPosted, touched));
        return new EntryDecision(streams);
    }

    private static String reversalDescription(ReverseEntry command, JournalEntry original) {
        if (command.description() != null && !command.description().isBlank()) {
            return command.description().strip();
        }
        return original.description().isBlank()
                ? "Reversal of entry " + original.entryId()
                : "Reversal of entry " + original.entryId() + " \"" + original.description() + "\"";
    }

    private static void requireOpenPeriod(EntryId entryId, LocalDate date, LedgerState ledger) {
        if (ledger.periodIsClosedOn(date)) {
            throw new PostingInClosedPeriod(entryId, date, ledger.closedThrough());
        }
    }

    /**
     * {@code touched}: the distinct accounts of {@code posted}'s postings; {@code reversed}: the entry {@code posted}
     * reverses (null: none). What was attempted, for a refusal's message, is written only when an account refuses
     * (session 19: an import made the text for every entry).
     */
    private static void requireAccountsAcceptPostings(EntryPosted posted, List<AccountName> touched,
            Map<AccountName, AccountState> accounts, EntryId entryId, EntryId reversed) {
        for (AccountName account : touched) {
            AccountState state = accounts.getOrDefault(account, AccountState.INITIAL);
            if (state.status() != AccountStatus.OPEN) {
                AccountDecider.requireAcceptsPostings(state, account, "take the posting of entry " + entryId
                        + (reversed == null ? "" : ", which reverses entry " + reversed));
            }
        }
        for (Posting posting : posted.postings()) {
            LocalDate date = posting.dateIn(posted.date());
            AccountState state = accounts.getOrDefault(posting.account(), AccountState.INITIAL);
            if (date.isBefore(state.openedOn())) {
                throw new PostingBeforeAccountOpened(posted.entryId(), posting.account(), date, state.openedOn());
            }
        }
    }

    /** One {@code PostingRecorded} per posting, grouped by account in the order the accounts first appear. */
    private static List<StreamEvents> postingsByAccount(EntryPosted posted, List<AccountName> accounts) {
        List<Posting> postings = posted.postings();
        Map<AccountName, List<BookkeepingEvent>> byAccount = new LinkedHashMap<>();
        for (int index = 0; index < postings.size(); index++) {
            Posting posting = postings.get(index);
            // a loop, not a stream: an import runs this for every posting (JFR: docs/cli-speed.md)
            List<String> otherAccounts = new ArrayList<>(accounts.size());
            for (AccountName other : accounts) {
                if (!other.equals(posting.account())) {
                    otherAccounts.add(other.value());
                }
            }
            byAccount.computeIfAbsent(posting.account(), account -> new ArrayList<>())
                    .add(new PostingRecorded(posted.entryId(), index + 1, posting.dateIn(posted.date()), posted.description(),
                            posting.amount(), posting.cost(), otherAccounts, posted.reversesEntryId(), posting.kind()));
        }
        List<StreamEvents> streams = new ArrayList<>();
        byAccount.forEach((account, events) -> streams.add(new StreamEvents(LedgerStreams.account(account), events)));
        return streams;
    }
}
