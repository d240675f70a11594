package dev.eventscope.projection.search;

import java.time.Instant;
import java.time.LocalDate;

/** One event found: where it is (position, stream), what it is, who recorded it when, and a snippet of its text. */
public record SearchHit(long position, String streamId, String type, String user, String command, Instant recordedAt,
                        LocalDate entryDate, String entryId, String snippet) {
}
