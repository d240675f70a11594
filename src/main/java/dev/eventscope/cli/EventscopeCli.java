package dev.eventscope.cli;

import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine;

/**
 * Builds the {@code eventscope} command line with its subcommands. To add a subcommand, write a
 * {@code @Command(name = ..., mixinStandardHelpOptions = true, description = ..., exitCodeList = ...)}
 * class implementing {@code Callable<Integer>} that takes what it needs in its constructor, and add
 * it below with {@code addSubcommand}.
 */
public final class EventscopeCli {

    private EventscopeCli() {
    }

    /** The command line over the ledgers {@code sessions} opens (built by {@code bootstrap} with the adapters it chose). */
    public static CommandLine commandLine(LedgerSessions sessions) {
        CommandLine commandLine = new CommandLine(new EventscopeCommand())
                .addSubcommand(new InitCommand(sessions))
                .addSubcommand(new VerifyCommand(sessions))
                .addSubcommand(new StreamsCommand(sessions))
                .addSubcommand(new HistoryCommand(sessions))
                .addSubcommand(new ImportCommand(sessions))
                .addSubcommand(new ImportsCommand(sessions))
                .addSubcommand(new BalanceCommand(sessions))
                .addSubcommand(new AccountsCommand(sessions))
                .addSubcommand(new EntryCommands.Post(sessions))
                .addSubcommand(new EntryCommands.Reverse(sessions))
                .addSubcommand(new AccountCommands.Open(sessions))
                .addSubcommand(new AccountCommands.Freeze(sessions))
                .addSubcommand(new AccountCommands.Unfreeze(sessions))
                .addSubcommand(new AccountCommands.Close(sessions))
                .addSubcommand(new AccountCommands.ClosePeriodCommand(sessions))
                .addSubcommand(new AccountCommands.ReopenPeriodCommand(sessions))
                .addSubcommand(new ExportCommand(sessions))
                .addSubcommand(new StateCommand(sessions))
                .addSubcommand(new DiffCommand(sessions))
                .addSubcommand(new ProjectionsCommand(sessions))
                .addSubcommand(new ReportCommand(sessions))
                .addSubcommand(new VerifyReportCommand(sessions))
                .addSubcommand(new SealCommand(sessions))
                .addSubcommand(new KeysCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ReadableErrorHandler());
        // picocli already ends usage errors with 2 (ExitCodes.USAGE_OR_UNREADABLE_LEDGER); the tests hold it to that.
        return commandLine;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(LedgerSessions sessions, String... args) {
        return commandLine(sessions).execute(args);
    }
}
