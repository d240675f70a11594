package dev.eventscope.cli;

import dev.eventscope.projection.sqlite.SqliteReadModelStoreFactory;
import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.LedgerStoreFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The outcome of running the CLI in-process: exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(LedgerStoreFactory stores, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = EventscopeCli.commandLine(new LedgerSessions(stores, new SqliteReadModelStoreFactory(), new SqliteSearchIndexFactory()),
                java.util.List.of(args), java.util.List.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Standard error as lines, for checking that an error is exactly one sentence. */
    java.util.List<String> errLines() {
        return err.lines().toList();
    }
}
