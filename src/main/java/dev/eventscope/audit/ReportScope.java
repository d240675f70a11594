package dev.eventscope.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a report covers. Every field but {@code basis} may be null, meaning "no restriction"; the
 * restrictions combine (an account AND a user AND a period). An account includes its sub-accounts
 * ({@code assets} covers {@code assets:bank}); an entry includes its postings and any reversal of it;
 * the period is inclusive at both ends, on the clock named by {@code basis}.
 */
public record ReportScope(String account, String entryId, String user, LocalDate from, LocalDate to, TimeBasis basis) {

    public ReportScope {
        Objects.requireNonNull(basis, "basis");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ").");
        }
    }

    /** The whole ledger. */
    public static ReportScope wholeLedger() {
        return new ReportScope(null, null, null, null, null, TimeBasis.ENTRY_DATE);
    }

    public ReportScope withAccount(String value) {
        return new ReportScope(value, entryId, user, from, to, basis);
    }

    public ReportScope withEntry(String value) {
        return new ReportScope(account, value, user, from, to, basis);
    }

    public ReportScope withUser(String value) {
        return new ReportScope(account, entryId, value, from, to, basis);
    }

    public ReportScope withPeriod(LocalDate start, LocalDate end, TimeBasis on) {
        return new ReportScope(account, entryId, user, start, end, on);
    }

    public boolean hasPeriod() {
        return from != null || to != null;
    }

    /** Whether the event is in scope; dates of events without an entry date are taken in {@code zone}. */
    public boolean includes(ReportRow row, ZoneId zone) {
        if (account != null && !touchesAccount(row)) {
            return false;
        }
        if (entryId != null && !entryId.equals(row.entryId()) && !entryId.equals(row.relatedEntryId())) {
            return false;
        }
        if (user != null && !user.equals(row.user())) {
            return false;
        }
        if (hasPeriod()) {
            LocalDate day = basis == TimeBasis.ENTRY_DATE && row.entryDate() != null
                    ? row.entryDate() : row.recordedAt().atZone(zone).toLocalDate();
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
        return true;
    }

    /** Whether an account (of a posting) belongs to the scope's account, the account itself or one below it. */
    public boolean coversAccount(String name) {
        return account == null || name.equals(account) || name.startsWith(account + ":");
    }

    private boolean touchesAccount(ReportRow row) {
        if (row.account() != null && coversAccount(row.account())) {
            return true;
        }
        return row.entryAccounts().stream().anyMatch(this::coversAccount);
    }

    /** "account assets:bank, user alice, entry dates 2024-01-01 to 2024-03-31", or "the whole ledger". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (account != null) {
            parts.add("account " + account + " (with sub-accounts)");
        }
        if (entryId != null) {
            parts.add("journal entry " + entryId + " (with its postings and reversals)");
        }
        if (user != null) {
            parts.add("actions of user " + user);
        }
        if (hasPeriod()) {
            parts.add(basis.label() + "s " + (from == null ? "from the beginning" : "from " + from)
                    + (to == null ? " to the end" : " to " + to));
        }
        return parts.isEmpty() ? "the whole ledger" : String.join("; ", parts);
    }
}
