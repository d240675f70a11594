package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the human-readable formats (PDF, HTML) write times, dates, amounts and counts. */
final class ReportText {

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ReportText() {
    }

    static String recorded(Instant instant, ZoneId zone) {
        return instant == null ? "" : RECORDED.format(instant.atZone(zone));
    }

    static String generated(Instant instant, ZoneId zone) {
        return RECORDED.format(instant.atZone(zone)) + " " + zone.getId();
    }

    static String money(BigDecimal amount, String commodity) {
        return new Money(amount, commodity).toString();
    }

    static String signedMoney(BigDecimal amount, String commodity) {
        String text = money(amount, commodity);
        return amount.signum() > 0 ? "+" + text : text;
    }

    static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** "CreateLedger / LedgerCreated", or just the event type when no command is recorded. */
    static String what(ReportRow row) {
        return row.command() == null ? row.eventType() : row.command() + " / " + row.eventType();
    }

    /** The account for account events, the entry for entry events, else the stream. */
    static String subject(ReportRow row) {
        if (row.account() != null) {
            return row.entryId() == null ? row.account() : row.account() + " (entry " + row.entryId() + ")";
        }
        if (row.entryId() != null) {
            return "entry " + row.entryId();
        }
        return row.stream();
    }
}
