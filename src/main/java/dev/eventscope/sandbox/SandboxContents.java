package dev.eventscope.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a sandbox file holds: whose sandbox of which ledger, where it stands, and the proposals in order. */
public record SandboxContents(String ledgerId, String user, SandboxBase base, List<Proposal> proposals) {

    public SandboxContents {
        Objects.requireNonNull(ledgerId, "ledger id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(base, "base");
        proposals = List.copyOf(proposals);
    }

    public SandboxContents withProposal(Proposal proposal) {
        List<Proposal> more = new ArrayList<>(proposals);
        more.add(proposal);
        return new SandboxContents(ledgerId, user, base, more);
    }

    public SandboxContents withBase(SandboxBase newBase) {
        return new SandboxContents(ledgerId, user, newBase, proposals);
    }

    public SandboxContents withProposals(List<Proposal> replaced) {
        return new SandboxContents(ledgerId, user, base, replaced);
    }

    /** The number the next proposal gets. */
    public int nextNumber() {
        return proposals.stream().mapToInt(Proposal::number).max().orElse(0) + 1;
    }
}
