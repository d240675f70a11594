package dev.eventscope.ui.settings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Eventscope keeps its settings and copies of sample ledgers, following the XDG base
 * directory convention: {@code $XDG_CONFIG_HOME/eventscope} (else {@code ~/.config/eventscope})
 * and {@code $XDG_DATA_HOME/eventscope} (else {@code ~/.local/share/eventscope}).
 */
public record UserDirectories(Path configDirectory, Path dataDirectory) {

    public static UserDirectories fromEnvironment() {
        return resolve(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static UserDirectories resolve(Map<String, String> environment, Path home) {
        Path config = base(environment.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = base(environment.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        return new UserDirectories(config.resolve("eventscope"), data.resolve("eventscope"));
    }

    private static Path base(String fromEnvironment, Path fallback) {
        // the XDG spec says a relative value is invalid and must be ignored
        if (fromEnvironment == null || fromEnvironment.isBlank() || !Path.of(fromEnvironment).isAbsolute()) {
            return fallback;
        }
        return Path.of(fromEnvironment);
    }
}
