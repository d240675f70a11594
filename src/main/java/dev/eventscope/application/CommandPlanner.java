package dev.eventscope.application;

import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountDecider;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.BookkeepingEvent;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryDecision;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.domain.ledger.LedgerDecider;
import dev.eventscope.domain.ledger.LedgerState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.domain.ledger.PostingPolicy;
import dev.eventscope.domain.ledger.PriceCommand;
import dev.eventscope.domain.ledger.PricesDecider;
import dev.eventscope.domain.ledger.PricesState;
import dev.eventscope.eventstore.StreamId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a command into the appends it needs, deciding with the domain against the states the
 * {@link CurrentStates} give. Pure apart from reading those states; throws the domain's rule violations.
 */
final class CommandPlanner {

    private CommandPlanner() {
    }

    static List<PlannedAppend> plan(Object command, CurrentStates states) {
        if (command instanceof LedgerCommand ledgerCommand) {
            Loaded<LedgerState> ledger = states.ledger();
            List<BookkeepingEvent> events = List.copyOf(LedgerDecider.decide(ledgerCommand, ledger.state()));
            return List.of(new PlannedAppend(StreamId.of(LedgerStreams.LEDGER), Aggregate.LEDGER, ledger.version(),
                    ledger.state(), events));
        } else if (command instanceof AccountCommand accountCommand) {
            Loaded<AccountState> account = states.account(accountCommand.account());
            List<BookkeepingEvent> events = List.copyOf(AccountDecider.decide(accountCommand, account.state()));
            if (accountCommand instanceof OpenAccount) {
                // a new name that looks exactly like another account's ("\u0441\u0430\u0455\u04BB" beside
                // "cash"): the account aggregate sees only its own stream, so the planner asks the ledger's names
                states.lookAlikes().requireNoLookAlike(accountCommand.account());
            }
            return List.of(new PlannedAppend(StreamId.of(LedgerStreams.account(accountCommand.account())), Aggregate.ACCOUNT,
                    account.version(), account.state(), events));
        } else if (command instanceof PriceCommand priceCommand) {
            Loaded<PricesState> prices = states.prices();
            List<BookkeepingEvent> events = List.copyOf(PricesDecider.decide(priceCommand, prices.state(),
                    states.ledger().state()));
            return List.of(new PlannedAppend(StreamId.of(LedgerStreams.PRICES), Aggregate.PRICES, prices.version(),
                    prices.state(), events));
        } else if (command instanceof PostEntry post) {
            Loaded<LedgerState> ledger = states.ledger();
            Loaded<EntryState> entry = states.entry(post.entryId());
            Map<AccountName, Loaded<AccountState>> accounts = load(states, PostingPolicy.accountsTouched(post));
            EntryDecision decision = PostingPolicy.post(post, ledger.state(), entry.state(), states(accounts));
            return toPlans(decision, ledger, Map.of(post.entryId(), entry), accounts);
        } else if (command instanceof ReverseEntry reverse) {
            Loaded<LedgerState> ledger = states.ledger();
            Loaded<EntryState> original = states.entry(reverse.originalEntryId());
            Loaded<EntryState> reversal = states.entry(reverse.reversalEntryId());
            Map<AccountName, Loaded<AccountState>> accounts = load(states, PostingPolicy.accountsTouched(original.state()));
            EntryDecision decision = PostingPolicy.reverse(reverse, ledger.state(), original.state(), reversal.state(),
                    states(accounts));
            return toPlans(decision, ledger, Map.of(reverse.originalEntryId(), original, reverse.reversalEntryId(), reversal),
                    accounts);
        }
        throw new IllegalArgumentException("Eventscope has no handler for the command " + command.getClass().getSimpleName());
    }

    private static Map<AccountName, Loaded<AccountState>> load(CurrentStates states, List<AccountName> names) {
        Map<AccountName, Loaded<AccountState>> accounts = new LinkedHashMap<>();
        for (AccountName name : names) {
            accounts.put(name, states.account(name));
        }
        return accounts;
    }

    private static Map<AccountName, AccountState> states(Map<AccountName, Loaded<AccountState>> accounts) {
        Map<AccountName, AccountState> states = new LinkedHashMap<>();
        accounts.forEach((name, loaded) -> states.put(name, loaded.state()));
        return states;
    }

    private static List<PlannedAppend> toPlans(EntryDecision decision, Loaded<LedgerState> ledger,
                                               Map<EntryId, Loaded<EntryState>> entries,
                                               Map<AccountName, Loaded<AccountState>> accounts) {
        List<PlannedAppend> plans = new ArrayList<>();
        // the accounts by their streams' names: no account name parsed (and checked) again from a stream's name
        Map<String, Loaded<AccountState>> accountStreams = new java.util.HashMap<>();
        accounts.forEach((account, loaded) -> accountStreams.put(LedgerStreams.account(account), loaded));
        for (EntryDecision.StreamEvents part : decision.streams()) {
            String name = part.streamName();
            StreamId stream = StreamId.of(name);
            if (name.equals(LedgerStreams.LEDGER)) {
                plans.add(new PlannedAppend(stream, Aggregate.LEDGER, ledger.version(), ledger.state(), part.events()));
            } else if (name.startsWith(LedgerStreams.ENTRY_PREFIX)) {
                Loaded<EntryState> entry = entries.get(EntryId.of(name.substring(LedgerStreams.ENTRY_PREFIX.length())));
                plans.add(new PlannedAppend(stream, Aggregate.ENTRY, entry.version(), entry.state(), part.events()));
            } else if (name.startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
                Loaded<AccountState> account = accountStreams.get(name);
                plans.add(new PlannedAppend(stream, Aggregate.ACCOUNT, account.version(), account.state(), part.events()));
            } else {
                throw new IllegalStateException("a decision touched the unknown stream " + name);
            }
        }
        return plans;
    }
}
