package dev.eventscope.bootstrap;

import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine;

/** The production wiring (both store adapters, read models in the file or the user's cache), for tests in other packages. */
public final class TestBootstrap {

    private TestBootstrap() {
    }

    /** Sessions as the desktop app and the command line open them. */
    public static LedgerSessions sessions() {
        return new LedgerSessions(new LedgerStores(), new ReadModelStores(), new dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory());
    }

    /** What one command-line run printed, and its exit code. */
    public record Run(int exitCode, String out, String err) {
    }

    /** Runs the command line as {@code Main} does, capturing what it prints. */
    public static Run run(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine = commandLine();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    /** The command line as {@code Main} runs it. */
    public static CommandLine commandLine() {
        return Main.commandLine(new LedgerStores());
    }
}
