package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.IntegrityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope verify --ledger FILE}: walks the hash chain of a ledger opened read-only. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {
                "Checks that no event was altered, removed or inserted since it was recorded.",
                "Walks the hash chain of the whole ledger; the ledger is opened read-only and never changed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The ledger is intact.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the file is missing or not a ledger.",
                "3:The ledger was tampered with; the first bad position is printed."})
public final class VerifyCommand implements Callable<Integer> {

    private final LedgerStoreFactory stores;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    public VerifyCommand(LedgerStoreFactory stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    @Override
    public Integer call() {
        IntegrityReport report;
        try (EventStore store = ledger.openReadOnly(stores)) {
            report = store.verify();
        }
        spec.commandLine().getOut().println(report.summary());
        return report.intact() ? ExitCodes.OK : ExitCodes.TAMPERED;
    }
}
