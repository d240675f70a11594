package dev.eventscope.journal;

import dev.eventscope.application.CompletedImport;

/**
 * An import refused because it would book entries twice: the very same journal was imported before,
 * or some of its entries are already in the ledger. Nothing was imported.
 */
public final class DuplicateImport extends RuntimeException {

    public DuplicateImport(String message) {
        super(message);
    }

    /** The journal's bytes are those of an import the ledger already holds. */
    static DuplicateImport sameJournal(String journal, CompletedImport earlier) {
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(earlier.recordedAt());
        return new DuplicateImport(journal + " was already imported into this ledger on " + when
                + " by " + earlier.user() + " (" + earlier.entries() + " entries, SHA-256 " + earlier.sha256()
                + "); importing it again would book every entry twice. Nothing was imported; to import it anyway, use"
                + " --allow-duplicates on the command line.");
    }

    /** Some entries match entries already in the ledger. */
    static DuplicateImport someEntries(long count, long total, String firstLocation, String firstDescription) {
        return new DuplicateImport(count + " of the journal's " + total + " entries are already in the ledger (the first"
                + " at " + firstLocation + ", \"" + firstDescription + "\", same date, description and postings)."
                + " Nothing was imported; to import them anyway, use --allow-duplicates on the command line.");
    }
}
