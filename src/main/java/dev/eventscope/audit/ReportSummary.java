package dev.eventscope.audit;

import java.util.List;

/**
 * What the scope holds: how many events, entries, accounts and users, the balances at the start and
 * end of the period, and how many entries were flagged ({@code flagged} holds at most the cap).
 */
public record ReportSummary(
        long ledgerEvents,
        long events,
        long entries,
        long accounts,
        List<String> users,
        List<AccountBalance> balances,
        long reversals,
        long lateCorrections,
        long flaggedTotal,
        List<FlaggedCorrection> flagged) {

    public ReportSummary {
        users = List.copyOf(users);
        balances = List.copyOf(balances);
        flagged = List.copyOf(flagged);
    }

    public boolean flaggedTruncated() {
        return flaggedTotal > flagged.size();
    }
}
