package dev.eventscope.audit;

/**
 * The outcome of checking a signed report: whether it holds, what failed if not, and one sentence
 * saying so; {@code signer} and {@code fingerprint} name the key that signed it (when readable).
 */
public record ReportVerification(Outcome outcome, String message, String signer, String fingerprint,
                                 long verifiedThroughPosition, String headHash) {

    /** What the check found. */
    public enum Outcome {
        VALID,
        NOT_SIGNED,
        SIGNATURE_UNREADABLE,
        REPORT_CHANGED,
        SIGNATURE_INVALID,
        HEAD_NOT_IN_LEDGER,
        /** the signature holds, but the key is neither the user's own nor one this machine was told to trust */
        UNTRUSTED_SIGNER
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    static ReportVerification failed(Outcome outcome, String message) {
        return new ReportVerification(outcome, message, null, null, 0, null);
    }
}
