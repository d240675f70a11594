package dev.eventscope.ui.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The user's settings in {@code settings.properties} in the config directory: the recently opened
 * ledgers (newest first) and the window's bounds. A missing or unreadable file means defaults;
 * a failed write is logged, never shown, because losing a recent-files list must not stop work.
 */
public final class SettingsStore {

    public static final int MAX_RECENT = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final String FILE_NAME = "settings.properties";

    private final Path file;
    private final Properties properties = new Properties();

    public SettingsStore(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("ignoring unreadable settings file {}: {}", file, e.toString());
            }
        }
    }

    public Path file() {
        return file;
    }

    public List<Path> recentLedgers() {
        List<Path> recent = new ArrayList<>();
        for (int index = 0; index < MAX_RECENT; index++) {
            String value = properties.getProperty("recent." + index);
            if (value != null && !value.isBlank()) {
                recent.add(Path.of(value));
            }
        }
        return recent;
    }

    /** Puts {@code ledger} first in the recent list, dropping its older entry and the oldest beyond the limit. */
    public List<Path> rememberRecent(Path ledger) {
        Path absolute = normal(ledger);
        List<Path> recent = new ArrayList<>(recentLedgers());
        recent.remove(absolute);
        recent.add(0, absolute);
        return replaceRecent(recent);
    }

    public List<Path> forgetRecent(Path ledger) {
        List<Path> recent = new ArrayList<>(recentLedgers());
        recent.remove(normal(ledger));
        return replaceRecent(recent);
    }

    /**
     * A file's absolute path; a server ledger's URL as it is (it never holds a password: such a URL is refused
     * before anything opens it, and a typed password is never part of the name).
     */
    private static Path normal(Path ledger) {
        return dev.eventscope.session.LedgerSessions.isServerLedger(ledger) ? ledger : ledger.toAbsolutePath().normalize();
    }

    private List<Path> replaceRecent(List<Path> recent) {
        List<Path> kept = recent.subList(0, Math.min(MAX_RECENT, recent.size()));
        for (int index = 0; index < MAX_RECENT; index++) {
            if (index < kept.size()) {
                properties.setProperty("recent." + index, kept.get(index).toString());
            } else {
                properties.remove("recent." + index);
            }
        }
        save();
        return List.copyOf(kept);
    }

    public Optional<WindowBounds> windowBounds() {
        try {
            String width = properties.getProperty("window.width");
            if (width == null) {
                return Optional.empty();
            }
            return Optional.of(new WindowBounds(
                    Double.parseDouble(properties.getProperty("window.x", "0")),
                    Double.parseDouble(properties.getProperty("window.y", "0")),
                    Double.parseDouble(width),
                    Double.parseDouble(properties.getProperty("window.height", "800")),
                    Boolean.parseBoolean(properties.getProperty("window.maximized", "false"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void saveWindowBounds(WindowBounds bounds) {
        properties.setProperty("window.x", Double.toString(bounds.x()));
        properties.setProperty("window.y", Double.toString(bounds.y()));
        properties.setProperty("window.width", Double.toString(bounds.width()));
        properties.setProperty("window.height", Double.toString(bounds.height()));
        properties.setProperty("window.maximized", Boolean.toString(bounds.maximized()));
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Eventscope settings");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not save settings to {}: {}", file, e.toString());
        }
    }
}
