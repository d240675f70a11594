package dev.eventscope.projection.search;

import java.util.List;

/** One page of hits, and whether another page follows. */
public record SearchPage(List<SearchHit> hits, boolean hasMore) {

    public SearchPage {
        hits = List.copyOf(hits);
    }
}
