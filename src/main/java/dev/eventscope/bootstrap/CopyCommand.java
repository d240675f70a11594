package dev.eventscope.bootstrap;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.cli.ExitCodes;
import dev.eventscope.eventstore.CopiedLedgerCheck;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedLogins;
import dev.eventscope.eventstore.LedgerCopyTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code eventscope copy --from SOURCE --to TARGET}: moves a ledger between any two stores (a file to
 * the team's server, the server to an auditor's offline file, or file to file), every event as
 * recorded. It lives in bootstrap because it needs the stores' own copy ({@link LedgerCopyTarget}),
 * which the store contract does not offer; the command line's other commands never name an adapter.
 */
@Command(name = "copy",
        mixinStandardHelpOptions = true,
        description = {
                "Copies a whole ledger, every event as recorded (positions, event ids, recorded times, metadata and hashes),"
                        + " into a new, empty ledger: all or nothing. A ledger file that does not exist yet is created"
                        + " (and removed again if the copy fails); a PostgreSQL ledger is created first with eventscope init.",
                "The source is read-only and never changed; a source whose hash chain is broken is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The ledger was copied; both verify to the same head hash.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, a ledger that cannot be opened, a target that is not empty,"
                        + " or a source that is not intact; nothing was copied.",
                "3:The copy does not verify afterwards (its data was changed meanwhile)."})
final class CopyCommand implements Callable<Integer> {

    private final LedgerStores stores;
    /** Set once this copy has made its new target file: only then is a failed copy's target removed (session 24). */
    private boolean createdTarget;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "LEDGER", description = "The ledger to copy: a file or a postgresql:// URL.")
    private Path from;

    @Option(names = "--to", required = true, paramLabel = "LEDGER",
            description = "The empty ledger to copy into: a new file, or a postgresql:// URL made with eventscope init.")
    private Path to;

    CopyCommand(LedgerStores stores) {
        this.stores = stores;
    }

    @Override
    public Integer call() {
        if (!LedgerStoreFactory.isServerLedger(from) && !Files.isRegularFile(from)) {
            throw new EventStoreException("There is no ledger file at " + from + ". Nothing was copied.");
        }
        boolean newFile = !LedgerStoreFactory.isServerLedger(to) && !Files.exists(to);
        if (!LedgerStoreFactory.isServerLedger(to)) {
            refuseTargetFile(newFile);
        }
        String sourceName = LedgerStores.name(from);
        try (EventStore source = stores.openReadOnly(from);
             EventStore target = newFile ? createTarget() : stores.open(to)) {
            if (!(target instanceof LedgerCopyTarget copyTarget)) {
                throw new EventStoreException("The ledger " + LedgerStores.name(to) + " cannot take a copy. Nothing was copied.");
            }
            // the copy checks the chain event by event, but not the records beside it (guards, categories, stream rows,
            // head), which the target writes anew: a source edited there would give a clean copy (session 14)
            IntegrityReport sourceReport = source.verify();
            if (!sourceReport.intact()) {
                throw new EventStoreException("The ledger " + sourceName + " is not intact" + (sourceReport.firstBadPosition() > 0
                        ? " at position " + sourceReport.firstBadPosition() : "") + ": " + sourceReport.detail()
                        + "; run eventscope verify on it. Nothing was copied.");
            }
            long copied = copyTarget.copyFrom(source, sourceName);
            IntegrityReport report = target.verify();
            spec.commandLine().getOut().println("Copied " + copied + " events from " + sourceName + " to "
                    + LedgerStores.name(to) + "; " + report.summary() + ".");
            if (copied > 0 && !LedgerStoreFactory.isServerLedger(to)
                    && source.recordedLogins(source.lastPosition()).filter(RecordedLogins::kept).isPresent()) {
                // session 20: the login the server kept beside each event is outside the hash and a file has no logins
                spec.commandLine().getOut().println("The PostgreSQL logins that wrote the events were not copied (a ledger"
                        + " file has no logins); eventscope verify on " + sourceName + " names them.");
            }
            return report.intact() ? ExitCodes.OK : ExitCodes.TAMPERED;
        } catch (RuntimeException e) {
            if (createdTarget) {
                removeNewFile();
            }
            throw e;
        }
    }

    /**
     * The new target ledger. A file another process creates under its name meanwhile is refused, never taken for the
     * copy's own (a refused copy then deleted it: another person's ledger, with its log).
     */
    private EventStore createTarget() {
        EventStore created;
        try {
            created = stores.create(to);
        } catch (EventStoreException refused) {
            throw new EventStoreException(refused.getMessage() + " Nothing was copied.", refused);
        }
        createdTarget = true;
        return created;
    }

    /**
     * Refuses, before the target is opened for writing (which would upgrade an older ledger), a target file that is the
     * source itself (also through a link), that already holds events, or that would be the -wal, -shm or -journal file
     * of a database beside it (SQLite would take the copy for that database's log).
     */
    private void refuseTargetFile(boolean newFile) {
        if (newFile) {
            String name = to.toAbsolutePath().getFileName().toString();
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Path database = to.toAbsolutePath().resolveSibling(name.substring(0, Math.max(0, name.length() - suffix.length())));
                if (name.endsWith(suffix) && Files.isRegularFile(database)) {
                    throw new EventStoreException("Refusing to copy into " + to + ", the " + suffix.substring(1) + " file of "
                            + database + "; choose another file name. Nothing was copied.");
                }
            }
            return;
        }
        try {
            if (!LedgerStoreFactory.isServerLedger(from) && Files.isSameFile(from, to)) {
                throw new EventStoreException("Refusing to copy " + from + " onto itself (" + to + " is the same file)."
                        + " Nothing was copied.");
            }
        } catch (IOException unknown) {
            // the opening below says what is wrong with the file
        }
        try (EventStore existing = stores.openReadOnly(to)) {
            if (existing.lastPosition() > 0) {
                throw CopiedLedgerCheck.targetNotEmpty(LedgerStores.name(to));
            }
        }
    }

    /** A failed copy leaves no empty ledger behind under the name the person gave. */
    private void removeNewFile() {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(to + suffix));
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("The empty ledger " + to + " made for the copy could not be removed: "
                    + e.getMessage());
        }
    }
}
