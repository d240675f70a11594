package dev.eventscope.projection.sqlite.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * How often each query phrase can occur in a document, for the {@link RelevanceWalk}: a phrase occurs at most as often as
 * any one of its tokens, so each phrase is bounded by the token that repeats least (a prefix token by its first characters'
 * repeats: a token beginning with the prefix begins with them), at most its highest count among the groups of that token not
 * yet read to their end (1 once all are, or when it repeats in no document).
 */
final class PhraseBounds {

    private final List<String> tokens = new ArrayList<>();
    private final List<TreeSet<Integer>> counts = new ArrayList<>();
    private final int[] most;

    private PhraseBounds(int phrases) {
        most = new int[phrases];
    }

    static PhraseBounds of(Connection connection, List<List<String>> phrases) throws SQLException {
        PhraseBounds bounds = new PhraseBounds(phrases.size());
        for (List<String> phrase : phrases) {
            List<Integer> fewest = null;
            String token = null;
            for (String each : new LinkedHashSet<>(phrase)) {
                String key = Fts5Tokens.isPrefix(each) ? Fts5Tokens.prefixKey(each) : each;
                List<Integer> repeats = counts(connection, key);
                if (fewest == null || highest(repeats) < highest(fewest)) {
                    fewest = repeats;
                    token = key;
                }
            }
            bounds.most[bounds.tokens.size()] = highest(fewest);
            bounds.tokens.add(token);
            bounds.counts.add(new TreeSet<>(fewest));
        }
        return bounds;
    }

    /** The phrase's bounding token, or prefix key ({@code ab*}, repeats kept in {@code search_prefix_repeats}). */
    String token(int phrase) {
        return tokens.get(phrase);
    }

    /** The counts (2 or more) the phrase's bounding token repeats with in documents not yet read to their end. */
    List<Integer> counts(int phrase) {
        return new ArrayList<>(counts.get(phrase));
    }

    /** Each phrase's highest count (a copy). */
    int[] most() {
        return most.clone();
    }

    /** The documents in which the phrase's bounding token repeats {@code count} times were all read: its highest count may fall. */
    void ended(int phrase, int count) {
        counts.get(phrase).remove(count);
        most[phrase] = counts.get(phrase).isEmpty() ? 1 : counts.get(phrase).last();
    }

    private static int highest(List<Integer> counts) {
        return counts.isEmpty() ? 1 : counts.get(counts.size() - 1);
    }

    /** The counts (2 or more) the token (or prefix key) repeats with in some document, lowest first: one seek per count. */
    private static List<Integer> counts(Connection connection, String token) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement("SELECT count FROM "
                + (Fts5Tokens.isPrefix(token) ? "search_prefix_repeats" : "search_repeats") + " WHERE token = ? AND count > ? ORDER BY count LIMIT 1")) {
            int after = 1;
            while (true) {
                next.setString(1, token);
                next.setInt(2, after);
                try (ResultSet row = next.executeQuery()) {
                    if (!row.next()) {
                        return counts;
                    }
                    after = row.getInt(1);
                    counts.add(after);
                }
            }
        }
    }
}
