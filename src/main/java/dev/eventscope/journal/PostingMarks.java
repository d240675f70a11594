package dev.eventscope.journal;

/**
 * Where the parts of a posting line start after its account name (its comment, balance assertion and price), found in
 * one scan when the line is plain; {@link TransactionParser} reads any other line with its quote-aware searches.
 */
final class PostingMarks {

    private PostingMarks() {
    }

    /** {@link #plainMarks}: the posting has a quote, a lot price or a lot date before its comment. */
    static final long NOT_PLAIN = -1;

    /**
     * In one scan of {@code line} from {@code from}: the first {@code ;}, and before it the first {@code =} and the
     * first {@code @}, each plus one (0: none) in 20 bits ({@code ;} from bit 40, {@code =} from bit 20, {@code @} from
     * bit 0); {@link #NOT_PLAIN} when a double quote, an opening brace (a lot price) or an opening bracket (a lot date)
     * comes before the first {@code ;}, or the line is too long to pack: {@link TransactionParser} then reads the posting
     * with {@code indexOutsideQuotes}. With no quote before them, the marks are where {@code indexOutsideQuotes} finds
     * them ({@code ParserFastPathsProperties} compares the two on random lines).
     */
    static long plainMarks(String line, int from) {
        if (line.length() >= 0xFFFFF) {
            return NOT_PLAIN;
        }
        long equals = 0;
        long at = 0;
        for (int index = from; index < line.length(); index++) {
            char character = line.charAt(index);
            if (character == ';') {
                return ((long) (index + 1) << 40) | (equals << 20) | at;
            } else if (character == '"' || character == '{' || character == '[') {
                return NOT_PLAIN;
            } else if (character == '=' && equals == 0) {
                equals = index + 1;
            } else if (character == '@' && at == 0) {
                at = index + 1;
            }
        }
        return (equals << 20) | at;
    }
}
