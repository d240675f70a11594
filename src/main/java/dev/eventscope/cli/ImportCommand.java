package dev.eventscope.cli;

import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.journal.ImportProgress;
import dev.eventscope.journal.ImportSummary;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.JournalWarning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code eventscope import JOURNAL --ledger FILE}: a plain-text journal into a ledger, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = {"Imports an hledger / ledger journal into a ledger (created if it does not exist), all or nothing.",
                "Unsupported lines (periodic and automated transactions, price directives...) are listed as skipped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Imported.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, or the ledger cannot be opened.",
                "4:The journal has an error (named with its line); nothing was imported."})
final class ImportCommand extends LedgerCommandBase {

    @Parameters(paramLabel = "JOURNAL", description = "The journal file.")
    Path journal;

    @Option(names = "--name", description = "The new ledger's name (default: the journal's file name).")
    String name;

    @Option(names = "--commodity", description = "The new ledger's base commodity (default: the journal's first).")
    String commodity;

    @Option(names = "--auto", description = "Apply automated transactions (= QUERY rules) as hledger --auto does;"
            + " without it they are left out with a warning, as hledger leaves them out.")
    boolean auto;

    ImportCommand(LedgerStoreFactory stores) {
        super(stores);
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(journal)) {
            throw new CommandProblem("There is no journal at " + journal + ".", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportSummary summary;
        try (EventStore store = ledger.openForWriting(stores(), true)) {
            summary = new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    new JournalImporter.Options(name, commodity, "E", auto), context(), new ImportProgress() {
                        @Override
                        public void warning(JournalWarning warning) {
                            err.println("skipped " + warning.location().file() + ":" + warning.location().line() + ": "
                                    + warning.message());
                        }
                    });
        }
        err.flush();
        out.println("Imported " + journal.getFileName() + " into " + ledger.file().getFileName() + ": " + summary.describe() + ".");
        out.println("The journal held: " + summary.read().describe() + " (each skipped item is listed with its line).");
        out.flush();
        return ExitCodes.OK;
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
