package dev.eventscope.projection;

import java.time.LocalDate;

/** The first and the last entry date of a ledger's postings (a statement's columns run between them when no period is given). */
public record PostingDates(LocalDate first, LocalDate last) {
}
