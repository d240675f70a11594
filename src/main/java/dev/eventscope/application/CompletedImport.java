package dev.eventscope.application;

import java.time.Instant;

/**
 * One committed import, as the ledger records it: where its event is, when and by whom it was made,
 * the journal's file name and SHA-256, how many entries it brought and their first and last ids
 * (null when there were none).
 */
public record CompletedImport(long position, Instant recordedAt, String user, String journal, String sha256, long entries,
                              String firstEntryId, String lastEntryId) {
}
