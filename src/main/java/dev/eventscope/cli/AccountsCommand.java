package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.Aggregate;
import dev.eventscope.application.AggregateRepository;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code eventscope accounts --ledger FILE}: every account with its type, status and balances. */
@Command(name = "accounts", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = "Lists the accounts with their type, status, opening date, postings and balances.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Listed.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, or not a ledger."})
final class AccountsCommand implements Callable<Integer> {

    private final LedgerSessions sessions;

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOption ledger;

    AccountsCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        TextTable table = new TextTable("ACCOUNT", "TYPE", "STATUS", "OPENED", "POSTINGS", "BALANCE").alignRight(4);
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            AggregateRepository repository = session.commands().repository();
            for (StreamInfo stream : session.streams(StreamFilter.category("account"))) {
                AccountState account = repository.load(Aggregate.ACCOUNT, stream.streamId()).state();
                String balance = account.balances().entrySet().stream()
                        .map(entry -> entry.getValue().toPlainString()
                                + (entry.getKey().isEmpty() ? "" : " " + entry.getKey()))
                        .collect(Collectors.joining(", "));
                table.addRow(account.name() == null ? stream.streamId().value() : account.name().value(),
                        account.type() == null ? "" : account.type().name().toLowerCase(java.util.Locale.ROOT),
                        account.status().name().toLowerCase(java.util.Locale.ROOT)
                                + (account.frozenReason() != null ? " (" + account.frozenReason() + ")" : ""),
                        account.openedOn() == null ? "" : account.openedOn().toString(),
                        Long.toString(account.postingCount()), balance.isEmpty() ? "0" : balance);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        table.print(out);
        out.flush();
        return ExitCodes.OK;
    }
}
