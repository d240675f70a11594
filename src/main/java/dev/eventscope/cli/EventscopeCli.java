package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
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

    public static CommandLine commandLine(LedgerStoreFactory stores) {
        CommandLine commandLine = new CommandLine(new EventscopeCommand())
                .addSubcommand(new InitCommand(stores))
                .addSubcommand(new VerifyCommand(stores))
                .addSubcommand(new StreamsCommand(stores))
                .addSubcommand(new HistoryCommand(stores))
                .addSubcommand(new ImportCommand(stores))
                .addSubcommand(new ImportsCommand(stores))
                .addSubcommand(new BalanceCommand(stores))
                .addSubcommand(new AccountsCommand(stores))
                .addSubcommand(new EntryCommands.Post(stores))
                .addSubcommand(new EntryCommands.Reverse(stores))
                .addSubcommand(new AccountCommands.Open(stores))
                .addSubcommand(new AccountCommands.Freeze(stores))
                .addSubcommand(new AccountCommands.Unfreeze(stores))
                .addSubcommand(new AccountCommands.Close(stores))
                .addSubcommand(new AccountCommands.ClosePeriodCommand(stores))
                .addSubcommand(new AccountCommands.ReopenPeriodCommand(stores))
                .addSubcommand(new ExportCommand(stores))
                .addSubcommand(new StateCommand(stores))
                .addSubcommand(new DiffCommand(stores))
                .addSubcommand(new ProjectionsCommand(stores))
                .addSubcommand(new ReportCommand(stores))
                .addSubcommand(new VerifyReportCommand(stores))
                .addSubcommand(new SealCommand(stores))
                .addSubcommand(new KeysCommand())
                .addSubcommand(new TestsCommand(stores))
                .addSubcommand(new SearchCommand(stores))
                .addSubcommand("findings", FindingsCommand.create(stores));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ReadableErrorHandler());
        // picocli already ends usage errors with 2 (ExitCodes.USAGE_OR_UNREADABLE_LEDGER); the tests hold it to that.
        return commandLine;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(LedgerStoreFactory stores, String... args) {
        return commandLine(stores).execute(args);
    }
}
