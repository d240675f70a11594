package dev.eventscope.projection.search;

import java.nio.file.Path;

/** Opens (creating when missing) a search index file; {@code bootstrap} hands the adapter's factory to the sessions. */
public interface SearchIndexFactory {

    SearchIndex open(Path indexFile);
}
