package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.IndexingProgress;
import dev.eventscope.projection.search.SearchIndex;
import dev.eventscope.projection.search.SearchIndexFactory;

import java.nio.file.Path;

/**
 * The {@link SearchIndexFactory} that {@code bootstrap} wires in: SQLite FTS5 files. An index file that is not a file
 * of its own (a symbolic link, a hard link, a ledger under its name) is refused before SQLite opens it: session 20's
 * adversary2 had the index of one ledger written into another ledger through a link planted under the index's name.
 */
public final class SqliteSearchIndexFactory implements SearchIndexFactory {

    @Override
    public SearchIndex open(Path indexFile) {
        requireOwn(indexFile);
        return SqliteSearchIndex.open(indexFile);
    }

    @Override
    public SearchIndex open(Path indexFile, IndexingProgress upgrade) {
        requireOwn(indexFile);
        return SqliteSearchIndex.open(indexFile, upgrade);
    }

    private static void requireOwn(Path indexFile) {
        IndexFiles.requireOwn(indexFile);
    }
}
