package dev.eventscope.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsStoreTest {

    @TempDir
    Path folder;

    @Test
    void recent_ledgers_are_newest_first_without_duplicates_and_survive_a_restart() {
        SettingsStore settings = new SettingsStore(folder);
        settings.rememberRecent(folder.resolve("a.ledger"));
        settings.rememberRecent(folder.resolve("b.ledger"));
        settings.rememberRecent(folder.resolve("a.ledger"));
        assertEquals(List.of(folder.resolve("a.ledger"), folder.resolve("b.ledger")), new SettingsStore(folder).recentLedgers());
    }

    @Test
    void only_the_ten_newest_are_kept() {
        SettingsStore settings = new SettingsStore(folder);
        for (int i = 0; i < 12; i++) {
            settings.rememberRecent(folder.resolve(i + ".ledger"));
        }
        List<Path> recent = new SettingsStore(folder).recentLedgers();
        assertEquals(SettingsStore.MAX_RECENT, recent.size());
        assertEquals(folder.resolve("11.ledger"), recent.get(0));
        assertEquals(folder.resolve("2.ledger"), recent.get(9));
    }

    @Test
    void a_forgotten_ledger_leaves_the_list() {
        SettingsStore settings = new SettingsStore(folder);
        settings.rememberRecent(folder.resolve("a.ledger"));
        settings.rememberRecent(folder.resolve("b.ledger"));
        assertEquals(List.of(folder.resolve("a.ledger")), settings.forgetRecent(folder.resolve("b.ledger")));
    }

    @Test
    void window_bounds_are_remembered() {
        new SettingsStore(folder).saveWindowBounds(new WindowBounds(10, 20, 1100, 700, false));
        assertEquals(new WindowBounds(10, 20, 1100, 700, false), new SettingsStore(folder).windowBounds().orElseThrow());
    }

    @Test
    void an_unreadable_settings_file_means_defaults() throws Exception {
        Files.writeString(folder.resolve("settings.properties"), "window.width=wide\nrecent.0=\\u00zz");
        SettingsStore settings = new SettingsStore(folder);
        assertTrue(settings.recentLedgers().isEmpty());
        assertFalse(settings.windowBounds().isPresent());
    }

    @Test
    void directories_follow_xdg_and_fall_back_to_the_home_folder() {
        Path home = Path.of("/home/ada");
        assertEquals(new UserDirectories(Path.of("/xdg/config/eventscope"), Path.of("/xdg/data/eventscope")),
                UserDirectories.resolve(Map.of("XDG_CONFIG_HOME", "/xdg/config", "XDG_DATA_HOME", "/xdg/data"), home));
        assertEquals(new UserDirectories(home.resolve(".config/eventscope"), home.resolve(".local/share/eventscope")),
                UserDirectories.resolve(Map.of("XDG_CONFIG_HOME", "relative/ignored"), home));
    }

    @Test
    void samples_are_every_ledger_file_and_open_from_a_copy_made_once() throws Exception {
        Path samples = Files.createDirectories(folder.resolve("samples"));
        Files.writeString(samples.resolve("b.ledger"), "original");
        Files.writeString(samples.resolve("a.ledger"), "original");
        Files.writeString(samples.resolve("README.md"), "not a ledger");
        SampleLedgers sampleLedgers = new SampleLedgers(samples, folder.resolve("copies"));
        assertEquals(List.of(samples.resolve("a.ledger"), samples.resolve("b.ledger")), sampleLedgers.list());

        Path copy = sampleLedgers.workingCopyOf(samples.resolve("a.ledger"));
        Files.writeString(copy, "changed by the user");
        assertEquals(copy, sampleLedgers.workingCopyOf(samples.resolve("a.ledger")));
        assertEquals("changed by the user", Files.readString(copy));
        assertEquals("original", Files.readString(samples.resolve("a.ledger")));
    }

    @Test
    void a_missing_samples_folder_lists_nothing() {
        assertTrue(new SampleLedgers(folder.resolve("absent"), folder).list().isEmpty());
    }
}
