package dev.eventscope.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files (or their first bytes), read in blocks so any size fits in memory. */
final class FileDigest {

    private FileDigest() {
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The SHA-256 of the first {@code length} bytes of the file followed by {@code suffix}. */
    static String sha256Hex(Path file, long length, byte[] suffix) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        long remaining = length;
        try (InputStream in = Files.newInputStream(file)) {
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    break;
                }
                digest.update(buffer, 0, read);
                remaining -= read;
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not read " + file + ": " + failed.getMessage(), failed);
        }
        digest.update(suffix);
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256Hex(Path file) {
        try {
            return sha256Hex(file, Files.size(file), new byte[0]);
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not read " + file + ": " + failed.getMessage(), failed);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java has SHA-256", impossible);
        }
    }
}
