package dev.eventscope.projection.sqlite.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    Bounds(Connection connection) throws SQLException {
        bound = connection.prepareStatement("INSERT OR REPLACE INTO search_bound VALUES (?,?,?,?,?)");
        repeats = connection.prepareStatement("INSERT OR REPLACE INTO search_repeats VALUES (?,?,?,?,?)");
        prefixes = connection.prepareStatement("INSERT OR REPLACE INTO search_prefix_repeats VALUES (?,?,?,?,?)");
        group = connection.prepareStatement("INSERT OR IGNORE INTO search_bound_groups VALUES (?,?)");
    }

    void add(long position, String category, String type, String text) throws SQLException {
        List<String> tokens = Fts5Tokens.of(text);
        long signature = Fts5Tokens.signature(tokens);
        bound.setString(1, category);
        bound.setString(2, type);
        bound.setInt(3, tokens.size());
        bound.setLong(4, position);
        bound.setLong(5, signature);
        bound.addBatch();
        repeats(repeats, Fts5Tokens.repeated(tokens), tokens.size(), position, signature);
        repeats(prefixes, Fts5Tokens.prefixesRepeated(tokens), tokens.size(), position, signature);
        group.setString(1, category);
        group.setString(2, type);
        group.addBatch();
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
    }

    @Override
    public void close() throws SQLException {
        bound.close();
        repeats.close();
        prefixes.close();
        group.close();
    }
}
