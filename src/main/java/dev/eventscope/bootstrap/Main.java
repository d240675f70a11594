package dev.eventscope.bootstrap;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.cli.EventscopeCli;

/**
 * Starts Eventscope: wires the SQLite store into the command line and runs it. With no arguments
 * it prints the help for now; later the desktop window will start from here instead.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new SqliteLedgerStoreFactory(), args));
    }

    /** Runs the command line with the given stores and returns the exit code (without exiting). */
    static int run(LedgerStoreFactory stores, String... args) {
        return EventscopeCli.run(stores, args);
    }
}
