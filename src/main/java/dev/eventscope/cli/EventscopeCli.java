package dev.eventscope.cli;

import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
     * The command line over the ledgers {@code sessions} opens (built by {@code bootstrap} with the adapters it
     * chose), with every subcommand.
     */
    public static CommandLine commandLine(LedgerSessions sessions) {
        return commandLine(sessions, List.of(), List.of());
    }

    /**
     * The command line for these arguments. When the first argument names a subcommand, only that one
     * is built (with the extra ones as candidates): picocli introspects every command it is given, and
     * building all of them was most of a short query's start-up (docs/cli-speed.md). Anything else (no
     * command, {@code help}, an unknown name that needs "did you mean") gets them all.
     */
    public static CommandLine commandLine(LedgerSessions sessions, List<String> args, List<Subcommand> extra) {
        List<Subcommand> all = new ArrayList<>(subcommands(sessions));
        all.addAll(extra);
        CommandLine commandLine = new CommandLine(new EventscopeCommand());
        String first = args.isEmpty() ? "" : args.get(0);
        List<Subcommand> wanted = all.stream()
                .filter(subcommand -> subcommand.type() != CommandLine.HelpCommand.class && subcommand.names().contains(first))
                .toList();
        for (Subcommand subcommand : wanted.isEmpty() ? all : wanted) {
            commandLine.addSubcommand(subcommand.create().get());
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // an argument is what was typed: picocli would otherwise replace "@FILE" by FILE's words, so a description, a
        // "--known-at @2025-04-15T17:00:00Z" or a name starting with "@" could read any file (session 16)
        commandLine.setExpandAtFiles(false);
        commandLine.setExecutionStrategy(parseResult -> undecodedArgument(parseResult.originalArgs())
                .or(() -> RecordedNames.problem(parseResult))
                .map(argument -> {
                    commandLine.getErr().println(argument);
                    return ExitCodes.USAGE_OR_UNREADABLE_LEDGER;
                }).orElseGet(() -> new CommandLine.RunLast().execute(parseResult)));
        DateArguments.register(commandLine);
        commandLine.setExecutionExceptionHandler(new ReadableErrorHandler());
        // picocli quotes the arguments it could not match as typed: a line break or an escape sequence in one went raw to
        // the terminal (session 22, adversary2)
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            CommandLine failing = problem.getCommandLine();
            java.io.PrintWriter err = failing.getErr();
            err.println(dev.eventscope.domain.PrintableText.of(problem.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(problem, err)) {
                failing.usage(err, failing.getColorScheme());
            }
            err.flush();
            return failing.getCommandSpec().exitCodeOnInvalidInput();
        });
        // picocli already ends usage errors with 2 (ExitCodes.USAGE_OR_UNREADABLE_LEDGER); the tests hold it to that.
        return commandLine;
    }

    /**
     * The refusal of an argument the JVM could not decode, or empty: bytes that are not text in the system's encoding
     * (a Latin-1 "\u00E9", or any non-ASCII letter when LANG=C) reach Java as U+FFFD, and would have been recorded as
     * that instead of what was typed (session 16).
     */
    static java.util.Optional<String> undecodedArgument(List<String> args) {
        return args.stream().filter(argument -> argument.indexOf('\uFFFD') >= 0).findFirst()
                .map(argument -> "The argument '" + dev.eventscope.domain.PrintableText.shortened(argument) + "' holds bytes that are not text in"
                        + " this system's character encoding (" + System.getProperty("sun.jnu.encoding",
                        java.nio.charset.Charset.defaultCharset().name()) + "), so it cannot be read as written; nothing"
                        + " was done. Run Eventscope in a UTF-8 locale (LANG=C.UTF-8) with UTF-8 arguments, or give"
                        + " entries as a UTF-8 journal on standard input.");
    }

    /** A subcommand, made only when it is run or listed; its names are read from its {@code @Command}. */
    public record Subcommand(Class<?> type, Supplier<Object> create) {

        public static <T> Subcommand of(Class<T> type, Supplier<? extends T> create) {
            return new Subcommand(type, create::get);
        }

        List<String> names() {
            Command command = type.getAnnotation(Command.class);
            List<String> names = new ArrayList<>(List.of(command.aliases()));
            names.add(command.name());
            return names;
        }
    }

    private static List<Subcommand> subcommands(LedgerSessions sessions) {
        return List.of(
                Subcommand.of(InitCommand.class, () -> new InitCommand(sessions)),
                Subcommand.of(VerifyCommand.class, () -> new VerifyCommand(sessions)),
                Subcommand.of(StreamsCommand.class, () -> new StreamsCommand(sessions)),
                Subcommand.of(HistoryCommand.class, () -> new HistoryCommand(sessions)),
                Subcommand.of(ImportCommand.class, () -> new ImportCommand(sessions)),
                Subcommand.of(ImportsCommand.class, () -> new ImportsCommand(sessions)),
                Subcommand.of(BalanceCommand.class, () -> new BalanceCommand(sessions)),
                Subcommand.of(TrialBalanceCommand.class, () -> new TrialBalanceCommand(sessions)),
                Subcommand.of(StatementCommand.class, () -> new StatementCommand(sessions)),
                Subcommand.of(AccountsCommand.class, () -> new AccountsCommand(sessions)),
                Subcommand.of(EntryCommands.Post.class, () -> new EntryCommands.Post(sessions)),
                Subcommand.of(EntryCommands.Reverse.class, () -> new EntryCommands.Reverse(sessions)),
                Subcommand.of(AccountCommands.Open.class, () -> new AccountCommands.Open(sessions)),
                Subcommand.of(AccountCommands.Freeze.class, () -> new AccountCommands.Freeze(sessions)),
                Subcommand.of(AccountCommands.Unfreeze.class, () -> new AccountCommands.Unfreeze(sessions)),
                Subcommand.of(AccountCommands.Close.class, () -> new AccountCommands.Close(sessions)),
                Subcommand.of(AccountCommands.ClosePeriodCommand.class, () -> new AccountCommands.ClosePeriodCommand(sessions)),
                Subcommand.of(AccountCommands.ReopenPeriodCommand.class, () -> new AccountCommands.ReopenPeriodCommand(sessions)),
                Subcommand.of(ExportCommand.class, () -> new ExportCommand(sessions)),
                Subcommand.of(StateCommand.class, () -> new StateCommand(sessions)),
                Subcommand.of(DiffCommand.class, () -> new DiffCommand(sessions)),
                Subcommand.of(RestatementsCommand.class, () -> new RestatementsCommand(sessions)),
                Subcommand.of(ProjectionsCommand.class, () -> new ProjectionsCommand(sessions)),
                Subcommand.of(ReportCommand.class, () -> new ReportCommand(sessions)),
                Subcommand.of(VerifyReportCommand.class, () -> new VerifyReportCommand(sessions)),
                Subcommand.of(SealCommand.class, () -> new SealCommand(sessions)),
                Subcommand.of(KeysCommand.class, KeysCommand::new),
                Subcommand.of(TestsCommand.class, () -> new TestsCommand(sessions)),
                Subcommand.of(SearchCommand.class, () -> new SearchCommand(sessions)),
                new Subcommand(FindingsCommand.class, () -> FindingsCommand.create(sessions)),
                new Subcommand(SandboxCommands.Parent.class, () -> SandboxCommands.commandLine(sessions)),
                new Subcommand(PriceCommands.Parent.class, () -> PriceCommands.commandLine(sessions)),
                Subcommand.of(CommandLine.HelpCommand.class, CommandLine.HelpCommand::new));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(LedgerSessions sessions, String... args) {
        return commandLine(sessions, List.of(args), List.of()).execute(args);
    }
}
