package dev.eventscope.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One posting as an account's register shows it: the event's position, the amount and the running
 * balance of that account and commodity after it, the entry, its date, and who made it with which
 * command. {@code reversesEntryId} and {@code command} may be null.
 */
public record RegisterLine(long position, String account, String commodity, BigDecimal amount,
                           BigDecimal runningBalance, String entryId, int postingIndex, LocalDate date,
                           String description, String user, String command, long recordedAtMicros,
                           String reversesEntryId) {
}
