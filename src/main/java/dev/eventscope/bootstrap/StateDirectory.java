package dev.eventscope.bootstrap;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Eventscope writes its logs, following the XDG base directory convention:
 * {@code $XDG_STATE_HOME/eventscope/logs}, else {@code ~/.local/state/eventscope/logs}.
 * A relative {@code XDG_STATE_HOME} is invalid by the specification and is ignored.
 */
public final class StateDirectory {

    /** The system property through which the desktop app learns where its log folder is. */
    public static final String LOG_DIRECTORY_PROPERTY = "eventscope.logDirectory";

    private StateDirectory() {
    }

    public static Path logDirectory(Map<String, String> environment, Path home) {
        String configured = environment.get("XDG_STATE_HOME");
        Path state = configured == null || configured.isBlank() || !Path.of(configured).isAbsolute()
                ? home.resolve(".local").resolve("state")
                : Path.of(configured);
        return state.resolve("eventscope").resolve("logs");
    }

    public static Path logDirectoryFromEnvironment() {
        return logDirectory(System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
