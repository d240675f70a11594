package dev.eventscope.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A seal: the signed statement "ledger L held head hash H at position P", made by {@code sealedBy}
 * at {@code sealedAt} with the Ed25519 key {@code publicKey} (X.509, base64). It is stored as the
 * data of a {@value #EVENT_TYPE} event in the {@value #STREAM} stream, so it is itself chained.
 */
public record Seal(String ledgerId, long sealedPosition, String sealedHash, Instant sealedAt, String sealedBy,
                   String publicKey, String signature) {

    public static final String STREAM = "seal";
    public static final String EVENT_TYPE = "LedgerSealed";
    private static final String TAG = "eventscope/seal/v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Seal {
        Objects.requireNonNull(ledgerId, "ledger id");
        Objects.requireNonNull(sealedHash, "sealed hash");
        Objects.requireNonNull(sealedAt, "sealed at");
        Objects.requireNonNull(sealedBy, "sealed by");
    }

    /** The exact bytes the signature covers: every field but the key and the signature, one per line. */
    public static byte[] signedBytes(String ledgerId, long sealedPosition, String sealedHash, Instant sealedAt, String sealedBy) {
        return (TAG + "\n" + ledgerId + "\n" + sealedPosition + "\n" + sealedHash + "\n" + sealedAt + "\n" + sealedBy + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(ledgerId, sealedPosition, sealedHash, sealedAt, sealedBy);
    }

    /** The fingerprint of the sealing key, or "(unreadable)". */
    public String fingerprint() {
        try {
            return TrustedKeys.fingerprint(java.util.Base64.getDecoder().decode(publicKey));
        } catch (RuntimeException unreadable) {
            return "(unreadable)";
        }
    }

    /** The event data; the ledger id is not stored, the chain's first event names it. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("sealedPosition", sealedPosition);
        node.put("sealedHash", sealedHash);
        node.put("sealedAt", sealedAt.toString());
        node.put("sealedBy", sealedBy);
        node.put("publicKey", publicKey);
        node.put("signature", signature);
        return node.toString();
    }

    /** Reads a seal event's data, for the ledger of the given id; throws IllegalArgumentException when it is not a seal. */
    public static Seal fromJson(String ledgerId, String data) {
        try {
            JsonNode node = JSON.readTree(data);
            if (node == null || !node.path("sealedPosition").canConvertToLong() || !node.path("sealedHash").isTextual()
                    || !node.path("sealedAt").isTextual() || !node.path("sealedBy").isTextual()) {
                throw new IllegalArgumentException("a field of the seal is missing");
            }
            return new Seal(ledgerId == null ? "" : ledgerId, node.path("sealedPosition").asLong(), node.path("sealedHash").asText(),
                    Instant.parse(node.path("sealedAt").asText()), node.path("sealedBy").asText(),
                    node.path("publicKey").asText(null), node.path("signature").asText(null));
        } catch (IOException | java.time.DateTimeException unreadable) {
            throw new IllegalArgumentException("the seal cannot be read: " + unreadable.getMessage(), unreadable);
        }
    }
}
