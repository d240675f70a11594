package dev.eventscope.codec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Event shapes used by the codec tests only. */
final class CodecTestEvents {

    private CodecTestEvents() {
    }

    enum Side { DEBIT, CREDIT }

    record Amount(BigDecimal value, String commodity) {
    }

    record Line(String account, Side side, Amount amount) {
    }

    record EntryRecorded(String entryId, LocalDate date, String description, List<Line> lines,
                         Map<String, String> tags, String memo) {
    }

    /** Version 3 of a payment: v1 had {@code amount} as a string and {@code currency}; v2 renamed currency to commodity; v3 nests money. */
    record PaymentReceived(String payer, Amount money) {
    }

    record Renamed(String value) {
    }
}
