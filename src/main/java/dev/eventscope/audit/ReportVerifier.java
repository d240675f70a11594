package dev.eventscope.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.audit.ReportVerification.Outcome;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a signed report: the detached {@code .sig} over the report's exact bytes, and for a JSON
 * report its embedded signature over the canonical bytes (see {@link ReportSigner}); then, given the
 * ledger, that the event at the reported position has the reported head hash. Reads files in blocks.
 */
public final class ReportVerifier {

    private static final int TAIL_BYTES = 8192;

    private final ObjectMapper json = EventCodec.newObjectMapper();
    private final TrustedKeys trustedKeys;

    /** Checks signatures without asking whose key made them. */
    public ReportVerifier() {
        this.trustedKeys = null;
    }

    /** Checks signatures and that the key that made them is one of {@code trustedKeys}. */
    public ReportVerifier(TrustedKeys trustedKeys) {
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trusted keys");
    }

    /** Checks the signatures only. */
    public ReportVerification verify(Path report) {
        return verify(report, null);
    }

    /** Checks the signatures and, when {@code ledger} is not null, the head hash against it. */
    public ReportVerification verify(Path report, EventStore ledger) {
        Objects.requireNonNull(report, "report");
        if (!Files.isRegularFile(report)) {
            return ReportVerification.failed(Outcome.NOT_SIGNED, "There is no report at " + report + ".");
        }
        Path sigFile = ReportSigner.signatureFile(report);
        ReportSignature checked = null;
        if (Files.exists(sigFile)) {
            ReportSignature detached;
            try {
                detached = json.readValue(sigFile.toFile(), ReportSignature.class);
            } catch (IOException unreadable) {
                return ReportVerification.failed(Outcome.SIGNATURE_UNREADABLE, "The signature file " + sigFile
                        + " cannot be read: " + unreadable.getMessage());
            }
            String actual = FileDigest.sha256Hex(report);
            Optional<ReportVerification> problem = check(detached, actual, "The report " + report.getFileName());
            if (problem.isPresent()) {
                return problem.get();
            }
            checked = detached;
        }
        Optional<EmbeddedSignature> embedded = embedded(report);
        if (embedded.isPresent() && embedded.get().problem() != null) {
            return ReportVerification.failed(Outcome.REPORT_CHANGED, "The JSON report " + report.getFileName() + " "
                    + embedded.get().problem() + ".");
        }
        if (embedded.isPresent()) {
            EmbeddedSignature found = embedded.get();
            Optional<ReportVerification> problem = check(found.signature(), found.canonicalSha256(),
                    "The JSON report " + report.getFileName() + " (without its embedded signature)");
            if (problem.isPresent()) {
                return problem.get();
            }
            if (checked == null) {
                checked = found.signature();
            }
        }
        if (checked == null) {
            return ReportVerification.failed(Outcome.NOT_SIGNED, "The report " + report.getFileName()
                    + " is not signed: there is no " + sigFile.getFileName() + " next to it and no embedded signature.");
        }
        String who = "signed by " + checked.signer() + " (key fingerprint " + checked.publicKeyFingerprint() + ")";
        if (trustedKeys != null && !trustedKeys.trusts(checked.publicKeyFingerprint())) {
            return new ReportVerification(Outcome.UNTRUSTED_SIGNER, "The report is signed, but by a key this machine does not"
                    + " trust (fingerprint " + checked.publicKeyFingerprint() + ", naming itself " + checked.signer()
                    + "); once you know the key is theirs, trust it with 'eventscope keys trust FILE'.",
                    checked.signer(), checked.publicKeyFingerprint(), checked.verifiedThroughPosition(), checked.headHash());
        }
        if (ledger != null && checked.verifiedThroughPosition() > 0) {
            Optional<RecordedEvent> atHead = ledger.readAt(checked.verifiedThroughPosition());
            if (atHead.isEmpty()) {
                return new ReportVerification(Outcome.HEAD_NOT_IN_LEDGER, "The ledger has no event at position "
                        + checked.verifiedThroughPosition() + ", where the report says its hash chain was verified through.",
                        checked.signer(), checked.publicKeyFingerprint(), checked.verifiedThroughPosition(), checked.headHash());
            }
            if (!atHead.get().hash().equals(checked.headHash())) {
                return new ReportVerification(Outcome.HEAD_NOT_IN_LEDGER, "The report's head hash " + checked.headHash()
                        + " is not in this ledger's chain: the event at position " + checked.verifiedThroughPosition()
                        + " has hash " + atHead.get().hash() + ".",
                        checked.signer(), checked.publicKeyFingerprint(), checked.verifiedThroughPosition(), checked.headHash());
            }
            return new ReportVerification(Outcome.VALID, "The signature is valid, " + who + ", and the head hash "
                    + checked.headHash() + " is the ledger's hash at position " + checked.verifiedThroughPosition() + ".",
                    checked.signer(), checked.publicKeyFingerprint(), checked.verifiedThroughPosition(), checked.headHash());
        }
        return new ReportVerification(Outcome.VALID, "The signature is valid, " + who + "; the report states a chain verified through position "
                + checked.verifiedThroughPosition() + " with head hash " + checked.headHash()
                + (ledger == null ? " (give --ledger to check it against the ledger)." : "."),
                checked.signer(), checked.publicKeyFingerprint(), checked.verifiedThroughPosition(), checked.headHash());
    }

