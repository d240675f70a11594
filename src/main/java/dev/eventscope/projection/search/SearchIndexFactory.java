package dev.eventscope.projection.search;

import java.nio.file.Path;

/** Opens (creating when missing) a search index file; {@code bootstrap} hands the adapter's factory to the sessions. */
public interface SearchIndexFactory {

    SearchIndex open(Path indexFile);

    /** As {@link #open(Path)}, telling {@code upgrade} how far the upgrade of an older index is (if one is needed). */
    default SearchIndex open(Path indexFile, IndexingProgress upgrade) {
        return open(indexFile);
    }
}
