package dev.eventscope.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * What replaying the snapshots found: how many were compared with the replay of their events,
 * {@code misleading} the snapshots the store would use that do not equal that replay (tampering),
 * and {@code ignored} those the store already refuses to use, with why.
 */
public record SnapshotFindings(long checked, List<String> misleading, List<String> ignored) {

    public SnapshotFindings {
        misleading = List.copyOf(misleading);
        ignored = List.copyOf(ignored);
    }

    public boolean misleads() {
        return !misleading.isEmpty();
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        misleading.forEach(finding -> lines.add("TAMPERED: " + finding + "."));
        ignored.forEach(finding -> lines.add("Ignored: " + finding + "."));
        if (checked > 0 && misleading.isEmpty()) {
            lines.add("The " + checked + " snapshot" + (checked == 1 ? "" : "s") + " in use equal the replay of their events.");
        }
        return lines;
    }
}