    private Optional<ReportVerification> check(ReportSignature signature, String actualSha256, String what) {
        if (!ReportSignature.ALGORITHM.equals(signature.algorithm()) || signature.publicKey() == null || signature.signature() == null) {
            return Optional.of(ReportVerification.failed(Outcome.SIGNATURE_UNREADABLE,
                    "The signature of " + lowerFirst(what) + " is not an Eventscope Ed25519 signature."));
        }
        if (!actualSha256.equals(signature.reportSha256())) {
            return Optional.of(ReportVerification.failed(Outcome.REPORT_CHANGED, what
                    + " was changed after it was signed: its SHA-256 is " + actualSha256 + ", the signed one is "
                    + signature.reportSha256() + "."));
        }
        try {
            byte[] encodedKey = Base64.getDecoder().decode(signature.publicKey());
            if (!FileDigest.sha256Hex(encodedKey).equals(signature.publicKeyFingerprint())) {
                return Optional.of(ReportVerification.failed(Outcome.SIGNATURE_INVALID, "The signature of " + lowerFirst(what)
                        + " names key fingerprint " + signature.publicKeyFingerprint() + " but carries a different public key."));
            }
            Signature ed25519 = Signature.getInstance(ReportSignature.ALGORITHM);
            ed25519.initVerify(SigningKeys.publicKey(encodedKey));
            ed25519.update(signature.statement().bytes());
            if (!ed25519.verify(Base64.getDecoder().decode(signature.signature()))) {
                return Optional.of(ReportVerification.failed(Outcome.SIGNATURE_INVALID, "The signature of " + lowerFirst(what)
                        + " does not match its key: the signature, the signer, the stated position or the stated head hash was"
                        + " changed."));
            }
        } catch (GeneralSecurityException | IllegalArgumentException broken) {
            return Optional.of(ReportVerification.failed(Outcome.SIGNATURE_UNREADABLE, "The signature of " + lowerFirst(what)
                    + " cannot be checked: " + broken.getMessage()));
        }
        return Optional.empty();
    }

    /** "the report x.json" inside a sentence ("The signature of The report …" was printed before session 16). */
    private static String lowerFirst(String what) {
        return Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }

    /** The embedded signature of a JSON report and the SHA-256 of the canonical bytes, when the file ends with one. */
    private Optional<EmbeddedSignature> embedded(Path report) {
        try (RandomAccessFile file = new RandomAccessFile(report.toFile(), "r")) {
            long size = file.length();
            int tailLength = (int) Math.min(size, TAIL_BYTES);
            byte[] tail = new byte[tailLength];
            file.seek(size - tailLength);
            file.readFully(tail);
            String tailText = new String(tail, StandardCharsets.ISO_8859_1);
            int marker = tailText.lastIndexOf(ReportSigner.EMBEDDED_MARKER);
            if (marker < 0 || !tailText.startsWith("{\"algorithm\"", marker + ReportSigner.EMBEDDED_MARKER.length())) {
                return Optional.empty();
            }
            String memberText = new String(tail, marker + ReportSigner.EMBEDDED_MARKER.length(),
                    tailLength - marker - ReportSigner.EMBEDDED_MARKER.length(), StandardCharsets.UTF_8);
            // the signed document ends with the member and one '}': anything after it, even a newline, was added later
            JsonNode member;
            try {
                if (!memberText.endsWith("}")) {
                    throw new IOException("no closing brace");
                }
                member = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .readTree(memberText.substring(0, memberText.length() - 1));
                if (member == null || !member.isObject()) {
                    throw new IOException("not an object");
                }
            } catch (IOException trailing) {
                return Optional.of(new EmbeddedSignature(null, null,
                        "has content after its signed document, or its embedded signature was changed"));
            }
            long canonicalLength = size - tailLength + marker;
            String canonicalSha = FileDigest.sha256Hex(report, canonicalLength, "}".getBytes(StandardCharsets.UTF_8));
            ReportSignature signature = new ReportSignature(member.path("algorithm").asText(null), member.path("signer").asText(null),
                    member.path("publicKey").asText(null), member.path("publicKeyFingerprint").asText(null), "(embedded)",
                    member.path("canonicalSha256").asText(null), member.path("verifiedThroughPosition").asLong(),
                    member.path("headHash").isNull() ? null : member.path("headHash").asText(null), member.path("value").asText(null));
            return Optional.of(new EmbeddedSignature(signature, canonicalSha, null));
        } catch (IOException | RuntimeException notEmbedded) {
            return Optional.empty();
        }
    }

    /** An embedded signature found at the end of a JSON report, or (with {@code problem}) one the file does not end with. */
    private record EmbeddedSignature(ReportSignature signature, String canonicalSha256, String problem) {
    }
}
