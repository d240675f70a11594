package dev.eventscope.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The heads this machine verified, one small file per ledger id, kept outside every ledger (by
 * default in {@code $XDG_STATE_HOME/eventscope/heads}, else {@code ~/.local/state/eventscope/heads}),
 * so someone who can rewrite a ledger file cannot also make this machine forget what it saw.
 * Files are replaced atomically; a file that cannot be read is reported, never silently ignored.
 */
public final class RememberedHeads {

    private final Path directory;

    public RememberedHeads(Path directory) {
        this.directory = Objects.requireNonNull(directory, "heads directory");
    }

    /** The default directory for the given environment and home directory. */
    public static Path defaultDirectory(Map<String, String> environment, String userHome) {
        String stateHome = environment.get("XDG_STATE_HOME");
        Path base = stateHome != null && !stateHome.isBlank() && Path.of(stateHome).isAbsolute()
                ? Path.of(stateHome) : Path.of(userHome, ".local", "state");
        return base.resolve("eventscope").resolve("heads");
    }

    public static RememberedHeads forCurrentUser() {
        return new RememberedHeads(defaultDirectory(System.getenv(), System.getProperty("user.home")));
    }

    public Path directory() {
        return directory;
    }

    /** The head last remembered for the ledger id, if any. */
    public Optional<RememberedHead> recall(String ledgerId) {
        Path file = fileOf(ledgerId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new RememberedHead(properties.getProperty("ledgerId"), Path.of(properties.getProperty("ledgerFile")),
                    Long.parseLong(properties.getProperty("position")), properties.getProperty("headHash"),
                    Instant.parse(properties.getProperty("verifiedAt"))));
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not read the remembered head " + file + ": " + failed.getMessage(), failed);
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("The remembered head " + file + " is damaged (" + describe(unreadable)
                    + "); move it away to verify the ledger afresh.", unreadable);
        }
    }

    /** Remembers the head, replacing what was remembered for its ledger id. */
    public void remember(RememberedHead head) {
        Properties properties = new Properties();
        properties.setProperty("ledgerId", head.ledgerId());
        properties.setProperty("ledgerFile", head.ledgerFile().toAbsolutePath().toString());
        properties.setProperty("position", Long.toString(head.position()));
        properties.setProperty("headHash", head.headHash());
        properties.setProperty("verifiedAt", head.verifiedAt().toString());
        Path file = fileOf(head.ledgerId());
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, ".head-", ".partial");
            try {
                try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    properties.store(writer, "Eventscope: the last head of this ledger verified on this machine");
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not remember the verified head in " + directory + ": " + failed.getMessage(), failed);
        }
    }

    private Path fileOf(String ledgerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ledgerId.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".head");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static String describe(RuntimeException unreadable) {
        if (unreadable instanceof NullPointerException) {
            return "a field is missing";
        }
        if (unreadable instanceof DateTimeParseException || unreadable instanceof NumberFormatException) {
            return "a field is not readable";
        }
        return unreadable.getMessage();
    }
}
