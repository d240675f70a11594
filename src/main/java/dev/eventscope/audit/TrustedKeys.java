package dev.eventscope.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The public keys this machine trusts: the user's own keys (beside their private keys in the key
 * directory) and the keys imported with {@code eventscope keys trust FILE} (in its {@code trusted}
 * folder). A key is known by its fingerprint, the SHA-256 of its X.509 encoding in hex.
 */
public final class TrustedKeys {

    private static final String OWN_SUFFIX = ".ed25519.pub";

    private final SigningKeys keys;

    public TrustedKeys(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "signing keys");
    }

    public static TrustedKeys forCurrentUser() {
        return new TrustedKeys(SigningKeys.forCurrentUser());
    }

    public SigningKeys signingKeys() {
        return keys;
    }

    /** A trusted key: whose it is (the file it came from) and its fingerprint. */
    public record TrustedKey(String name, String fingerprint, boolean own) {
    }

    /** The fingerprint of a key given in its X.509 encoding. */
    public static String fingerprint(byte[] encodedKey) {
        return FileDigest.sha256Hex(encodedKey);
    }

    public boolean trusts(String fingerprint) {
        return list().stream().anyMatch(key -> key.fingerprint().equals(fingerprint));
    }

    /** Every trusted key, own keys first. */
    public List<TrustedKey> list() {
        List<TrustedKey> trusted = new ArrayList<>();
        collect(keys.directory(), true, trusted);
        collect(trustedDirectory(), false, trusted);
        return trusted;
    }

    /**
     * Trusts the public key in {@code file} (the base64 text that {@code keys export} writes) and
     * returns its fingerprint. A file that is not an Ed25519 public key is refused.
     */
    public String trust(Path file) {
        byte[] encoded = readPublicKey(file);
        String fingerprint = fingerprint(encoded);
        try {
            Files.createDirectories(trustedDirectory());
            String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            Files.writeString(trustedDirectory().resolve(fingerprint.substring(0, 16) + "-" + name
                    + (name.endsWith(".pub") ? "" : ".pub")), Base64.getEncoder().encodeToString(encoded) + "\n",
                    // session 20 (adversary): never through a link planted under the key's name
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not store the trusted key in " + trustedDirectory() + ": " + failed.getMessage(), failed);
        }
        return fingerprint;
    }

    /** The X.509 encoding of the Ed25519 public key written in base64 in {@code file}. */
    static byte[] readPublicKey(Path file) {
        String text;
        try {
            // a named pipe or a device would be read for ever, a huge file whole (session 16); a key is 60 characters
            if (Files.exists(file) && (!Files.isRegularFile(file) || Files.size(file) > 4096)) {
                throw new IllegalArgumentException("The file " + file + " does not hold an Ed25519 public key: it is "
                        + (Files.isRegularFile(file) ? "larger than any key file" : "not a file but a named pipe, a"
                        + " device or a folder") + " (expected the base64 text that 'eventscope keys export' writes).");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IllegalArgumentException refused) {
            throw refused;
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException("Could not read the key file " + file + ": " + unreadable.getMessage() + ".");
        }
        try {
            byte[] encoded = Base64.getDecoder().decode(text);
            SigningKeys.publicKey(encoded);
            return encoded;
        } catch (IllegalArgumentException | GeneralSecurityException notAKey) {
            throw new IllegalArgumentException("The file " + file + " does not hold an Ed25519 public key"
                    + " (expected the base64 text that 'eventscope keys export' writes).");
        }
    }

    private Path trustedDirectory() {
        return keys.directory().resolve("trusted");
    }

    private static void collect(Path directory, boolean own, List<TrustedKey> into) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(own ? OWN_SUFFIX : ".pub")).sorted().toList()) {
                try {
                    String name = file.getFileName().toString();
                    into.add(new TrustedKey(own ? name.substring(0, name.length() - OWN_SUFFIX.length()) : name,
                            fingerprint(readPublicKey(file)), own));
                } catch (IllegalArgumentException unreadable) {
                    // a stray file in the key folder is not a key; it is simply not trusted
                }
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not list the trusted keys in " + directory + ": " + failed.getMessage(), failed);
        }
    }
}
