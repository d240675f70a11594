package dev.eventscope.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Folders for the tries of a property (jqwik has no {@code @TempDir} per try): each created empty in the system's
 * temporary folder, all deleted with everything in them by {@link #deleteAll()}, which the property class calls
 * from an {@code @AfterTry} method, so a run of thousands of tries leaves nothing behind.
 */
public final class TemporaryFolders {

    private final List<Path> created = new ArrayList<>();

    public Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            created.add(folder);
            return folder;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    public void deleteAll() {
        for (Path folder : created) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(each);
                }
            } catch (IOException failure) {
                throw new UncheckedIOException("could not delete the test folder " + folder, failure);
            }
        }
        created.clear();
    }
}
