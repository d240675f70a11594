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
        return where("version > 0", nameMatch, pattern, parameters);
    }

    /**
     * The same WHERE clause over a streams table without a version column, with {@code withEvents} the adapter's
     * condition for a stream that has events (SQL; {@code TRUE} where every stream row has them).
     */
    public String where(String withEvents, String nameMatch, java.util.function.UnaryOperator<String> pattern,
                        java.util.List<String> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(withEvents);
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
