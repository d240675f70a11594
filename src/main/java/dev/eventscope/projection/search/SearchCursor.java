package dev.eventscope.projection.search;

/**
 * Where a page of hits ended: the last hit's position and, in relevance order, its rank (lower is better, as
 * FTS5's bm25 gives it). The next page starts after it (keyset paging), so page 1,000 costs what page 1 costs;
 * an offset would read every earlier hit again. Written as {@code 1234} (position order) or {@code -7.25:1234}.
 */
public record SearchCursor(long position, double rank) {

    /** After a position, in position order. */
    public static SearchCursor afterPosition(long position) {
        return new SearchCursor(position, 0);
    }

    /** Reads the text form; throws {@link IllegalArgumentException} with a sentence naming the text when it is not one. */
    public static SearchCursor parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        try {
            return colon < 0 ? afterPosition(Long.parseLong(value))
                    : new SearchCursor(Long.parseLong(value.substring(colon + 1)), Double.parseDouble(value.substring(0, colon)));
        } catch (NumberFormatException wrong) {
            throw new IllegalArgumentException("\"" + value + "\" is not where a page ended (a position such as 1234, or rank:position"
                    + " such as -7.25:1234, as the last page printed it).");
        }
    }

    /** The text form for the given order. */
    public String text(SearchQuery.Order order) {
        return order == SearchQuery.Order.RELEVANCE ? rank + ":" + position : Long.toString(position);
    }
}
