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

    /** {@code -1,234.50 EUR}: thousands grouped for reading; the CSV and JSON keep plain numbers. */
    static String money(BigDecimal amount, String commodity) {
        String plain = new Money(amount, commodity).toString();
        int space = plain.indexOf(' ');
        String number = plain.substring(0, space);
        boolean negative = number.startsWith("-");
        String digits = negative ? number.substring(1) : number;
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder grouped = new StringBuilder();
        for (int index = 0; index < whole.length(); index++) {
            if (index > 0 && (whole.length() - index) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(index));
        }
        return (negative ? "-" : "") + grouped + (point < 0 ? "" : digits.substring(point)) + plain.substring(space);
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
