package dev.eventscope.audit.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One auditor's findings on one ledger, kept in a JSON file of their own outside the ledger
 * ({@code <folder>/<ledger id>/<user>.json}, by default under {@code $XDG_STATE_HOME/eventscope/findings}),
 * so a read-only ledger stays untouched and whoever can write the ledger cannot rewrite the findings.
 * Every change rewrites the file whole through a temporary file and an atomic move: a crash leaves the old
 * file or the new one, never half of one. A file that cannot be read stops it with the file named.
 */
public final class FindingsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final String ledgerId;
    private final String user;

    public FindingsFile(Path directory, String ledgerId, String user) {
        this.directory = directory;
        this.ledgerId = ledgerId;
        this.user = user;
    }

    public static Path defaultDirectory(Map<String, String> environment, String userHome) {
        String stateHome = environment.get("XDG_STATE_HOME");
        Path base = stateHome != null && !stateHome.isBlank() && Path.of(stateHome).isAbsolute()
                ? Path.of(stateHome) : Path.of(userHome, ".local", "state");
        return base.resolve("eventscope").resolve("findings");
    }

    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    public Path file() {
        return folderOf(directory, ledgerId).resolve(safe(user) + ".json");
    }

    private static Path folderOf(Path directory, String ledgerId) {
        return directory.resolve(safe(ledgerId));
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    public String user() {
        return user;
    }

    /** This user's findings, in the order they were made. */
    public List<Finding> list() {
        return read(file());
    }

    /** Every user's findings on this ledger, user by user. */
    public List<Finding> everyUsers() {
        Path folder = folderOf(directory, ledgerId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Finding> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().forEach(path -> all.addAll(read(path)));
        } catch (IOException failed) {
            throw new UncheckedIOException("The findings folder " + folder + " cannot be read: " + failed.getMessage(), failed);
        }
        return all;
    }

    /** Records a finding with the next free id ({@code F-0001}, ...) and returns it. */
    public Finding add(FindingTarget target, Severity severity, String note, Clock clock) {
        return locked(() -> addUnlocked(target, severity, note, clock));
    }

    private Finding addUnlocked(FindingTarget target, Severity severity, String note, Clock clock) {
        List<Finding> findings = new ArrayList<>(list());
        int next = findings.stream().mapToInt(finding -> Integer.parseInt(finding.id().substring(2))).max().orElse(0) + 1;
        Finding finding = new Finding(String.format("F-%04d", next), user, Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                target, severity, note.strip());
        findings.add(finding);
        write(findings);
        return finding;
    }

    /** Removes a finding by id; throws with the ids there are when there is no such finding. */
    public Finding remove(String id) {
        return locked(() -> removeUnlocked(id));
    }

    /**
     * Runs a read-modify-write of this user's file under an exclusive lock ({@code .findings.lock} in the findings
     * folder, beside every ledger's folder): four {@code findings add} at once each said "Recorded", two under the same
     * id, and one was lost (session 16).
     */
    private <T> T locked(java.util.function.Supplier<T> change) {
        Path file = file();
        try {
            return dev.eventscope.audit.LockedFiles.underLock(directory.resolve(".findings.lock"), change::get);
        } catch (IOException failed) {
            throw new UncheckedIOException("The findings file " + file + " cannot be written: " + failed.getMessage(), failed);
        }
    }

    private Finding removeUnlocked(String id) {
        List<Finding> findings = new ArrayList<>(list());
        Finding removed = findings.stream().filter(finding -> finding.id().equalsIgnoreCase(id.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no finding " + id + " in " + user + "'s findings"
                        + (list().isEmpty() ? " (there are none)." : " (they are " + String.join(", ", list().stream().map(Finding::id).toList()) + ").")));
        findings.remove(removed);
        write(findings);
        return removed;
    }

    private List<Finding> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalStateException("The findings file " + file + " cannot be read: " + why(unreadable)
                    + "; move it aside or restore it from a backup (the ledger is not affected).", unreadable);
        }
        // session 19 (adversary2): another ledger's findings copied into this ledger's folder were listed, and signed
        // into its reports, as this ledger's; every findings file names the ledger it was written for
        String recorded = root.path("ledgerId").isTextual() ? root.path("ledgerId").asText() : null;
        if (!ledgerId.equals(recorded)) {
            throw new IllegalStateException("The findings file " + file + " belongs to "
                    + (recorded == null ? "no ledger (it names none)" : "the ledger " + recorded) + ", not to this ledger ("
                    + ledgerId + "): its findings are not this ledger's. Move it aside or restore this ledger's findings"
                    + " from a backup (the ledger is not affected).");
        }
        try {
            List<Finding> findings = new ArrayList<>();
            for (JsonNode node : root.path("findings")) {
                findings.add(new Finding(node.path("id").asText(), node.path("user").asText(), Instant.parse(node.path("createdAt").asText()),
                        FindingTarget.parse(node.path("target").asText()), Severity.named(node.path("severity").asText()),
                        node.path("note").asText()));
            }
            return findings;
        } catch (RuntimeException unreadable) {
            throw new IllegalStateException("The findings file " + file + " cannot be read: " + why(unreadable)
                    + "; move it aside or restore it from a backup (the ledger is not affected).", unreadable);
        }
    }

    /** What is wrong, in one line: a JSON error with its line and column (Jackson's own message spans two lines). */
    private static String why(Exception unreadable) {
        if (unreadable instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            com.fasterxml.jackson.core.JsonLocation where = json.getLocation();
            String what = json.getOriginalMessage().lines().findFirst().orElse("not JSON").strip();
            return where == null ? what : what + " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        }
        String message = unreadable.getMessage() == null ? unreadable.getClass().getSimpleName() : unreadable.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private void write(List<Finding> findings) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ledgerId", ledgerId);
        root.put("user", user);
        ArrayNode array = root.putArray("findings");
        for (Finding finding : findings) {
            array.addObject().put("id", finding.id()).put("user", finding.user()).put("createdAt", finding.createdAt().toString())
                    .put("target", finding.target().toString()).put("severity", finding.severity().text()).put("note", finding.note());
        }
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".findings-", ".partial");
            try {
                Files.writeString(partial, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
                try {
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException noAtomicMove) {
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("The findings file " + file + " cannot be written: " + failed.getMessage(), failed);
        }
    }
}
