package dev.eventscope.audit;

import java.time.Instant;
import java.time.ZoneId;

/** Who and what a report is about: the ledger, the file, the scope, when, by whom and with which Eventscope. */
public record ReportHeader(
        String ledgerName,
        String ledgerId,
        String baseCommodity,
        String file,
        String scope,
        Instant generatedAt,
        ZoneId zone,
        String generatedBy,
        String eventscopeVersion) {
}
