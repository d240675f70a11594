package dev.eventscope.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.IntegrityReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs a written report with its generator's Ed25519 key: a detached {@code <report>.sig} next to
 * it over the report's exact bytes, and for JSON also an embedded last member {@code "signature"}
 * over the canonical bytes, which are the file without that member: everything before
 * {@code ,"signature":} followed by the closing {@code }}.
 */
public final class ReportSigner {

    static final String EMBEDDED_MARKER = ",\"signature\":";

    private final SigningKeys keys;
    private final ObjectMapper json = EventCodec.newObjectMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public ReportSigner(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The detached signature file of a report: {@code report.pdf.sig} for {@code report.pdf}. */
    public static Path signatureFile(Path report) {
        return report.resolveSibling(report.getFileName() + ".sig");
    }

    /** Signs the report (embedding first for JSON) and writes the {@code .sig}; returns the detached signature. */
    public ReportSignature sign(Path report, ReportFormat format, String signer, IntegrityReport integrity) {
        return sign(report, report.getFileName().toString(), signatureFile(report), format, signer, integrity);
    }

    /**
     * Signs {@code written} (a report still under a temporary name, embedding first for JSON) as the report
     * named {@code reportName}, and writes the detached signature to {@code signatureOut}.
     */
    public ReportSignature sign(Path written, String reportName, Path signatureOut, ReportFormat format, String signer,
                                IntegrityReport integrity) {
        Path report = written;
        KeyPair pair = keys.forUser(signer);
        long position = integrity.lastPosition();
        String headHash = integrity.headHash();
        try {
            if (format == ReportFormat.JSON) {
                long size = Files.size(report);
                String canonicalSha = FileDigest.sha256Hex(report, size, new byte[0]);
                ReportSignature embedded = signed(pair, signer, "(embedded)", canonicalSha, position, headHash);
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("algorithm", embedded.algorithm());
                member.put("signer", embedded.signer());
                member.put("publicKey", embedded.publicKey());
                member.put("publicKeyFingerprint", embedded.publicKeyFingerprint());
                member.put("canonicalSha256", embedded.reportSha256());
                member.put("verifiedThroughPosition", position);
                member.put("headHash", headHash);
                member.put("value", embedded.signature());
                byte[] tail = (EMBEDDED_MARKER + EventCodec.newObjectMapper().writeValueAsString(member) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                try (FileChannel channel = FileChannel.open(report, StandardOpenOption.WRITE)) {
                    // the writer ends the object with '}' and nothing after it: replace that brace by the member and '}'
                    channel.truncate(size - 1);
                    channel.position(size - 1);
                    channel.write(ByteBuffer.wrap(tail));
                }
            }
            ReportSignature detached = signed(pair, signer, reportName, FileDigest.sha256Hex(report), position, headHash);
            json.writeValue(signatureOut.toFile(), detached);
            return detached;
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not sign the report " + report + ": " + failed.getMessage(), failed);
        }
    }

    private static ReportSignature signed(KeyPair pair, String signer, String reportName, String sha256,
                                          long position, String headHash) {
        byte[] encodedKey = pair.getPublic().getEncoded();
        SignatureStatement statement = new SignatureStatement(sha256, position, headHash, signer);
        try {
            Signature ed25519 = Signature.getInstance(ReportSignature.ALGORITHM);
            ed25519.initSign(pair.getPrivate());
            ed25519.update(statement.bytes());
            return new ReportSignature(ReportSignature.ALGORITHM, signer, Base64.getEncoder().encodeToString(encodedKey),
                    FileDigest.sha256Hex(encodedKey), reportName, sha256, position, headHash,
                    Base64.getEncoder().encodeToString(ed25519.sign()));
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("Could not sign with Ed25519: " + failed.getMessage(), failed);
        }
    }
}
