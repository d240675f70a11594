package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchIndex;
import dev.eventscope.projection.search.SearchIndexException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 20 (adversary2): a symbolic link planted under the name of a ledger's search index
 * ({@code $XDG_STATE_HOME/eventscope/search/<ledger id>.search.sqlite} → another SQLite file, a ledger) had the index's
 * tables written into that file by the next {@code search}. The factory the app and the CLI use now refuses it, and
 * builds the index in its own place once the link is gone.
 */
class SearchIndexThroughLinksTest {

    @TempDir
    Path folder;

    private Path otherDatabase() throws Exception {
        Path other = folder.resolve("other.ledger");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value TEXT)");
            statement.execute("INSERT INTO kept VALUES ('precious')");
        }
        return other;
    }

    @Test
    void a_symbolic_link_under_the_index_s_name_is_refused_and_its_target_left_as_it_was() throws Exception {
        Path other = otherDatabase();
        byte[] before = Files.readAllBytes(other);
        Path index = folder.resolve("search").resolve("ledger-1.search.sqlite");
        Files.createDirectories(index.getParent());
        Files.createSymbolicLink(index, other);

        SearchIndexException refused = assertThrows(SearchIndexException.class, () -> new SqliteSearchIndexFactory().open(index).close());
        assertTrue(refused.getMessage().startsWith("The search index " + index + " is a symbolic link (to " + other
                + "), so the search index would be written into that file. Nothing was written to it."), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(other), "the other file is unchanged");

        Files.delete(index);
        try (SearchIndex rebuilt = new SqliteSearchIndexFactory().open(index)) {
            assertTrue(Files.isRegularFile(index, java.nio.file.LinkOption.NOFOLLOW_LINKS), "built in its own place");
        }
        assertArrayEquals(before, Files.readAllBytes(other));
    }

    @Test
    void a_hard_link_to_another_file_under_the_index_s_name_is_refused() throws Exception {
        Path other = otherDatabase();
        byte[] before = Files.readAllBytes(other);
        Path index = folder.resolve("ledger-2.search.sqlite");
        Files.createLink(index, other);
        SearchIndexException refused = assertThrows(SearchIndexException.class, () -> new SqliteSearchIndexFactory().open(index).close());
        assertTrue(refused.getMessage().contains("is a file with 2 names (hard links)"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(other), "the other file is unchanged");
    }
}
