package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.CommandContext;
import dev.eventscope.audit.LedgerSealer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope seal --ledger FILE}: verifies the ledger and appends a seal of its head, signed with the user's key. */
@Command(name = "seal",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {
                "Verifies the ledger, then appends a seal: the position and head hash it verified, the time, and an"
                        + " Ed25519 signature with your key.",
                "A later verify checks the chain still holds that head; anyone who rewrites the history before the seal"
                        + " is found out unless they hold your private key. Others trust your seals after"
                        + " 'eventscope keys export' and 'eventscope keys trust'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The ledger was verified and sealed.",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, or the file is missing or not a ledger.",
                "3:The ledger did not pass verification; nothing was appended.",
                "4:The ledger holds no events yet; there is nothing to seal."})
public final class SealCommand implements Callable<Integer> {

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Mixin
    private MachineStateOptions machine;

    @Option(names = "--user", paramLabel = "NAME",
            description = "The user who seals, whose key signs (default: the operating-system user).")
    private String user;

    public SealCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        String sealer = user == null ? CommandContext.osUser().user() : user;
        LedgerSealer.Outcome outcome;
        try (LedgerSession session = ledger.openForWriting(sessions, false)) {
            outcome = session.seal(new LedgerSealer(machine.verifier(), machine.keys(), Clock.systemUTC()), sealer);
        }
        if (!outcome.sealed()) {
            PrintWriter err = spec.commandLine().getErr();
            outcome.verification().lines().forEach(line -> err.println(PrintableText.of(line)));
            err.println("Not sealed: " + (outcome.verification().ledgerId() == null ? "the ledger holds no events yet."
                    : "the ledger did not pass verification, and a seal must never vouch for a tampered history."));
            err.flush();
            return outcome.verification().ledgerId() == null ? ExitCodes.REFUSED : ExitCodes.TAMPERED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Sealed ledger " + outcome.verification().ledgerId() + " through #" + outcome.seal().sealedPosition()
                + " (head " + outcome.seal().sealedHash() + ") as " + PrintableText.of(sealer) + " with key " + outcome.seal().fingerprint()
                + "; the seal is event #" + outcome.position() + ".");
        out.flush();
        return ExitCodes.OK;
    }
}
