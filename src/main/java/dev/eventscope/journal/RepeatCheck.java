package dev.eventscope.journal;

import dev.eventscope.application.CompletedImport;
import dev.eventscope.application.EntryFingerprints;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.application.RecordedImports;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;

/**
 * Whether an import would book entries twice: the same journal imported before (same SHA-256), or
 * entries the ledger already holds (same date, description and postings, counted). Started inside
 * the import's transaction, so what it reads cannot change before the commit.
 */
final class RepeatCheck {

    private final EntryFingerprints existing;
    private long repeats;
    private String firstRepeat;
    private String firstRepeatDescription;

    private RepeatCheck(EntryFingerprints existing) {
        this.existing = existing;
    }

    /** A check that lets everything through ({@code --allow-duplicates}). */
    static RepeatCheck none() {
        return new RepeatCheck(null);
    }

    /** Refuses at once a journal imported before; otherwise a check of each entry against the ledger's. */
    static RepeatCheck start(LedgerCommandService service, String journalName, String sha256) {
        for (CompletedImport earlier : RecordedImports.list(service.repository().store())) {
            if (earlier.sha256().equals(sha256)) {
                throw DuplicateImport.sameJournal(journalName, earlier);
            }
        }
        EntryFingerprints existing = EntryFingerprints.of(service.repository().store(), service.repository().codec());
        return new RepeatCheck(existing.isEmpty() ? null : existing);
    }

    /** Notes the entry if the ledger holds one like it (that no earlier entry of this journal matched). */
    void check(PostEntry entry, SourceLocation where) {
        if (existing != null && existing.claim(EntryFingerprints.of(entry.date(), entry.description(), entry.postings()))) {
            if (repeats++ == 0) {
                firstRepeat = where.file() + ":" + where.line();
                firstRepeatDescription = entry.description();
            }
        }
    }

    /** Throws {@link DuplicateImport} if any entry of the journal was already in the ledger. */
    void refuseRepeats(long entries) {
        if (repeats > 0) {
            throw DuplicateImport.someEntries(repeats, entries, firstRepeat, firstRepeatDescription);
        }
    }
}
