package dev.eventscope.ui.sandbox;

import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.sandbox.DecidedProposal;
import dev.eventscope.ui.sandbox.SandboxViewModel.ProposalRow;
import dev.eventscope.ui.state.MoneyText;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The sandbox window's sentences and lines built from its proposals (kept out of {@link SandboxViewModel}). */
final class SandboxText {

    private SandboxText() {
    }

    /** Every line of the proposed entry: what it writes when accepted, else what it asked for; nothing for other commands. */
    static String linesOf(DecidedProposal decided) {
        if (!decided.postings().isEmpty()) {
            return decided.postings().stream().map(posting -> posting.account() + "  "
                    + MoneyText.of(posting.amount().amount(), posting.amount().commodity())).collect(Collectors.joining("\n"));
        }
        if (decided.proposal().command() instanceof PostEntry post) {
            return post.postings().stream().map(posting -> posting.account() + "  " + (posting.amount() == null ? ""
                    : MoneyText.of(posting.amount().amount(), posting.amount().commodity()))).collect(Collectors.joining("\n"));
        }
        return "";
    }

    /** "debits 1,000.00 EUR = credits 1,000.00 EUR", per commodity. */
    static String totals(dev.eventscope.domain.ledger.Balances balances) {
        if (balances.isEmpty()) {
            return "nothing posted";
        }
        return balances.debitTotals().entrySet().stream().map(entry -> "debits " + MoneyText.of(entry.getValue(), entry.getKey())
                + " = credits " + MoneyText.of(balances.creditTotals().get(entry.getKey()), entry.getKey()))
                .collect(Collectors.joining(", "));
    }

    /**
     * "Not proposed: {@code why}", with every entry the sentence names that a listed proposal writes (a reversal's new
     * entry) named with its proposal, as it is not in the books.
     */
    static String notProposed(String why, List<ProposalRow> proposals) {
        StringBuilder said = new StringBuilder("Not proposed: ").append(why.strip());
        for (ProposalRow row : proposals) {
            String written = ProposalList.writtenEntry(row);
            if (written != null && Pattern.compile("(?<![\\w-])" + Pattern.quote(written) + "(?![\\w-])").matcher(why).find()) {
                said.append(" (").append(written).append(" is the entry of proposal #").append(row.number()).append(".)");
            }
        }
        return said.toString();
    }

    /** What an action said while the ledger was followed ({@code now}, when it is not {@code before}), with a space; else "". */
    static String saidMeanwhile(String before, String now) {
        return now == null || now.isEmpty() || now.equals(before) ? "" : now + " ";
    }

    /** Why Apply was refused, saying that nothing of it reached the ledger (unless the sentence says what happened). */
    static String notApplied(String why) {
        String lower = why == null ? "" : why.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("nothing was applied") || lower.contains("were applied") || lower.contains("no accepted proposals")
                ? why : why + " Nothing was applied; the ledger is unchanged.";
    }
}
