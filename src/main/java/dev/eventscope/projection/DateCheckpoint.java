package dev.eventscope.projection;

import java.time.LocalDate;

/**
 * Every account's balance in every commodity counting the postings dated on or before {@code date}
 * that were known at {@code position} (register lines with date &lt;= date and position &lt;= position),
 * in the {@link BalanceBlob} form, with the hash of the event at {@code position} and the SHA-256
 * digest of the blob. What it covers is explicit, so a reader adds the postings recorded later but
 * dated on or before {@code date} (back-dated entries, late corrections) instead of trusting it
 * blindly, and a checkpoint whose hash or digest does not match is dropped and rebuilt.
 */
public record DateCheckpoint(LocalDate date, long position, String eventHash, String digest, byte[] data) {
}
