package dev.eventscope.audit;

import java.nio.charset.StandardCharsets;

/**
 * What an Eventscope report signature signs: a short text naming the SHA-256 of the report's exact
 * bytes (so that any change to a byte breaks it, and reports of any size can be signed without
 * holding them in memory), the chain position and head hash the report states, and the signer.
 * <pre>
 * eventscope-report-signature v1
 * report-sha256: 3f2a...
 * verified-through: 1234
 * head-hash: 9c1e...
 * signer: alice
 * </pre>
 */
record SignatureStatement(String reportSha256, long verifiedThrough, String headHash, String signer) {

    byte[] bytes() {
        return ("eventscope-report-signature v1\n"
                + "report-sha256: " + reportSha256 + "\n"
                + "verified-through: " + verifiedThrough + "\n"
                + "head-hash: " + (headHash == null ? "" : headHash) + "\n"
                + "signer: " + signer + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
