package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.audit.LedgerVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope verify --ledger FILE}: walks the hash chain of a ledger opened read-only. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {
                "Checks that no event was altered, removed or inserted since it was recorded.",
                "Walks the hash chain of the whole ledger in one consistent read (events posted meanwhile are left for"
                        + " the next verify); checks that the history still passes through the head last verified on this"
                        + " machine, checks every seal against the trusted keys, and sums the postings per commodity.",
                "The ledger is opened read-only and never changed; the verified head is remembered outside it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The ledger is intact and its books balance.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the file is missing or not a ledger.",
                "3:The ledger was tampered with (a broken chain, a lost remembered head, a broken seal, a snapshot"
                        + " that does not equal its replay, or books that do not balance); the finding is printed."})
public final class VerifyCommand implements Callable<Integer> {

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Mixin
    private MachineStateOptions machine;

    public VerifyCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        LedgerVerification verification;
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            verification = session.verify(machine.verifier());
        }
        PrintWriter out = spec.commandLine().getOut();
        // each line printable: a user's or login's name in it is what someone typed (session 22, adversary2)
        verification.lines().forEach(line -> out.println(PrintableText.of(line)));
        out.flush();
        return verification.tampered() ? ExitCodes.TAMPERED : ExitCodes.OK;
    }
}
