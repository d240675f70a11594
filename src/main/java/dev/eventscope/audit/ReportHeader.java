package dev.eventscope.audit;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Who and what a report is about: the ledger, the file, the scope, when, by whom and with which
 * Eventscope, and the last seal of the ledger whose signature and sealed head hash hold ({@code lastSeal}).
 */
public record ReportHeader(
        String ledgerName,
        String ledgerId,
        String baseCommodity,
        String file,
        String scope,
        Instant generatedAt,
        ZoneId zone,
        String generatedBy,
        String eventscopeVersion,
        String lastSeal) {

    /** What a report says when the ledger holds no valid seal. */
    public static final String NO_SEAL = "none: no seal vouches for this ledger's history";

    /** A header of a ledger without a valid seal. */
    public ReportHeader(String ledgerName, String ledgerId, String baseCommodity, String file, String scope, Instant generatedAt,
                        ZoneId zone, String generatedBy, String eventscopeVersion) {
        this(ledgerName, ledgerId, baseCommodity, file, scope, generatedAt, zone, generatedBy, eventscopeVersion, NO_SEAL);
    }
}
