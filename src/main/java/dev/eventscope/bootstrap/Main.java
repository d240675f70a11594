package dev.eventscope.bootstrap;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.cli.EventscopeCli;
import dev.eventscope.cli.StandardOutput;
import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.session.LedgerSessions;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.List;

/**
 * Starts Eventscope. The installed launcher calls this for everything: with no arguments or a single
 * {@code *.ledger} file it starts the desktop explorer (logging to the XDG state directory); otherwise
 * it runs the command line (see {@link LaunchMode}), which needs no display and logs warnings to
 * standard error.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String training = System.getProperty(ClassDataTraining.PROPERTY);
        if (training != null) {
            ClassDataTraining.run(training, args);
            return;
        }
        if (LaunchMode.of(List.of(args)) == LaunchMode.DESKTOP) {
            DesktopMain.main(args);
            return;
        }
        // a write to standard output that fails (a full disk) is said and ends the command non-zero (StandardOutput)
        System.exit(StandardOutput.run(new FileOutputStream(FileDescriptor.out), System.err, () -> run(new LedgerStores(), args)));
    }

    /** Runs the command line with the given stores and returns the exit code (without exiting). */
    static int run(LedgerStoreFactory stores, String... args) {
        return stores instanceof LedgerStores both ? commandLine(both, args).execute(args)
                : EventscopeCli.run(new LedgerSessions(stores, new ReadModelStores(), new SqliteSearchIndexFactory()), args);
    }

    /** The command line with the commands that need both store adapters ({@code copy}) added. */
    static picocli.CommandLine commandLine(LedgerStores stores, String... args) {
        return EventscopeCli.commandLine(new LedgerSessions(stores, new ReadModelStores(), new SqliteSearchIndexFactory()), List.of(args),
                List.of(EventscopeCli.Subcommand.of(CopyCommand.class, () -> new CopyCommand(stores))));
    }
}
