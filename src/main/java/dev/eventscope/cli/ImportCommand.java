package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.ImportSummary;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.JournalWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code eventscope import JOURNAL --ledger FILE}: a plain-text journal into a ledger, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = {"Imports an hledger / ledger journal into a ledger (created if it does not exist), all or nothing.",
                "Unsupported lines (periodic and automated transactions, price directives...) are listed as skipped.",
                "A journal imported before, or one with entries already in the ledger, is refused unless --allow-duplicates.",
                "'eventscope imports' lists the committed imports (to tell whether an interrupted import went in)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Imported.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, or the ledger cannot be opened.",
                "4:The journal has an error (named with its line), or would book entries twice; nothing was imported."})
final class ImportCommand extends LedgerCommandBase {

    private static final Logger LOG = LoggerFactory.getLogger(ImportCommand.class);

    @Parameters(paramLabel = "JOURNAL", description = "The journal file.")
    Path journal;

    @Option(names = "--name", description = "The new ledger's name (default: the journal's file name).")
    String name;

    @Option(names = "--commodity", description = "The new ledger's base commodity (default: the journal's first).")
    String commodity;

    @Option(names = "--allow-duplicates",
            description = "Import even a journal imported before, or entries the ledger already holds (same date, description and postings).")
    boolean allowDuplicates;

    @Option(names = "--auto", description = "Apply automated transactions (= QUERY rules) as hledger --auto does;"
            + " without it they are left out with a warning, as hledger leaves them out.")
    boolean auto;

    ImportCommand(LedgerSessions sessions) {
        super(sessions);
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(journal)) {
            throw new CommandProblem("There is no journal at " + PrintableText.of(journal) + ".", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // a new ledger file is created only as new (session 24): one another process makes there meanwhile is refused,
        // never imported into, nor removed when the import fails
        boolean newLedger = !Files.exists(ledger.file()) && !dev.eventscope.application.LedgerStoreFactory.isServerLedger(ledger.file());
        ImportSummary summary;
        LedgerSession session = newLedger ? sessions().create(ledger.file()) : ledger.openForWriting(sessions(), true);
        try {
            summary = new JournalImporter(session.commands()).importJournal(journal,
                    new JournalImporter.Options(name, commodity, "E", allowDuplicates, auto), context(), new ImportProgress() {
                        @Override
                        public void warning(JournalWarning warning) {
                            // printable as a whole: a warning may quote the journal's line (session 22, adversary2)
                            err.println(PrintableText.of("warning " + warning.location().file() + ":"
                                    + warning.location().line() + ": " + warning.message()));
                        }
                    });
        } catch (RuntimeException | OutOfMemoryError failed) {
            // an OutOfMemoryError too (session 21: one entry of 1,000,000 postings under -Xmx512m left an empty new
            // ledger behind and a stack trace): the import's transaction was never committed, and what it held is
            // garbage by now, so the empty ledger is removed and the failure said in one sentence
            boolean empty = newLedger && session.lastPosition() == 0;
            session.close();
            if (empty) {
                removeEmptyLedger();
            }
            if (failed instanceof OutOfMemoryError) {
                throw new CommandProblem("Eventscope ran out of memory importing " + PrintableText.of(journal) + " (Java may use at most "
                        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB here): nothing was imported"
                        + (empty ? " and no ledger was created" : "; the ledger is unchanged") + ". Split the journal,"
                        + " or give Java more memory (EVENTSCOPE_JAVA_OPTS=-Xmx2g).", ExitCodes.UNEXPECTED_FAILURE);
            }
            throw failed;
        }
        session.close();
        err.flush();
        // printed only once the import is committed and the ledger closed
        out.println("Imported " + PrintableText.of(journal.getFileName()) + " into " + PrintableText.of(ledger.file().getFileName()) + ": " + summary.describe() + ".");
        out.println("The journal held: " + summary.read().describe() + " (each skipped item is listed with its line).");
        out.flush();
        return ExitCodes.OK;
    }

    /** A ledger this run created and nothing was committed to: remove it, so a failed import leaves no file behind. */
    private void removeEmptyLedger() {
        Path file = ledger.file();
        for (Path path : new Path[]{file, Path.of(file + "-wal"), Path.of(file + "-shm"), Path.of(file + "-journal")}) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("could not remove {} after a failed import", PrintableText.of(path), e);
            }
        }
    }

    @Override
    Object command() {
        throw new UnsupportedOperationException("import runs the importer");
    }

    @Override
    String done() {
        return "Imported";
    }
}
