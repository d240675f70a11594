package dev.eventscope.journal;

import dev.eventscope.application.ImportSession;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountStatus;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerRuleViolation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The second pass's work per journal entry, and what it has counted: opens the entry's new accounts, posts it. */
final class EntryPoster {
    private final ImportSession session;
    private final JournalImporter.FirstPass survey;
    private final String entryIdPrefix;
    private final RepeatCheck repeats;
    private final int idWidth;
    // each account's name checked once, not at each of its postings: as many names as firstUse holds
    private final AccountNames accountNames = new AccountNames();
    // the accounts known to be open (opened here, or open in the ledger): once open, an account never reads as not
    // opened again, so each posting's account is one look-up here, not a name check and a state look-up (session 18)
    private final Map<String, AccountName> open = new HashMap<>();
    private long nextEntryNumber;
    long entries;
    long accountsOpened;
    long events;
    EntryId firstEntryId;
    EntryId lastEntryId;
    final InferredPlaces inferredPlaces = new InferredPlaces();

    EntryPoster(ImportSession session, JournalImporter.FirstPass survey, JournalImporter.Options options, RepeatCheck repeats,
                long nextEntryNumber) {
        this.session = session;
        this.survey = survey;
        this.entryIdPrefix = options.entryIdPrefix();
        this.repeats = repeats;
        this.nextEntryNumber = nextEntryNumber;
        this.idWidth = Math.max(6, Long.toString(nextEntryNumber + survey.transactions).length());
    }

    void post(JournalTransaction transaction) {
        SourceLocation where = transaction.location();
        try {
            openAccounts(transaction);
            EntryId entryId = EntryId.of(JournalImporter.entryIdText(entryIdPrefix, idWidth, nextEntryNumber++));
            while (session.isEntryTaken(entryId)) {
                // an id a user chose by hand; automatic ids never collide with it
                entryId = EntryId.of(JournalImporter.entryIdText(entryIdPrefix, idWidth, nextEntryNumber++));
            }
            // a bare amount keeps its own (empty) commodity, never the ledger's base commodity
            PostEntry command = JournalImporter.toCommand(entryId, transaction, survey.displayPrecision, this::nameOf);
            repeats.check(command, where);
            inferredPlaces.note(transaction, survey.displayPrecision, written -> nameOf(written).value());
            events += session.submit(command, true);
            firstEntryId = firstEntryId == null ? entryId : firstEntryId;
            lastEntryId = entryId;
            entries++;
        } catch (LedgerRuleViolation violation) {
            throw accountNames.refusal(violation, where);
        }
    }

    /** Opens, on the first date the journal uses it, each account of the entry that is not open yet. */
    private void openAccounts(JournalTransaction transaction) {
        for (JournalPosting posting : transaction.postings()) {
            if (!open.containsKey(posting.account())) {
                open(posting, transaction);
            }
        }
    }

    /**
     * Once per account: checks its name and opens it unless the ledger has it already. A method of its own, so that the
     * loop above, which runs for every posting, compiles small (session 19: the JIT compiled it with this path and the
     * whole decision and encoding of an opening inlined, 72 kB).
     */
    private void open(JournalPosting posting, JournalTransaction transaction) {
        AccountName account = accountNames.of(posting.account(), transaction.location());
        if (session.accountState(account).status() == AccountStatus.NOT_OPENED) {
            LocalDate openedOn = survey.firstUse.getOrDefault(posting.account(),
                    JournalImporter.postingDate(posting, transaction));
            events += session.submit(new OpenAccount(account, openedOn, survey.descriptions.get(posting.account()),
                    AccountType.of(account, survey.declaredTypes.firstByAccount())), false);
            accountsOpened++;
        }
        open.put(posting.account(), account);
    }

    /** The account name an entry's posting writes: the one {@link #openAccounts} checked and opened. */
    private AccountName nameOf(String written) {
        AccountName account = open.get(written);
        return account != null ? account : accountNames.of(written);
    }
}
