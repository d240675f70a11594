package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.projection.ReadModelStoreFactory;
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

    /**
     * The command line over ledgers opened by {@code stores}, with read models opened by {@code readModels}
     * (both chosen by {@code bootstrap}).
     */
    public static CommandLine commandLine(LedgerStoreFactory stores, ReadModelStoreFactory readModels) {
        LedgerSessions sessions = new LedgerSessions(stores, readModels);
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
                .addSubcommand(new StateCommand(sessions))
                .addSubcommand(new DiffCommand(sessions))
                .addSubcommand(new ProjectionsCommand(sessions))
                .addSubcommand(new ReportCommand(stores))
                .addSubcommand(new VerifyReportCommand(stores))
                .addSubcommand(new SealCommand(stores))
                .addSubcommand(new KeysCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ReadableErrorHandler());
        // picocli already ends usage errors with 2 (ExitCodes.USAGE_OR_UNREADABLE_LEDGER); the tests hold it to that.
        return commandLine;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(LedgerStoreFactory stores, ReadModelStoreFactory readModels, String... args) {
        return commandLine(stores, readModels).execute(args);
    }
}
