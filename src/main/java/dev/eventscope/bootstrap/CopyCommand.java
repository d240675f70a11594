package dev.eventscope.bootstrap;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.cli.ExitCodes;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.EventStoreException;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.postgres.PostgresEventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code eventscope copy --from SOURCE --to postgresql://...}: moves a ledger to the team's server,
 * every event as recorded. It lives in bootstrap because it needs the PostgreSQL store's own copy,
 * which the store contract does not offer; the command line's other commands never name an adapter.
 */
@Command(name = "copy",
        mixinStandardHelpOptions = true,
        description = {
                "Copies a whole ledger, every event as recorded (positions, event ids, recorded times, metadata and hashes),"
                        + " into a new, empty PostgreSQL ledger (create it first with eventscope init): all or nothing.",
                "The source is read-only and never changed; a source whose hash chain is broken is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The ledger was copied; both verify to the same head hash.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, a ledger that cannot be opened, a target that is not empty or not PostgreSQL,"
                        + " or a source that is not intact; nothing was copied.",
                "3:The copy does not verify afterwards (the server's data was changed meanwhile)."})
final class CopyCommand implements Callable<Integer> {

    private final LedgerStores stores;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "LEDGER", description = "The ledger to copy: a file or a postgresql:// URL.")
    private Path from;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "The empty PostgreSQL ledger to copy into.")
    private Path to;

    CopyCommand(LedgerStores stores) {
        this.stores = stores;
    }

    @Override
    public Integer call() {
        if (!LedgerStoreFactory.isServerLedger(to)) {
            throw new EventStoreException("Copying into a ledger file is not supported yet; copy into a postgresql:// ledger"
                    + " (created with eventscope init). Nothing was copied.");
        }
        if (!LedgerStoreFactory.isServerLedger(from) && !Files.isRegularFile(from)) {
            throw new EventStoreException("There is no ledger file at " + from + ". Nothing was copied.");
        }
        String sourceName = LedgerStores.name(from);
        try (EventStore source = stores.openReadOnly(from);
             PostgresEventStore target = PostgresEventStore.open(LedgerStores.url(to))) {
            long copied = target.copyFrom(source, sourceName);
            IntegrityReport report = target.verify();
            spec.commandLine().getOut().println("Copied " + copied + " events from " + sourceName + " to " + target.url()
                    + "; " + report.summary() + ".");
            return report.intact() ? ExitCodes.OK : ExitCodes.TAMPERED;
        }
    }
}
