package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One event as a report shows it: who, when (entry date and recorded time), what (command, event,
 * amounts), and the state of its aggregate before and after. Fields that do not apply are null
 * ({@code amount} for an account freeze, {@code entryDate} for a ledger creation); {@code flag} names
 * why the event is flagged (a reversal, a late correction, the altered position of a tampered chain).
 */
public record ReportRow(
        long position,
        String eventId,
        Instant recordedAt,
        LocalDate entryDate,
        String user,
        String command,
        String eventType,
        String stream,
        String entryId,
        String relatedEntryId,
        String account,
        List<String> entryAccounts,
        Money amount,
        Money cost,
        String description,
        String before,
        String after,
        String flag,
        String hash) {

    public ReportRow {
        entryAccounts = entryAccounts == null ? List.of() : List.copyOf(entryAccounts);
    }

    /** The amount as text, with the cost in brackets when it differs: {@code 10.00 USD (9.20 EUR)}. */
    public String amountText() {
        if (amount == null) {
            return "";
        }
        return cost == null || cost.equals(amount) ? amount.toString() : amount + " (cost " + cost + ")";
    }
}
