package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.IndexingProgress;
import dev.eventscope.projection.search.SearchIndex;
import dev.eventscope.projection.search.SearchIndexFactory;

import java.nio.file.Path;

/** The {@link SearchIndexFactory} that {@code bootstrap} wires in: SQLite FTS5 files. */
public final class SqliteSearchIndexFactory implements SearchIndexFactory {

    @Override
    public SearchIndex open(Path indexFile) {
        return SqliteSearchIndex.open(indexFile);
    }

    @Override
    public SearchIndex open(Path indexFile, IndexingProgress upgrade) {
        return SqliteSearchIndex.open(indexFile, upgrade);
    }
}
