package dev.eventscope.ui.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled sample ledgers: every {@code *.ledger} file in the samples folder (the system
 * property {@code eventscope.samples}, else {@code ./sample-data}). A sample is opened from a copy
 * in the user's data directory, made on first use, so that the original is never modified.
 */
public final class SampleLedgers {

    public static final String SAMPLES_PROPERTY = "eventscope.samples";

    private final Path samplesFolder;
    private final Path workingCopies;
    /** samples.properties, read on first use (every list cell asks). */
    private java.util.Properties descriptions;

    public SampleLedgers(Path samplesFolder, Path workingCopies) {
        this.samplesFolder = samplesFolder;
        this.workingCopies = workingCopies;
    }

    /** The property's folder, else {@code ./sample-data/ledgers} (a source checkout), else {@code ./sample-data}. */
    public static Path defaultSamplesFolder() {
        String configured = System.getProperty(SAMPLES_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path checkout = Path.of("sample-data", "ledgers").toAbsolutePath();
        return Files.isDirectory(checkout) ? checkout : Path.of("sample-data").toAbsolutePath();
    }

    public Path samplesFolder() {
        return samplesFolder;
    }

    /** The sample ledgers, sorted by file name; empty when the folder does not exist. */
    public List<Path> list() {
        if (!Files.isDirectory(samplesFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(samplesFolder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".ledger"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The one line that says what {@code sample} shows (from {@code samples.properties} beside it), or "". */
    public synchronized String description(Path sample) {
        if (descriptions == null) {
            descriptions = new java.util.Properties();
            Path file = samplesFolder.resolve("samples.properties");
            if (Files.isRegularFile(file)) {
                try (java.io.Reader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                    descriptions.load(reader);
                } catch (IOException unreadable) {
                    descriptions.clear();
                }
            }
        }
        return descriptions.getProperty(sample.getFileName().toString(), "");
    }

    /**
     * Whether this user has a copy of {@code sample} that may differ from the bundled original. Opening a
     * sample already writes its read models into the copy, so any copy counts: bytes cannot tell a user's
     * posting from a catch-up.
     */
    public boolean hasCopy(Path sample) {
        return Files.exists(workingCopies.resolve(sample.getFileName().toString()));
    }

    /**
     * Puts the bundled original back in place of this user's copy of {@code sample} (its -wal and -shm and
     * its read models go with it); the next open starts from the original again.
     */
    public void reset(Path sample) {
        Path copy = workingCopies.resolve(sample.getFileName().toString());
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reset the sample '" + sample.getFileName() + "': " + e.getMessage()
                    + " (is it open?)", e);
        }
        workingCopyOf(sample);
    }

    /** The writable copy of {@code sample}, copied from the original the first time. */
    public Path workingCopyOf(Path sample) {
        Path copy = workingCopies.resolve(sample.getFileName().toString());
        if (Files.exists(copy)) {
            return copy;
        }
        try {
            Files.createDirectories(workingCopies);
            Files.copy(sample, copy);
            Path wal = sample.resolveSibling(sample.getFileName() + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, copy.resolveSibling(copy.getFileName() + "-wal"));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the sample ledger '" + sample.getFileName() + "' to '"
                    + workingCopies + "'; check that the folder is writable.", e);
        }
    }
}
