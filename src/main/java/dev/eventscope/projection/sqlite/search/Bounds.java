package dev.eventscope.projection.sqlite.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Writes what the {@link RelevanceWalk} reads of a document: its length, the tokens and short prefixes it repeats, its (category, type)
 * group, and its tokens' signature (one bit of 64 per token), which rules out most documents lacking a query word
 * before their text is read.
 */
final class Bounds implements AutoCloseable {

    private final PreparedStatement bound;
    private final PreparedStatement repeats;
    private final PreparedStatement prefixes;
    private final PreparedStatement group;
    private final PreparedStatement values;
    /** The value kept under "amount" for a group some document of which has an amount (an amount filter leaves the others out). */
    static final String ANY = "*";
    private final java.util.Set<List<String>> written = new java.util.HashSet<>();

    Bounds(Connection connection) throws SQLException {
        bound = connection.prepareStatement("INSERT OR REPLACE INTO search_bound VALUES (?,?,?,?,?)");
        repeats = connection.prepareStatement("INSERT OR REPLACE INTO search_repeats VALUES (?,?,?,?,?)");
        prefixes = connection.prepareStatement("INSERT OR REPLACE INTO search_prefix_repeats VALUES (?,?,?,?,?)");
        group = connection.prepareStatement("INSERT OR IGNORE INTO search_bound_groups VALUES (?,?)");
        values = connection.prepareStatement("INSERT OR IGNORE INTO search_group_values VALUES (?,?,?,?)");
    }

    /**
     * Keeps, per (category, type) group, every user, command and account its documents name ({@code search_group_values}), so
     * a walk leaves out a group none of whose documents can pass a user, command or account filter without looking for one
     * (which read every document passing the filter: about 60 ms for the 242,424 postings under assets:bank). Filled once
     * from the documents of an index made before the table was.
     */
    static void keepGroupValues(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS search_group_values(category TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,"
                    + " value TEXT NOT NULL, PRIMARY KEY(category, type, name, value)) WITHOUT ROWID");
            try (ResultSet kept = statement.executeQuery("SELECT 1 FROM search_state WHERE key = 'group_amounts'")) {
                if (!kept.next()) {
                    // session 13: with an amount filter, the walk looked through the filter's rows for one in a group without amounts
                    statement.execute("INSERT OR IGNORE INTO search_group_values SELECT DISTINCT category, type, 'amount', '" + ANY
                            + "' FROM search_docs WHERE amount_e4 IS NOT NULL");
                    statement.execute("INSERT OR REPLACE INTO search_state VALUES ('group_amounts', '1')");
                }
            }
            try (ResultSet kept = statement.executeQuery("SELECT 1 FROM search_state WHERE key = 'group_values'")) {
                if (kept.next()) {
                    return;
                }
            }
            for (String column : new String[] {"user", "command", "account"}) {
                statement.execute("INSERT OR IGNORE INTO search_group_values SELECT DISTINCT category, type, '" + column + "', " + column
                        + " FROM search_docs WHERE " + column + " IS NOT NULL");
            }
            statement.execute("INSERT OR REPLACE INTO search_state VALUES ('group_values', '1')");
        }
    }

    /** Writes the document's rows of the walk's tables; returns its bounds, which its {@code search_docs} row keeps. */
    DocumentBounds add(long position, String category, String type, String text, String... named) throws SQLException {
        String[] names = {"user", "command", "account", "amount"};
        for (int index = 0; index < named.length; index++) {
            if (named[index] != null && written.add(List.of(category, type, names[index], named[index]))) {
                values.setString(1, category);
                values.setString(2, type);
                values.setString(3, names[index]);
                values.setString(4, named[index]);
                values.addBatch();
            }
        }
        List<String> tokens = Fts5Tokens.of(text);
        long signature = Fts5Tokens.signature(tokens);
        bound.setString(1, category);
        bound.setString(2, type);
        bound.setInt(3, tokens.size());
        bound.setLong(4, position);
        bound.setLong(5, signature);
        bound.addBatch();
        Map<String, Integer> repeatedTokens = Fts5Tokens.repeated(tokens);
        Map<String, Integer> repeatedPrefixes = Fts5Tokens.prefixesRepeated(tokens);
        repeats(repeats, repeatedTokens, tokens.size(), position, signature);
        repeats(prefixes, repeatedPrefixes, tokens.size(), position, signature);
        group.setString(1, category);
        group.setString(2, type);
        group.addBatch();
        return DocumentBounds.of(tokens, repeatedTokens, repeatedPrefixes);
    }

    private static void repeats(PreparedStatement insert, Map<String, Integer> repeated, int length, long position, long signature)
            throws SQLException {
        for (Map.Entry<String, Integer> each : repeated.entrySet()) {
            insert.setString(1, each.getKey());
            insert.setInt(2, each.getValue());
            insert.setInt(3, length);
            insert.setLong(4, position);
            insert.setLong(5, signature);
            insert.addBatch();
        }
    }

    void flush() throws SQLException {
        bound.executeBatch();
        repeats.executeBatch();
        prefixes.executeBatch();
        group.executeBatch();
        values.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        bound.close();
        repeats.close();
        prefixes.close();
        group.close();
        values.close();
    }
}
