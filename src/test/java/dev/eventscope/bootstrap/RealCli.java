package dev.eventscope.bootstrap;

import dev.eventscope.session.TestSessions;
import dev.eventscope.cli.EventscopeCli;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** The command line over real ledger files, run in-process: exit code, standard output and standard error. */
record RealCli(int exitCode, String out, String err) {

    /** A small shop's journal: three entries (E000001–E000003) on four accounts. */
    static final String SHOP_JOURNAL = """
            2025-01-02 * Opening
                assets:bank        1,000.00 EUR
                equity:opening
            2025-01-10 Sale
                assets:bank          250.00 EUR
                income:sales
            2025-02-01 Rent
                expenses:rent        400.00 EUR
                assets:bank
            """;

    static RealCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = EventscopeCli.commandLine(TestSessions.SQLITE);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new RealCli(commandLine.execute(args), out.toString(), err.toString());
    }

    /** Runs with {@code input} as standard input (for {@code post -}); not for tests running in parallel. */
    static RealCli runWithInput(String input, String... args) {
        return runWithInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** Runs with {@code input} as standard input, whatever its bytes; not for tests running in parallel. */
    static RealCli runWithInput(InputStream input, String... args) {
        InputStream original = System.in;
        System.setIn(input);
        try {
            return run(args);
        } finally {
            System.setIn(original);
        }
    }
}
