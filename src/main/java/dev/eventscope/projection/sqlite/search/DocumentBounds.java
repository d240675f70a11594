package dev.eventscope.projection.sqlite.search;

import java.util.List;
import java.util.Map;

/**
 * What the {@link RelevanceWalk#walkPassing passing walk} needs of one document to bound its score, kept in the document's own
 * row ({@code search_docs}) and so in every filter's index beside the filter's value: its length (FTS5's token count), its
 * tokens' signature (one bit of 64 per token), which tokens it holds twice or more ({@code twice}) and three times or more
 * ({@code thrice}), likewise its short prefix keys ({@code ab*}: {@code prefixTwice}, {@code prefixThrice}), and the highest
 * count of any token ({@code most}) and of any prefix key ({@code mostPrefix}) it repeats (1: none).
 *
 * <p>Each set of repeated tokens is a 64-bit Bloom filter with two bits per token (a document repeats a handful of tokens, so
 * a token it holds once is taken for a repeated one about 2 times in 100). A phrase occurs at most as often as each of its
 * tokens: once when the token is not among the twice repeated, twice when not among the thrice, else {@code most} times.
 */
record DocumentBounds(int length, long tokens, long twice, long thrice, long prefixTwice, long prefixThrice, int most, int mostPrefix) {

    /** The columns of {@code search_docs} that hold the bounds, in this order. */
    static final List<String> COLUMNS = List.of("length", "tokens", "twice", "thrice", "prefix_twice", "prefix_thrice", "most", "most_prefix");

    static DocumentBounds of(String text) {
        return of(Fts5Tokens.of(text));
    }

    /** @param tokens the document's tokens, as FTS5 makes them ({@link Fts5Tokens#of}) */
    static DocumentBounds of(List<String> tokens) {
        return of(tokens, Fts5Tokens.repeated(tokens), Fts5Tokens.prefixesRepeated(tokens));
    }

    /** With the tokens' repeats ({@link Fts5Tokens#repeated}) and the prefix keys' ({@link Fts5Tokens#prefixesRepeated}). */
    static DocumentBounds of(List<String> tokens, Map<String, Integer> words, Map<String, Integer> prefixes) {
        return new DocumentBounds(tokens.size(), Fts5Tokens.signature(tokens), filter(words, 2), filter(words, 3), filter(prefixes, 2),
                filter(prefixes, 3), highest(words), highest(prefixes));
    }

    /** The Bloom filter of the tokens repeated at least {@code times} times. */
    private static long filter(Map<String, Integer> counts, int times) {
        long filter = 0;
        for (Map.Entry<String, Integer> each : counts.entrySet()) {
            if (each.getValue() >= times) {
                filter |= bits(each.getKey());
            }
        }
        return filter;
    }

    /** The token's two bits (its hash mixed two ways other than {@link Fts5Tokens#bit}'s). */
    private static long bits(String token) {
        int hash = token.hashCode();
        return 1L << ((hash * 0x85EBCA6B) >>> 26) | 1L << ((hash * 0xC2B2AE35) >>> 26);
    }

    private static boolean holds(long filter, long bits) {
        return (filter & bits) == bits;
    }

    private static int highest(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /**
     * How often a phrase can occur in the document: the least over its tokens (a prefix token by its key's repeats,
     * {@link Fts5Tokens#prefixKey}) of 1, 2 or the highest count, by the filters the token is in.
     */
    int occurrences(List<String> phrase) {
        int fewest = Integer.MAX_VALUE;
        for (String token : phrase) {
            boolean prefix = Fts5Tokens.isPrefix(token);
            long bits = bits(prefix ? Fts5Tokens.prefixKey(token) : token);
            int bound = !holds(prefix ? prefixTwice : twice, bits) ? 1 : !holds(prefix ? prefixThrice : thrice, bits) ? 2
                    : prefix ? mostPrefix : most;
            fewest = Math.min(fewest, bound);
        }
        return fewest == Integer.MAX_VALUE ? 1 : Math.max(1, fewest);
    }
}
