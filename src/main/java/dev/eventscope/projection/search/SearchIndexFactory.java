package dev.eventscope.projection.search;

import java.nio.file.Path;
import java.util.ServiceLoader;

/** Opens (creating when missing) a search index file; the implementation is found with {@link ServiceLoader}. */
public interface SearchIndexFactory {

    SearchIndex open(Path indexFile);

    static SearchIndexFactory installed() {
        return ServiceLoader.load(SearchIndexFactory.class).findFirst().orElseThrow(() ->
                new SearchIndexException("No search index is installed; this Eventscope build is incomplete."));
    }
}
