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

    /** Runs {@code command --ledger=LEDGER rest...}: the ledger option put after the command's name. */
    static CliRun onLedger(LedgerStoreFactory stores, java.nio.file.Path ledger, String command, String... rest) {
        String[] all = new String[rest.length + 2];
        all[0] = command;
        all[1] = "--ledger=" + ledger;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return run(stores, all);
    }

    /** Standard error as lines, for checking that an error is exactly one sentence. */
    java.util.List<String> errLines() {
        return err.lines().toList();
    }
}
