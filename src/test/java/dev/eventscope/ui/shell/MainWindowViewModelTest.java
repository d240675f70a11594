package dev.eventscope.ui.shell;

import dev.eventscope.session.LedgerSessions;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.LedgerFixtures;
import dev.eventscope.ui.SameThreadExecutor;
import dev.eventscope.ui.settings.SampleLedgers;
import dev.eventscope.ui.settings.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainWindowViewModelTest {

    /** The SQLite store, as bootstrap wires it. */
    static final LedgerSessions SQLITE = TestSessions.SQLITE;

    @TempDir
    Path folder;

    private final List<String> errors = new ArrayList<>();
    private MainWindowViewModel window;

    @BeforeEach
    void createWindow() throws Exception {
        Path samples = Files.createDirectories(folder.resolve("samples"));
        LedgerFixtures.bookkeepingLedger(samples.resolve("demo.ledger"), 2);
        window = new MainWindowViewModel(SQLITE, new SameThreadExecutor(), new SettingsStore(folder.resolve("config")),
                new SampleLedgers(samples, folder.resolve("data")), Clock.systemUTC(), ZoneOffset.UTC);
        window.setErrorHandler(errors::add);
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void opening_a_ledger_shows_the_explorer_names_the_file_in_the_title_and_remembers_it() throws Exception {
        Path file = LedgerFixtures.bookkeepingLedger(folder.resolve("books.ledger"), 1);
        window.open(file, false);
        assertNotNull(window.explorerProperty().get());
        assertEquals("books.ledger — Eventscope", window.titleProperty().get());
        assertEquals(List.of(file), window.recentLedgers());
        assertEquals(List.of(file), new SettingsStore(folder.resolve("config")).recentLedgers());
        window.close();
        assertNull(window.explorerProperty().get());
        assertEquals("Eventscope", window.titleProperty().get());
    }

    @Test
    void read_only_mode_says_so_in_the_title_and_cannot_append() throws Exception {
        Path file = LedgerFixtures.bookkeepingLedger(folder.resolve("books.ledger"), 1);
        window.open(file, true);
        assertEquals("books.ledger — read-only (auditor) — Eventscope", window.titleProperty().get());
        assertTrue(window.explorerProperty().get().session().readOnly());
    }

    @Test
    void a_text_file_is_refused_with_the_stores_one_sentence_and_the_welcome_screen_stays() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "groceries: milk, eggs\n");
        window.open(text, false);
        assertNull(window.explorerProperty().get());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("notes.txt"), errors.get(0));
        assertFalse(errors.get(0).contains("Exception"), errors.get(0));
        assertEquals("groceries: milk, eggs\n", Files.readString(text));
    }

    @Test
    void a_new_ledger_is_created_empty_but_an_existing_file_is_never_overwritten() throws Exception {
        window.createNew(folder.resolve("fresh.ledger"));
        assertEquals(0, window.explorerProperty().get().session().lastPosition());
        Path existing = Files.writeString(folder.resolve("precious.ledger"), "someone's data");
        window.createNew(existing);
        assertEquals(List.of("'precious.ledger' already exists; choose a new file name, or open it instead."), errors);
        assertEquals("someone's data", Files.readString(existing));
    }

    @Test
    void a_sample_opens_from_a_copy_and_the_original_is_never_modified() throws Exception {
        Path sample = window.welcome().sampleLedgers().get(0);
        byte[] before = Files.readAllBytes(sample);
        window.welcome().openSample(sample);
        Path opened = window.explorerProperty().get().session().file();
        assertEquals(folder.resolve("data").resolve("demo.ledger"), opened);
        window.close();
        assertArrayEquals(before, Files.readAllBytes(sample));
        assertTrue(Arrays.equals(before, Files.readAllBytes(sample)));
    }
}
