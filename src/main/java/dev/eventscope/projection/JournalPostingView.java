package dev.eventscope.projection;

import java.math.BigDecimal;

/** One posting of a {@link JournalEntryView}. */
public record JournalPostingView(int index, String account, BigDecimal amount, String commodity) {
}
