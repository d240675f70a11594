package dev.eventscope.projection.sqlite.search;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of the index that a prefix longer than FTS5's prefix lists begins ({@code main*}: main), from FTS5's own
 * vocabulary ({@code fts5vocab}, a temporary table of this connection; the index file is not changed). A document holds the
 * prefix exactly when it holds one of them, so:
 * <ul>
 *   <li>one term: the prefix is that word for the walk (same documents, same frequencies, the word's repeats as its bound and
 *       its signature bit), and the page's documents are looked up with the word, not a merge of the prefix's lists;</li>
 *   <li>a few terms ({@link #MOST} at most): a document lacking all their signature bits lacks the prefix, and the walk's SQL
 *       drops it before reading it;</li>
 *   <li>more: nothing is known (null).</li>
 * </ul>
 * Listed once per index checkpoint (the vocabulary counts each term's documents as it goes: one pass over the terms'
 * lists, about 25 ms for a word in a million documents) and kept until new documents are added.
 */
final class PrefixTerms {

    /** Up to this many terms, their signature bits are a test worth making (64 bits: more would set most of them). */
    static final int MOST = 16;

    private final Connection connection;
    private final Map<String, Object[]> known = new HashMap<>();
    private boolean created;

    PrefixTerms(Connection connection) {
        this.connection = connection;
    }

    /** Forgets the lists (the index was cleared). */
    void forget() {
        known.clear();
    }

    /**
     * The terms a prefix token ({@code main*}) begins, at most {@link #MOST}, or null when there are more or the prefix is one
     * FTS5 keeps a list of (up to {@link Fts5Tokens#KEPT_PREFIX} characters: those have their own exact repeats).
     */
    List<String> of(String prefixToken, long checkpoint) throws SQLException {
        String bare = prefixToken.substring(0, prefixToken.length() - 1);
        if (bare.codePointCount(0, bare.length()) <= Fts5Tokens.KEPT_PREFIX) {
            return null;
        }
        Object[] listed = known.get(bare);
        if (listed == null || (long) listed[0] != checkpoint) {
            listed = new Object[] {checkpoint, list(bare)};
            known.put(bare, listed);
        }
        @SuppressWarnings("unchecked")
        List<String> terms = (List<String>) listed[1];
        return terms;
    }

    private List<String> list(String bare) throws SQLException {
        if (!created) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search_text, row)");
            }
            created = true;
        }
        // FTS5 compares terms as UTF-8 bytes: those beginning with the prefix lie from its bytes up to (not including) the
        // same bytes with the last one raised by one (no byte of UTF-8 is 0xFF, so that cannot overflow)
        byte[] from = bare.getBytes(StandardCharsets.UTF_8);
        byte[] until = Arrays.copyOf(from, from.length);
        until[until.length - 1]++;
        List<String> terms = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT term FROM temp.search_terms WHERE term >= ? AND term < CAST(? AS TEXT) LIMIT " + (MOST + 1))) {
            select.setString(1, bare);
            select.setBytes(2, until);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    terms.add(rows.getString(1));
                }
            }
        }
        return terms.size() > MOST ? null : terms;
    }
}
