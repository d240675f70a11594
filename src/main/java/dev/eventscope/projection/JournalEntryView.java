package dev.eventscope.projection;

import java.time.LocalDate;
import java.util.List;

/**
 * An entry as the journal read model shows it, with its postings and the reversal links in both
 * directions ({@code reversesEntryId}, {@code reversedByEntryId}; either may be null).
 */
public record JournalEntryView(String entryId, long position, LocalDate date, String description,
                               String reversesEntryId, String reversedByEntryId, String user,
                               List<JournalPostingView> postings) {
}
