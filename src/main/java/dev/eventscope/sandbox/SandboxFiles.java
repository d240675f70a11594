package dev.eventscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.audit.LockedFiles;
import dev.eventscope.audit.RememberedHeads;
import dev.eventscope.codec.EventCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandboxes this machine keeps, one JSON file per ledger id and user, outside every ledger (by default in
 * {@code $XDG_STATE_HOME/eventscope/sandboxes}, else {@code ~/.local/state/eventscope/sandboxes}), so a ledger
 * opened read-only can be sandboxed too. Files are replaced atomically; a file that cannot be read is reported
 * in one sentence ({@link SandboxProblem}), never ignored or overwritten.
 */
public final class SandboxFiles {

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = EventCodec.newObjectMapper();

    private final Path directory;

    public SandboxFiles(Path directory) {
        this.directory = directory;
    }

    /** The default directory for the given environment and home directory (as the remembered heads choose theirs). */
    public static Path defaultDirectory(Map<String, String> environment, String userHome) {
        return RememberedHeads.defaultDirectory(environment, userHome).resolveSibling("sandboxes");
    }

    public static SandboxFiles forCurrentUser() {
        return new SandboxFiles(defaultDirectory(System.getenv(), System.getProperty("user.home")));
    }

    /** The file of the ledger id's sandbox for {@code user}. */
    public Path fileOf(String ledgerId, String user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((ledgerId + "\u0000" + user).getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".sandbox.json");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The user's sandbox of the ledger id, if there is one. */
    public Optional<SandboxContents> read(String ledgerId, String user) {
        Path file = fileOf(ledgerId, user);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(file)) {
                // a named pipe would be read for ever (session 16)
                throw new IllegalArgumentException("it is not a file but a named pipe, a device or a folder");
            }
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root != null && root.path("format").asInt() > FORMAT) {
                throw new IllegalArgumentException("it was written by a newer Eventscope, in sandbox format "
                        + root.path("format").asInt() + "; this one reads format " + FORMAT);
            }
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw new IllegalArgumentException("it is not a sandbox of format " + FORMAT);
            }
            SandboxContents contents = fromJson(root);
            if (!contents.ledgerId().equals(ledgerId) || !contents.user().equals(user)) {
                throw new IllegalArgumentException("it belongs to another ledger or user");
            }
            return Optional.of(contents);
        } catch (IOException | RuntimeException unreadable) {
            throw new SandboxProblem("The sandbox file " + file + " is damaged (" + reason(unreadable)
                    + "); move it away to start a new sandbox.", unreadable);
        }
    }

    /**
     * Replaces the sandbox's file with {@code contents} only if it still holds {@code read} (what the caller read; null:
     * no file), checked and written under a lock beside it, so two processes proposing at once never lose one's
     * proposals to the other's write (session 16: four concurrent {@code sandbox post}s each said "Proposed", two were
     * kept). Refused in one sentence, the file left as the other process wrote it. Returns what the file now holds, read
     * back under the same lock (what a later {@code replace} must be given as {@code read}).
     */
    public SandboxContents replace(SandboxContents read, SandboxContents contents) {
        Path file = fileOf(contents.ledgerId(), contents.user());
        try {
            return LockedFiles.underLock(directory.resolve(file.getFileName() + ".lock"), () -> {
                Optional<SandboxContents> now = read(contents.ledgerId(), contents.user());
                if (read == null ? now.isPresent() : now.isEmpty() || !toJson(now.get()).equals(toJson(read))) {
                    throw new SandboxProblem("Another process changed the sandbox of " + contents.user() + " (" + file
                            + ") after this command read it, so nothing was kept here; run the command again.");
                }
                write(contents);
                return read(contents.ledgerId(), contents.user()).orElseThrow();
            });
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not write the sandbox " + file + ": " + failed.getMessage(), failed);
        }
    }

    /**
     * As {@link #replace}, with {@code change} (an apply to the ledger, which returns the proposals marked applied) run
     * under the same lock, after the check and before the write: a file another process changed since {@code read} is
     * refused before anything reaches the ledger, and no other process can write it between the append and the marks
     * (session 23, adversary: Apply appended to the ledger, then the window said "nothing was kept here; run the command
     * again", the file still holding the proposals as not applied). Returns what the file now holds.
     */
    public SandboxContents replaceAfter(SandboxContents read, java.util.function.Supplier<SandboxContents> change) {
        if (read == null) {
            throw new SandboxProblem("The sandbox has no accepted proposals to apply.");
        }
        Path file = fileOf(read.ledgerId(), read.user());
        boolean[] changed = {false};
        try {
            return LockedFiles.underLock(directory.resolve(file.getFileName() + ".lock"), () -> {
                Optional<SandboxContents> now = read(read.ledgerId(), read.user());
                if (now.isEmpty() || !toJson(now.get()).equals(toJson(read))) {
                    throw new SandboxProblem("Another process changed the sandbox of " + read.user() + " (" + file
                            + ") after this command read it, so nothing was applied and the ledger is unchanged; decide"
                            + " the proposals again and apply.");
                }
                SandboxContents contents = change.get();
                changed[0] = true;
                write(contents);
                return read(contents.ledgerId(), contents.user()).orElseThrow();
            });
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not lock the sandbox " + file + ": " + failed.getMessage()
                    + "; nothing was applied.", failed);
        } catch (UncheckedIOException failed) {
            if (!changed[0]) {
                throw failed;
            }
            throw new SandboxProblem("The proposals were applied to the ledger, but the sandbox file " + file + " could not"
                    + " be marked (" + failed.getMessage() + "): they are in the ledger now; do not apply them again.", failed);
        }
    }

    /** Replaces the sandbox's file atomically (a reader sees the old file or the new one, never half of it). */
    public void write(SandboxContents contents) {
        Path file = fileOf(contents.ledgerId(), contents.user());
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, ".sandbox-", ".partial");
            try {
                Files.writeString(partial, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(contents)),
                        StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not write the sandbox " + file + ": " + failed.getMessage(), failed);
        }
    }

    /** Removes the sandbox's file; false when there was none. */
    public boolean delete(String ledgerId, String user) {
        try {
            return Files.deleteIfExists(fileOf(ledgerId, user));
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not remove the sandbox of " + user + ": " + failed.getMessage(), failed);
        }
    }

    private static ObjectNode toJson(SandboxContents contents) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("ledgerId", contents.ledgerId());
        root.put("user", contents.user());
        ObjectNode base = root.putObject("base");
        if (contents.base().position() != null) {
            base.put("position", contents.base().position());
        }
        if (contents.base().recordedAt() != null) {
            base.put("recordedAt", contents.base().recordedAt().toString());
        }
        ArrayNode proposals = root.putArray("proposals");
        for (Proposal proposal : contents.proposals()) {
            ObjectNode node = proposals.addObject();
            node.put("number", proposal.number());
            node.put("command", proposal.command().getClass().getSimpleName());
            node.set("arguments", JSON.valueToTree(proposal.command()));
            node.put("reason", proposal.reason());
            node.put("proposedBy", proposal.proposedBy());
            node.put("proposedAt", proposal.proposedAt().toString());
            if (proposal.applied()) {
                node.put("appliedAt", proposal.appliedAt().toString());
                node.put("appliedBy", proposal.appliedBy());
            }
        }
        return root;
    }

    private static SandboxContents fromJson(JsonNode root) throws IOException {
        JsonNode base = root.required("base");
        SandboxBase sandboxBase = new SandboxBase(base.has("position") ? base.get("position").asLong() : null,
                base.has("recordedAt") ? Instant.parse(base.get("recordedAt").asText()) : null);
        List<Proposal> proposals = new ArrayList<>();
        for (JsonNode node : root.required("proposals")) {
            String name = node.required("command").asText();
            Class<?> type = Proposal.COMMANDS.stream().filter(command -> command.getSimpleName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("proposal " + node.path("number").asInt()
                            + " is an unknown command '" + name + "'"));
            proposals.add(new Proposal(node.required("number").asInt(), JSON.treeToValue(node.required("arguments"), type),
                    node.required("reason").asText(), node.required("proposedBy").asText(),
                    Instant.parse(node.required("proposedAt").asText()),
                    node.has("appliedAt") ? Instant.parse(node.get("appliedAt").asText()) : null,
                    node.has("appliedBy") ? node.get("appliedBy").asText() : null));
        }
        return new SandboxContents(root.required("ledgerId").asText(), root.required("user").asText(), sandboxBase, proposals);
    }

    private static String reason(Exception unreadable) {
        if (unreadable instanceof java.nio.charset.CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        String message = unreadable.getMessage();
        if (message == null) {
            return unreadable.getClass().getSimpleName();
        }
        // Jackson's messages run over several lines with the source location; the first line says what was wrong
        return message.lines().findFirst().orElse(message).replaceAll("[.;]+$", "");
    }
}
