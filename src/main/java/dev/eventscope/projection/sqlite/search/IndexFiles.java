package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchIndexException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses, before SQLite opens it, a search index path that is not a plain file of its own: a symbolic link, anything
 * but a regular file, a file of several names (hard links), or an Eventscope ledger. Session 20's adversary2 had the
 * index of one ledger written into another ledger through a link planted under the index's name. The read-model caches
 * keep the same rule ({@code projection.sqlite.CacheFiles}); the package rules keep the two adapters apart.
 */
final class IndexFiles {

    /** The Eventscope ledger's {@code PRAGMA application_id} ("EvSc"). */
    private static final int LEDGER_APPLICATION_ID = 0x45765363;

    private IndexFiles() {
    }

    static void requireOwn(Path file) {
        notOwn(file).ifPresent(what -> {
            throw new SearchIndexException("The search index " + file + " " + what + ". Nothing was written to it. It is"
                    + " only an index: move it away (it is built again from the ledger's events; the ledger is not affected).");
        });
    }

    private static Optional<String> notOwn(Path file) {
        if (Files.isSymbolicLink(file)) {
            String target;
            try {
                target = Files.readSymbolicLink(file).toString();
            } catch (IOException | UnsupportedOperationException unreadable) {
                target = "a file that cannot be told";
            }
            return Optional.of("is a symbolic link (to " + target + "), so the search index would be written into that file");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("is not a file but a folder, a named pipe, a device or a socket");
        }
        int names;
        try {
            names = ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException notTold) {
            names = 1;
        }
        if (names > 1) {
            return Optional.of("is a file with " + names + " names (hard links), so the search index would be written into a"
                    + " file that is also kept elsewhere");
        }
        if (applicationId(file) == LEDGER_APPLICATION_ID) {
            return Optional.of("is an Eventscope ledger, not a search index, and Eventscope never writes an index into a"
                    + " ledger it did not open");
        }
        return Optional.empty();
    }

    private static int applicationId(Path file) {
        byte[] header = new byte[72];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return 0;
            }
        } catch (IOException unreadable) {
            return 0; // SQLite says what is wrong when it opens the file
        }
        return ByteBuffer.wrap(header, 68, 4).getInt();
    }
}
