package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.date;

import dev.eventscope.domain.ledger.AccountCommand.CloseAccount;
import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryDecision.StreamEvents;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory set of books for tests of {@link PostingPolicy}: it decides commands against the
 * current states and folds the resulting events back, the way the application will with a store.
 */
final class Books {

    private LedgerState ledger = LedgerState.INITIAL;
    private final Map<EntryId, EntryState> entries = new HashMap<>();
    private final Map<AccountName, AccountState> accounts = new HashMap<>();

    static Books empty() {
        return new Books();
    }

    /** Created ledger "Acme" in EUR. */
    static Books created() {
        return empty().createLedger("Acme", "EUR");
    }

    Books createLedger(String name, String baseCommodity) {
        return ledgerCommand(new CreateLedger(name, baseCommodity));
    }

    Books closePeriod(String throughDate) {
        return ledgerCommand(new ClosePeriod(date(throughDate)));
    }

    private Books ledgerCommand(LedgerCommand command) {
        ledger = LedgerDecider.decider().fold(ledger, LedgerDecider.decide(command, ledger));
        return this;
    }

    /** Opens every account on 2024-01-01. */
    Books open(String... names) {
        for (String name : names) {
            accountCommand(new OpenAccount(AccountName.of(name), date("2024-01-01"), null));
        }
        return this;
    }

    Books openOn(String name, String openedOn) {
        return accountCommand(new OpenAccount(AccountName.of(name), date(openedOn), null));
    }

    Books freeze(String name, String reason) {
        return accountCommand(new FreezeAccount(AccountName.of(name), reason));
    }

    Books close(String name, String closedOn) {
        return accountCommand(new CloseAccount(AccountName.of(name), date(closedOn)));
    }

    private Books accountCommand(AccountCommand command) {
        AccountState state = account(command.account());
        accounts.put(command.account(), AccountDecider.decider().fold(state, AccountDecider.decide(command, state)));
        return this;
    }

    EntryDecision post(PostEntry command) {
        EntryDecision decision = PostingPolicy.post(command, ledger, entry(command.entryId()), accounts);
        apply(decision);
        return decision;
    }

    EntryDecision reverse(ReverseEntry command) {
        EntryDecision decision = PostingPolicy.reverse(command, ledger, entry(command.originalEntryId()),
                entry(command.reversalEntryId()), accounts);
        apply(decision);
        return decision;
    }

    LedgerState ledger() {
        return ledger;
    }

    EntryState entry(EntryId entryId) {
        return entries.getOrDefault(entryId, EntryState.INITIAL);
    }

    AccountState account(AccountName name) {
        return accounts.getOrDefault(name, AccountState.INITIAL);
    }

    AccountState account(String name) {
        return account(AccountName.of(name));
    }

    private void apply(EntryDecision decision) {
        for (StreamEvents stream : decision.streams()) {
            String name = stream.streamName();
            for (BookkeepingEvent event : stream.events()) {
                if (name.startsWith(LedgerStreams.ENTRY_PREFIX)) {
                    EntryId entryId = EntryId.of(name.substring(LedgerStreams.ENTRY_PREFIX.length()));
                    entries.put(entryId, EntryDecider.evolve(entry(entryId), (EntryEvent) event));
                } else if (name.startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
                    AccountName accountName = AccountName.of(name.substring(LedgerStreams.ACCOUNT_PREFIX.length()));
                    accounts.put(accountName, AccountDecider.evolve(account(accountName), (AccountEvent) event));
                } else {
                    throw new IllegalStateException("a posting decision wrote to " + name);
                }
            }
        }
    }
}
