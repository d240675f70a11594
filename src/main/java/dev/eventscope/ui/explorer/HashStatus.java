package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.IntegrityReport;

/** What the last integrity check says about one event, as shown in the history table. */
public enum HashStatus {
    VERIFIED("✓ verified"),
    TAMPERED("✗ altered"),
    UNVERIFIABLE("unverifiable after the break"),
    UNVERIFIED("? unverified");

    private final String label;

    HashStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label for the first bad event names how it was tampered with (altered, removed, inserted). */
    public String labelFor(IntegrityReport report) {
        if (this == TAMPERED && report != null && report.kind() != null) {
            return "✗ " + report.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        return label;
    }

    /**
     * Events up to the last position the chain vouches for are verified; the first bad position is
     * tampered; everything after a break cannot be vouched for; events newer than the check, or
     * all events before any check, are unverified.
     */
    public static HashStatus of(long position, IntegrityReport report) {
        if (report == null) {
            return UNVERIFIED;
        }
        if (position <= report.lastPosition()) {
            return VERIFIED;
        }
        if (report.intact()) {
            return UNVERIFIED;
        }
        if (position == report.firstBadPosition()) {
            return TAMPERED;
        }
        return position > report.firstBadPosition() ? UNVERIFIABLE : UNVERIFIED;
    }
}
