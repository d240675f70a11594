package dev.eventscope.projection.search;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where search indexes live: one file per ledger id in {@code $XDG_STATE_HOME/eventscope/search} (else
 * {@code ~/.local/state/eventscope/search}), never in the ledger, so a read-only ledger stays untouched.
 */
public final class SearchIndexes {

    private SearchIndexes() {
    }

    public static Path defaultDirectory(Map<String, String> environment, String userHome) {
        String stateHome = environment.get("XDG_STATE_HOME");
        Path base = stateHome != null && !stateHome.isBlank() && Path.of(stateHome).isAbsolute()
                ? Path.of(stateHome) : Path.of(userHome, ".local", "state");
        return base.resolve("eventscope").resolve("search");
    }

    public static Path forCurrentUser() {
        return defaultDirectory(System.getenv(), System.getProperty("user.home"));
    }

    /** The index file of a ledger id in a folder; characters unsafe in file names are replaced. */
    public static Path fileOf(Path directory, String ledgerId) {
        return directory.resolve(ledgerId.replaceAll("[^A-Za-z0-9._-]", "_") + ".search.sqlite");
    }
}
