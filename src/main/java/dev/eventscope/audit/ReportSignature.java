package dev.eventscope.audit;

/**
 * A signature of a report, as kept in the detached {@code .sig} file (and, for JSON reports, in the
 * report's last member {@code "signature"}): the signer, the Ed25519 public key (X.509, base64) and
 * its fingerprint (SHA-256 of the encoded key, hex), the SHA-256 of the signed bytes, the chain
 * position and head hash the report states, and the Ed25519 signature (base64) of the
 * {@link SignatureStatement} built from them.
 */
public record ReportSignature(
        String algorithm,
        String signer,
        String publicKey,
        String publicKeyFingerprint,
        String report,
        String reportSha256,
        long verifiedThroughPosition,
        String headHash,
        String signature) {

    public static final String ALGORITHM = "Ed25519";

    SignatureStatement statement() {
        return new SignatureStatement(reportSha256, verifiedThroughPosition, headHash, signer);
    }
}
