package dev.eventscope.audit;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedLogins;

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
        List<String> readModelProblems,
        Optional<RecordedLogins> logins) {

    public LedgerVerification {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(remembered, "remembered");
        Objects.requireNonNull(seals, "seals");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(balance, "balance");
        readModelProblems = List.copyOf(readModelProblems);
        Objects.requireNonNull(logins, "logins");
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
        logins.ifPresent(kept -> lines.addAll(loginLines(kept)));
        return lines;
    }

    /**
     * What a server ledger kept about the login that wrote each event (session 20): named, never counted as tampering
     * (a service login may post for a person; a copy carries the login that made it).
     */
    static List<String> loginLines(RecordedLogins logins) {
        if (!logins.kept()) {
            return List.of("Logins: this ledger does not keep the PostgreSQL login that wrote each event (it was made"
                    + " before Eventscope kept them); its owner starts keeping them with eventscope init --grant-roles.");
        }
        String before = logins.withoutLogin() == 0 ? "" : count(logins.withoutLogin(), "event")
                + " written before logins were kept " + (logins.withoutLogin() == 1 ? "has" : "have") + " none";
        if (logins.elsewhere().isEmpty()) {
            return List.of("Logins: every event was recorded under the name of the PostgreSQL login that wrote it"
                    + (before.isEmpty() ? "" : " (" + before + ")") + ".");
        }
        List<String> lines = new ArrayList<>();
        long events = logins.elsewhere().stream().mapToLong(RecordedLogins.Elsewhere::events).sum();
        boolean all = logins.pairs() == logins.elsewhere().size();
        lines.add("Logins: " + (all ? count(events, "event") + (events == 1 ? " was" : " were") : "events were")
                + " recorded under another user than the PostgreSQL login that wrote them (not tampering by itself: a"
                + " service login may post for a person, and a copy carries the login that made it):");
        for (RecordedLogins.Elsewhere pair : logins.elsewhere()) {
            lines.add("  login '" + PrintableText.of(pair.login()) + "' wrote " + count(pair.events(), "event") + " as '"
                    + PrintableText.of(pair.user()) + "' ("
                    + (pair.first() == pair.last() ? "#" + pair.first() : "#" + pair.first() + " to #" + pair.last()) + ")");
        }
        if (!all) {
            lines.add("  and " + (logins.pairs() - logins.elsewhere().size()) + " more pairs of login and user.");
        }
        if (!before.isEmpty()) {
            lines.add("  " + before + ".");
        }
        return lines;
    }

    private static String count(long n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
