package dev.eventscope.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16.11: each sample says in one line what it shows, and a changed copy can be put back. */
class SampleLedgersResetTest {

    @TempDir
    Path folder;

    @Test
    void every_bundled_sample_has_its_line() {
        SampleLedgers bundled = new SampleLedgers(Path.of("sample-data/ledgers"), folder.resolve("data"));
        for (Path sample : bundled.list()) {
            assertFalse(bundled.description(sample).isBlank(), sample + " has no line in samples.properties");
        }
    }

    @Test
    void a_changed_copy_is_reset_to_the_original() throws Exception {
        Path samples = Files.createDirectories(folder.resolve("samples"));
        Path sample = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), samples.resolve("small-business.ledger"));
        SampleLedgers ledgers = new SampleLedgers(samples, folder.resolve("data"));
        assertFalse(ledgers.hasCopy(sample));
        Path copy = ledgers.workingCopyOf(sample);
        assertTrue(ledgers.hasCopy(sample));

        byte[] bytes = Files.readAllBytes(copy);
        bytes[bytes.length - 1] ^= 1;
        Files.write(copy, bytes);
        Files.writeString(Path.of(copy + "-wal"), "left over");

        ledgers.reset(sample);
        assertEquals(-1L, Files.mismatch(sample, copy));
        assertFalse(Files.exists(Path.of(copy + "-wal")), "the copy's WAL went with it");
    }
}
