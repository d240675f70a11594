package dev.eventscope.audit.findings;

import java.time.Instant;
import java.util.Objects;

/** One finding: its id in the auditor's findings file ({@code F-0001}), who made it when, what it is about, how serious, and the note. */
public record Finding(String id, String user, Instant createdAt, FindingTarget target, Severity severity, String note) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(note, "note");
        if (note.isBlank()) {
            throw new IllegalArgumentException("A finding needs a note saying what was found.");
        }
    }
}
