package dev.eventscope.eventstore;

/**
 * Which streams to list. {@code category} matches exactly; {@code namePattern} is a glob where
 * {@code *} matches any run of characters and {@code ?} one character. Null means no filter.
 */
public record StreamFilter(String category, String namePattern) {

    public static final StreamFilter ALL = new StreamFilter(null, null);

    public static StreamFilter category(String category) {
        return new StreamFilter(category, null);
    }

    public static StreamFilter namePattern(String pattern) {
        return new StreamFilter(null, pattern);
    }

    /**
     * The WHERE clause over a {@code streams} table (stream_id, category, version) that both store
     * adapters use: streams with events only, then this filter, with {@code ?} placeholders whose values
     * are added to {@code parameters}. {@code nameMatch} is the adapter's operator for the name pattern
     * (such as {@code GLOB ?}) and {@code pattern} turns the glob into what that operator expects.
     */
    public String where(String nameMatch, java.util.function.UnaryOperator<String> pattern, java.util.List<String> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE version > 0");
        if (category != null) {
            sql.append(" AND category = ?");
            parameters.add(category);
        }
        if (namePattern != null) {
            sql.append(" AND stream_id ").append(nameMatch);
            parameters.add(pattern.apply(namePattern));
        }
        return sql.toString();
    }
}
