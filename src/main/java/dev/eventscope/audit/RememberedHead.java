package dev.eventscope.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What this machine last verified of one ledger: the chain was intact through {@code position}
 * with head hash {@code headHash} when it was verified at {@code verifiedAt}, at {@code ledgerFile}.
 */
public record RememberedHead(String ledgerId, Path ledgerFile, long position, String headHash, Instant verifiedAt) {

    public RememberedHead {
        Objects.requireNonNull(ledgerId, "ledger id");
        Objects.requireNonNull(ledgerFile, "ledger file");
        Objects.requireNonNull(headHash, "head hash");
        Objects.requireNonNull(verifiedAt, "verified at");
    }

    /** "this ledger was verified here through #752 with head H on DATE". */
    public String describe() {
        return "this ledger was verified here through #" + position + " with head " + headHash + " on " + verifiedAt;
    }
}
