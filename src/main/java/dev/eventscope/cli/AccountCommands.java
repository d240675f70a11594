package dev.eventscope.cli;

import dev.eventscope.session.LedgerSessions;
import dev.eventscope.domain.ledger.AccountCommand.CloseAccount;
import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountCommand.UnfreezeAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.domain.ledger.LedgerCommand.ReopenPeriod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;

/** The small commands that change one account or the ledger's periods. */
final class AccountCommands {

    static final String REFUSED = "4:The bookkeeping rules refused the command; nothing was written.";

    private AccountCommands() {
    }

    @Command(name = "open-account", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Opens an account, such as assets:bank:checking.", exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line or not a ledger.", REFUSED})
    static class Open extends LedgerCommandBase {
        @Parameters(paramLabel = "ACCOUNT", description = "The account's full name.")
        String account;
        @Option(names = "--on", paramLabel = "YYYY-MM-DD", required = true, description = "The date it opens.")
        LocalDate on;
        @Option(names = "--description", description = "What the account is for.")
        String description;

        Open(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        Object command() {
            return new OpenAccount(AccountName.of(account), on, description);
        }

        @Override
        String done() {
            return "Opened " + account;
        }
    }

    @Command(name = "freeze", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Freezes an account: it takes no postings until it is unfrozen.", exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line or not a ledger.", REFUSED})
    static final class Freeze extends LedgerCommandBase {
        @Parameters(paramLabel = "ACCOUNT")
        String account;
        @Option(names = "--reason", required = true, description = "Why it is frozen (kept in its history).")
        String reason;

        Freeze(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        Object command() {
            return new FreezeAccount(AccountName.of(account), reason);
        }

        @Override
        String done() {
            return "Froze " + account;
        }
    }

    @Command(name = "unfreeze", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Unfreezes an account.", exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line or not a ledger.", REFUSED})
    static final class Unfreeze extends LedgerCommandBase {
        @Parameters(paramLabel = "ACCOUNT")
        String account;

        Unfreeze(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        Object command() {
            return new UnfreezeAccount(AccountName.of(account));
        }

        @Override
        String done() {
            return "Unfroze " + account;
        }
    }

    @Command(name = "close-account", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Closes an account whose balance is zero in every commodity.", exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line or not a ledger.", REFUSED})
    static final class Close extends LedgerCommandBase {
        @Parameters(paramLabel = "ACCOUNT")
        String account;
        @Option(names = "--on", paramLabel = "YYYY-MM-DD", required = true, description = "The date it closes.")
        LocalDate on;

        Close(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        Object command() {
            return new CloseAccount(AccountName.of(account), on);
        }

        @Override
        String done() {
            return "Closed " + account;
        }
    }

    @Command(name = "close-period", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Closes the books through a date: no entry may be dated on or before it.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line or not a ledger.", REFUSED})
    static class ClosePeriodCommand extends LedgerCommandBase {
        @Option(names = "--through", paramLabel = "YYYY-MM-DD", required = true, description = "The last day of the closed period.")
        LocalDate through;

        ClosePeriodCommand(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        Object command() {
            return new ClosePeriod(through);
        }

        @Override
        String done() {
            return "Closed the books through " + through;
        }
    }

    @Command(name = "reopen-period", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Withdraws the last period close, with a reason.", exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line or not a ledger.", REFUSED})
    static final class ReopenPeriodCommand extends LedgerCommandBase {
        @Option(names = "--reason", required = true, description = "Why the period is reopened (kept in the ledger's history).")
        String reason;

        ReopenPeriodCommand(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        Object command() {
            return new ReopenPeriod(reason);
        }

        @Override
        String done() {
            return "Reopened the last closed period";
        }
    }
}
