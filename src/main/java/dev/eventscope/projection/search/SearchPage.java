package dev.eventscope.projection.search;

import java.util.List;

/**
 * One page of hits, whether another page follows, and where this one ended ({@code next}: the key of its last hit,
 * to ask for the following page with {@link SearchIndex#search(SearchQuery, SearchCursor)}; null when none follows).
 */
public record SearchPage(List<SearchHit> hits, boolean hasMore, SearchCursor next) {

    public SearchPage {
        hits = List.copyOf(hits);
        if (hasMore && next == null) {
            throw new IllegalArgumentException("A page followed by another must say where it ended.");
        }
    }
}
