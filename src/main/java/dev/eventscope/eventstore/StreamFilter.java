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
}
