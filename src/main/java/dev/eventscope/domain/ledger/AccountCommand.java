package dev.eventscope.domain.ledger;

import java.time.LocalDate;
import java.util.Objects;

/** Commands to one account's stream; {@link #account()} names the stream. */
public sealed interface AccountCommand {

    /** The account this command is for; its stream is {@link LedgerStreams#account(AccountName)}. */
    AccountName account();

    /**
     * {@code description} may be null; {@code declaredType} is the type a journal's {@code type:} tag declares
     * for the account or a parent, null to infer it from the name ({@link AccountType#of(AccountName)}).
     */
    record OpenAccount(AccountName account, LocalDate openedOn, String description, AccountType declaredType)
            implements AccountCommand {
        public OpenAccount {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(openedOn, "opened on");
        }

        /** An account whose type its name gives. */
        public OpenAccount(AccountName account, LocalDate openedOn, String description) {
            this(account, openedOn, description, null);
        }
    }

    record FreezeAccount(AccountName account, String reason) implements AccountCommand {
        public FreezeAccount {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(reason, "reason");
        }
    }

    record UnfreezeAccount(AccountName account) implements AccountCommand {
        public UnfreezeAccount {
            Objects.requireNonNull(account, "account");
        }
    }

    record CloseAccount(AccountName account, LocalDate closedOn) implements AccountCommand {
        public CloseAccount {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(closedOn, "closed on");
        }
    }
}
