package dev.eventscope.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the walk found of the ledger's seals: the last one it could confirm (its position in the
 * chain and the seal), seals that prove the history was rewritten ({@code broken}), and seals it
 * could not confirm for another reason, such as a key this machine does not trust ({@code unconfirmed}).
 */
public record SealFindings(int seen, Optional<ConfirmedSeal> lastConfirmed, List<String> brokenSeals, List<String> unconfirmed) {

    /** A seal the walk confirmed, stored at {@code position}. */
    public record ConfirmedSeal(long position, Seal seal) {
        public String describe() {
            return "the seal at #" + position + " by " + seal.sealedBy() + " on " + seal.sealedAt() + " vouches for #"
                    + seal.sealedPosition() + " with head " + seal.sealedHash() + " (key fingerprint " + seal.fingerprint() + ")";
        }
    }

    public SealFindings {
        brokenSeals = List.copyOf(brokenSeals);
        unconfirmed = List.copyOf(unconfirmed);
    }

    public static SealFindings none() {
        return new SealFindings(0, Optional.empty(), List.of(), List.of());
    }

    public boolean broken() {
        return !brokenSeals.isEmpty();
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        brokenSeals.forEach(problem -> lines.add("TAMPERED: " + problem + "."));
        unconfirmed.forEach(problem -> lines.add("Not confirmed: " + problem + "."));
        if (seen == 0) {
            lines.add("The ledger holds no seals.");
        } else {
            lines.add(lastConfirmed.map(confirmed -> "Last confirmed seal: " + confirmed.describe() + ".")
                    .orElse("No seal could be confirmed (" + seen + " found)."));
        }
        return lines;
    }
}
