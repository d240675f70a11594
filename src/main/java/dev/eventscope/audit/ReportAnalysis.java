package dev.eventscope.audit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first pass of a report: counts what the scope holds, folds the period's balances and collects
 * flagged corrections (at most {@code flaggedCap}; the total is always counted). Memory grows with
 * accounts, users and the cap, never with events: entries are counted as runs of the same entry id,
 * which works because each entry's events are written together in one atomic append.
 */
final class ReportAnalysis {

    private final ReportScope scope;
    private final int flaggedCap;
    private final PeriodBalances balances;
    private final Set<String> accounts = new TreeSet<>();
    private final Set<String> users = new TreeSet<>();
    private final List<FlaggedCorrection> flagged = new ArrayList<>();
    private long ledgerEvents;
    private long events;
    private long entries;
    private String lastEntryKey;
    private long reversals;
    private long lateCorrections;
    private long flaggedTotal;

    ReportAnalysis(ReportScope scope, ZoneId zone, int flaggedCap) {
        this.scope = scope;
        this.flaggedCap = flaggedCap;
        this.balances = new PeriodBalances(scope, zone);
    }

    void add(ReportRow row, boolean inScope) {
        ledgerEvents++;
        balances.add(row);
        if (!inScope) {
            return;
        }
        events++;
        users.add(row.user());
        if (row.account() != null && scope.coversAccount(row.account())) {
            accounts.add(row.account());
        }
        row.entryAccounts().stream().filter(scope::coversAccount).forEach(accounts::add);
        String entryKey = "EntryReversed".equals(row.eventType()) ? row.relatedEntryId() : row.entryId();
        if (entryKey != null && !Objects.equals(entryKey, lastEntryKey)) {
            entries++;
        }
        lastEntryKey = entryKey;
        if ("EntryPosted".equals(row.eventType()) && row.relatedEntryId() != null) {
            reversals++;
            flag(row, FlaggedCorrection.Kind.REVERSAL, "Entry " + row.entryId() + " reverses entry " + row.relatedEntryId() + ".");
        }
        if ("EntryReversed".equals(row.eventType())) {
            flag(row, FlaggedCorrection.Kind.REVERSED, "Entry " + row.entryId() + " was reversed by entry "
                    + row.relatedEntryId() + " dated " + row.entryDate() + ".");
        }
        if (row.flag() != null && row.flag().contains(EventFold.LATE_CORRECTION)) {
            lateCorrections++;
            String flagText = row.flag();
            flag(row, FlaggedCorrection.Kind.LATE_CORRECTION, "Entry " + row.entryId() + " is "
                    + flagText.substring(flagText.indexOf(EventFold.LATE_CORRECTION) + EventFold.LATE_CORRECTION.length())
                    + "; recorded after that close.");
        }
    }

    private void flag(ReportRow row, FlaggedCorrection.Kind kind, String explanation) {
        flaggedTotal++;
        if (flagged.size() < flaggedCap) {
            flagged.add(new FlaggedCorrection(row.position(), kind, row.entryId(), row.entryDate(), row.recordedAt(),
                    row.user(), explanation));
        }
    }

    ReportSummary summary() {
        return new ReportSummary(ledgerEvents, events, entries, accounts.size(), List.copyOf(users),
                balances.of(accounts), reversals, lateCorrections, flaggedTotal, flagged);
    }
}
