package dev.eventscope.audit;

import dev.eventscope.eventstore.IntegrityReport;

import java.util.Locale;

/** The integrity result as a report states it: one sentence, loud when the chain is broken. */
public final class IntegrityText {

    private IntegrityText() {
    }

    /** The headline: "Hash chain verified through position N." or "LEDGER ALTERED AT POSITION N". */
    public static String headline(IntegrityReport integrity) {
        if (integrity.intact()) {
            return integrity.lastPosition() == 0 ? "Hash chain verified: the ledger holds no events."
                    : "Hash chain verified through position " + integrity.lastPosition() + ".";
        }
        if (integrity.kind() == IntegrityReport.Tampering.METADATA) {
            return "LEDGER ALTERED: its records beside the hash chain were edited.";
        }
        boolean several = integrity.kind() == IntegrityReport.Tampering.REORDERED;
        return "LEDGER ALTERED AT POSITION " + integrity.firstBadPosition() + ": event" + (several ? "s " : " ")
                + integrity.kind().name().toLowerCase(Locale.ROOT) + (several ? " after they were" : " after it was") + " recorded.";
    }

    /** The details after the headline: the head hash, or what failed and how far the chain holds. */
    public static String detail(IntegrityReport integrity) {
        if (integrity.intact()) {
            return "Head hash " + integrity.headHash() + " (" + integrity.eventsChecked() + " events checked).";
        }
        String detail = integrity.detail() == null || integrity.detail().isEmpty() ? "The event does not match its hash"
                : Character.toUpperCase(integrity.detail().charAt(0)) + integrity.detail().substring(1);
        if (integrity.kind() == IntegrityReport.Tampering.METADATA) {
            return detail + ". The hash chain itself is intact through position " + integrity.lastPosition()
                    + (integrity.headHash() == null ? "" : " (hash " + integrity.headHash() + ")") + ".";
        }
        return detail + ". The chain is intact only through position " + integrity.lastPosition()
                + (integrity.headHash() == null ? "" : " (hash " + integrity.headHash() + ")")
                + "; events from position " + integrity.firstBadPosition() + " on cannot be trusted.";
    }
}
