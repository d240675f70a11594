package dev.eventscope.ui.commands;

import dev.eventscope.application.ConflictPersisted;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.session.LedgerSession;

import dev.eventscope.domain.ledger.Amounts;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a persisting conflict into a {@link ConflictReport}, reading the stream's latest event through the ledger's session. */
public final class ConflictDescriber {

    private static final Pattern AMOUNT = Pattern.compile("\"amount\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MONEY = Pattern.compile(
            "\"amount\"\\s*:\\s*\\{\\s*\"amount\"\\s*:\\s*\"?([-0-9.Ee]+)\"?\\s*,\\s*\"commodity\"\\s*:\\s*\"([^\"]*)\"");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ConflictDescriber() {
    }

    public static ConflictReport describe(LedgerSession session, ConflictPersisted persisted, ZoneId zone) {
        ConcurrencyConflict conflict = persisted.lastConflict();
        long seen = conflict.expected() instanceof ExpectedVersion.Exact exact ? exact.version() : -1;
        String lastEvent = "";
        try {
            List<RecordedEvent> latest = session.readStream(conflict.stream(), Long.MAX_VALUE, Direction.BACKWARD, 1);
            if (!latest.isEmpty()) {
                lastEvent = summary(latest.get(0), zone);
            }
        } catch (RuntimeException unreadable) {
            lastEvent = "";
        }
        return new ConflictReport(conflict.stream().value(), seen, conflict.actualVersion(), lastEvent);
    }

    /** "PostingRecorded 250.00 EUR by bob at 10:42". */
    static String summary(RecordedEvent event, ZoneId zone) {
        StringBuilder text = new StringBuilder(event.type());
        Matcher money = MONEY.matcher(event.data());
        Matcher amount = AMOUNT.matcher(event.data());
        if (money.find()) {
            text.append(' ').append(Amounts.format(new BigDecimal(money.group(1)))).append(' ').append(money.group(2));
        } else if (amount.find()) {
            text.append(' ').append(amount.group(1));
        }
        text.append(" by ").append(event.metadata().user());
        text.append(" at ").append(TIME.format(event.recordedAt().atZone(zone)));
        return text.toString();
    }
}
