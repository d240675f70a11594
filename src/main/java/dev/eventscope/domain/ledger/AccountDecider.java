package dev.eventscope.domain.ledger;

import dev.eventscope.domain.Decider;
import dev.eventscope.domain.ledger.AccountCommand.CloseAccount;
import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountCommand.UnfreezeAccount;
import dev.eventscope.domain.ledger.AccountEvent.AccountClosed;
import dev.eventscope.domain.ledger.AccountEvent.AccountFrozen;
import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.domain.ledger.AccountEvent.AccountUnfrozen;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import java.time.LocalDate;
import java.util.List;

/**
 * The account aggregate (stream {@code account-<name>}): opening, freezing, unfreezing and closing.
 * Postings reach an account only through {@link PostingPolicy}, which uses {@link #requireAcceptsPostings}.
 */
public final class AccountDecider {

    private static final Decider<AccountState, AccountCommand, AccountEvent> DECIDER =
            new Decider<>(AccountState.INITIAL, AccountDecider::decide, AccountDecider::evolve);

    private AccountDecider() {
    }

    public static Decider<AccountState, AccountCommand, AccountEvent> decider() {
        return DECIDER;
    }

    /** The events {@code command} produces; throws a {@link LedgerRuleViolation} when refused. */
    public static List<AccountEvent> decide(AccountCommand command, AccountState state) {
        AccountName account = command.account();
        if (state.status() != AccountStatus.NOT_OPENED && !account.equals(state.name())) {
            throw new IllegalStateException("command for account " + account + " applied to account " + state.name());
        }
        if (command instanceof OpenAccount open) {
            switch (state.status()) {
                case OPEN, FROZEN -> throw new AccountAlreadyOpen(account, state.openedOn());
                case CLOSED -> throw new AccountIsClosed(account, state.closedOn(), "be opened again");
                default -> {
                }
            }
            String unseen = account.depthProblem();
            if (unseen == null) {
                unseen = account.unseenCharacterProblem();
            }
            if (unseen == null) {
                unseen = account.mixedScriptProblem();
            }
            if (unseen != null) {
                throw new InvalidAccountName(account.value(), unseen);
            }
            AccountType type = open.declaredType() != null ? open.declaredType() : account.type();
            String description = open.description() == null || open.description().isBlank()
                    ? null : open.description().strip();
            return List.of(new AccountOpened(account, type, open.openedOn(), description));
        }
        if (command instanceof FreezeAccount freeze) {
            requireStatus(state, account, "be frozen");
            if (state.status() == AccountStatus.FROZEN) {
                throw new AccountAlreadyFrozen(account, state.frozenReason());
            }
            if (freeze.reason().isBlank()) {
                throw new RequiredValueMissing("reason for freezing account " + account);
            }
            return List.of(new AccountFrozen(freeze.reason().strip()));
        }
        if (command instanceof UnfreezeAccount) {
            requireStatus(state, account, "be unfrozen");
            if (state.status() != AccountStatus.FROZEN) {
                throw new AccountNotFrozen(account);
            }
            return List.of(new AccountUnfrozen());
        }
        if (command instanceof CloseAccount close) {
            requireAcceptsPostings(state, account, "be closed");
            if (!state.balances().isEmpty()) {
                throw new AccountHasBalance(account, state.balances());
            }
            LocalDate closedOn = close.closedOn();
            if (closedOn.isBefore(state.openedOn())) {
                throw new ClosingDateTooEarly(account, closedOn, state.openedOn(), "it was opened on");
            }
            if (state.lastPostingDate() != null && closedOn.isBefore(state.lastPostingDate())) {
                throw new ClosingDateTooEarly(account, closedOn, state.lastPostingDate(), "it has a posting dated");
            }
            return List.of(new AccountClosed(closedOn));
        }
        throw new IllegalStateException("unhandled command " + command);
    }

    /** Refuses an account that was never opened or is closed; a frozen one passes. */
    private static void requireStatus(AccountState state, AccountName account, String attempted) {
        if (state.status() == AccountStatus.NOT_OPENED) {
            throw new AccountNotOpen(account, attempted);
        }
        if (state.status() == AccountStatus.CLOSED) {
            throw new AccountIsClosed(account, state.closedOn(), attempted);
        }
    }

    /**
     * Throws {@link AccountNotOpen}, {@link AccountIsFrozen} or {@link AccountIsClosed} unless the
     * account is open; {@code attempted} completes "so it cannot ...", e.g. "take the posting of entry 7".
     */
    public static void requireAcceptsPostings(AccountState state, AccountName account, String attempted) {
        requireStatus(state, account, attempted);
        if (state.status() == AccountStatus.FROZEN) {
            throw new AccountIsFrozen(account, state.frozenReason(), attempted);
        }
    }

    public static AccountState evolve(AccountState state, AccountEvent event) {
        if (event instanceof AccountOpened opened) {
            return new AccountState(AccountStatus.OPEN, opened.name(), opened.type(), opened.description(),
                    opened.openedOn(), null, null, state.balances(), state.postingCount(), state.lastPostingDate());
        }
        if (event instanceof AccountFrozen frozen) {
            return new AccountState(AccountStatus.FROZEN, state.name(), state.type(), state.description(),
                    state.openedOn(), frozen.reason(), null, state.balances(), state.postingCount(),
                    state.lastPostingDate());
        }
        if (event instanceof AccountUnfrozen) {
            return new AccountState(AccountStatus.OPEN, state.name(), state.type(), state.description(),
                    state.openedOn(), null, null, state.balances(), state.postingCount(), state.lastPostingDate());
        }
        if (event instanceof AccountClosed closed) {
            return new AccountState(AccountStatus.CLOSED, state.name(), state.type(), state.description(),
                    state.openedOn(), null, closed.closedOn(), state.balances(), state.postingCount(),
                    state.lastPostingDate());
        }
        if (event instanceof PostingRecorded posting) {
            LocalDate last = state.lastPostingDate() == null || posting.date().isAfter(state.lastPostingDate())
                    ? posting.date() : state.lastPostingDate();
            return new AccountState(state.status(), state.name(), state.type(), state.description(),
                    state.openedOn(), state.frozenReason(), state.closedOn(),
                    Balances.plus(state.balances(), posting.amount()), state.postingCount() + 1, last);
        }
        throw new IllegalStateException("unhandled event " + event);
    }
}
