package dev.eventscope.cli;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.audit.LedgerVerifier;
import dev.eventscope.audit.RememberedHeads;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.audit.TrustedKeys;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where this machine keeps what it knows about ledgers, outside every ledger: the remembered heads
 * and the signing and trusted keys. The options are hidden; tests point them at temporary folders.
 */
public final class MachineStateOptions {

    @Option(names = "--heads-dir", hidden = true, paramLabel = "DIR",
            description = "Where the heads verified on this machine are remembered (default: the XDG state folder).")
    private Path headsDirectory;

    @Option(names = "--key-dir", hidden = true, paramLabel = "DIR",
            description = "Where the signing and trusted keys are kept (default: the XDG config folder).")
    private Path keysDirectory;

    public RememberedHeads heads() {
        return headsDirectory == null ? RememberedHeads.forCurrentUser() : new RememberedHeads(headsDirectory);
    }

    public SigningKeys keys() {
        return keysDirectory == null ? SigningKeys.forCurrentUser() : new SigningKeys(keysDirectory);
    }

    public TrustedKeys trustedKeys() {
        return new TrustedKeys(keys());
    }

    /** This machine's full verification: its remembered heads and trusted keys. */
    public LedgerVerifier verifier() {
        return new LedgerVerifier(BookkeepingCodec.create(), heads(), trustedKeys(), Clock.systemUTC());
    }
}
