package dev.eventscope.audit;

import dev.eventscope.eventstore.IntegrityReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one verification found, from one consistent read of the ledger: the hash chain, whether
 * it still passes through the head this machine remembered, the seals, and whether the books balance.
 * {@code historyProblem} is null when the remembered head (if any) is still in the history;
 * {@code rememberProblem} says why the verified head could not be remembered, when it could not.
 */
public record LedgerVerification(
        IntegrityReport chain,
        String ledgerId,
        Optional<RememberedHead> remembered,
        String historyProblem,
        boolean headRemembered,
        String rememberProblem,
        SealFindings seals,
        SnapshotFindings snapshots,
        LedgerBalance balance,
        List<String> readModelProblems) {

    public LedgerVerification {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(remembered, "remembered");
        Objects.requireNonNull(seals, "seals");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(balance, "balance");
        readModelProblems = List.copyOf(readModelProblems);
    }

    /**
     * True when someone changed the ledger: a broken chain, a lost remembered head, a broken seal, a
     * snapshot in use that does not equal its replay, books that do not balance, or read models whose register lines are
     * not the ledger's postings (session 19).
     */
    public boolean tampered() {
        return !chain.intact() || historyProblem != null || seals.broken() || snapshots.misleads()
                || !balance.imbalances().isEmpty() || !readModelProblems.isEmpty();
    }

    /** The lines a person reads, the most important first. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(chain.summary());
        if (historyProblem != null) {
            lines.add("TAMPERED: " + historyProblem + ".");
        } else if (remembered.isPresent()) {
            lines.add("The history still passes through the head verified here through #" + remembered.get().position()
                    + " on " + remembered.get().verifiedAt() + ".");
        } else if (ledgerId != null) {
            lines.add("No earlier verification of ledger " + ledgerId + " is remembered on this machine"
                    + (headRemembered ? "; its head is remembered from now on." : "."));
        }
        if (rememberProblem != null) {
            lines.add("Warning: " + rememberProblem + "; the next verification cannot check this head.");
        }
        lines.addAll(seals.lines());
        lines.addAll(snapshots.lines());
        lines.add(balance.summary());
        readModelProblems.forEach(problem -> lines.add("TAMPERED: " + problem + "."));
        return lines;
    }
}
