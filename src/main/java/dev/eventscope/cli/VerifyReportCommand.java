package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.audit.ReportVerification;
import dev.eventscope.audit.ReportVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope verify-report PATH [--ledger FILE]}: checks a report's signature and, given the ledger, its head hash. */
@Command(name = "verify-report",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {
                "Checks that a report is unchanged since it was signed, and that its head hash is in the ledger.",
                "Reads PATH.sig (and a JSON report's embedded signature); with --ledger, checks that the event at the"
                        + " reported position has the reported hash."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The signature holds (and the head hash is in the ledger when --ledger is given).",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the file is missing or not a ledger.",
                "5:The report is not signed, or it or its signature was changed.",
                "6:The report's head hash is not in the ledger's chain.",
                "7:The signature holds, but by a key this machine does not trust (see 'eventscope keys')."})
public final class VerifyReportCommand implements Callable<Integer> {

    /** The report is unsigned, or it or its signature was changed. */
    public static final int SIGNATURE_FAILED = 5;
    /** The report's head hash is not the ledger's hash at the reported position. */
    public static final int HEAD_NOT_IN_LEDGER = 6;
    /** The signature holds, but the key is neither the user's own nor one imported with {@code keys trust}. */
    public static final int UNTRUSTED_SIGNER = 7;

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "The report file (its signature is PATH.sig).")
    private Path report;

    @Option(names = {"-l", "--ledger"}, paramLabel = "FILE", description = "The ledger the report is about.")
    private Path ledgerFile;

    @Mixin
    private MachineStateOptions machine;

    public VerifyReportCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(report)) {
            throw new CommandProblem("There is no report at " + PrintableText.of(report) + ".", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        ReportVerification verification;
        if (ledgerFile == null) {
            verification = new ReportVerifier(machine.trustedKeys()).verify(report);
        } else {
            if (!Files.isRegularFile(ledgerFile)) {
                throw new CommandProblem("There is no ledger at " + PrintableText.of(ledgerFile) + ": the file does not exist.",
                        ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            try (LedgerSession session = sessions.openReadOnly(ledgerFile)) {
                verification = session.verifyReport(new ReportVerifier(machine.trustedKeys()), report);
            }
        }
        if (verification.valid()) {
            spec.commandLine().getOut().println(verification.message());
            return ExitCodes.OK;
        }
        spec.commandLine().getErr().println(verification.message());
        return switch (verification.outcome()) {
            case HEAD_NOT_IN_LEDGER -> HEAD_NOT_IN_LEDGER;
            case UNTRUSTED_SIGNER -> UNTRUSTED_SIGNER;
            default -> SIGNATURE_FAILED;
        };
    }
}
