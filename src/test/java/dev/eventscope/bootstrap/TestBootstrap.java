package dev.eventscope.bootstrap;

import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine;

/** The production wiring (both store adapters, read models in the file or the user's cache), for tests in other packages. */
public final class TestBootstrap {

    private TestBootstrap() {
    }

    /** Sessions as the desktop app and the command line open them. */
    public static LedgerSessions sessions() {
        return new LedgerSessions(new LedgerStores(), new ReadModelStores());
    }

    /** The command line as {@code Main} runs it. */
    public static CommandLine commandLine() {
        return Main.commandLine(new LedgerStores());
    }
}
