package dev.eventscope.projection.sqlite.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads documents' text and FTS5's token count of them from the full-text table's own storage
 * ({@code search_text_content} and {@code search_text_docsize}, which FTS5 keeps for every row), by position.
 */
final class Documents implements AutoCloseable {

    /** A document: its position, its text and how many tokens FTS5 counted in it. */
    record Document(long position, String text, int length) {
    }

    private static final int AT_ONCE = 64;

    private final PreparedStatement select;

    Documents(Connection connection) throws SQLException {
        this.select = connection.prepareStatement("SELECT c.id, c.c0, s.sz FROM search_text_content c JOIN search_text_docsize s ON s.id = c.id"
                + " WHERE c.id IN (" + String.join(",", Collections.nCopies(AT_ONCE, "?")) + ")");
    }

    List<Document> read(List<Long> positions) throws SQLException {
        List<Document> documents = new ArrayList<>(positions.size());
        for (int from = 0; from < positions.size(); from += AT_ONCE) {
            List<Long> part = positions.subList(from, Math.min(positions.size(), from + AT_ONCE));
            for (int index = 0; index < AT_ONCE; index++) {
                select.setLong(index + 1, index < part.size() ? part.get(index) : -1);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    documents.add(new Document(rows.getLong(1), rows.getString(2), (int) varint(rows.getBytes(3), new int[1])));
                }
            }
        }
        return documents;
    }

    /** Reads one SQLite varint (big-endian groups of seven bits, the ninth byte whole) at {@code at[0]} and moves past it. */
    static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int index = 0; index < 8; index++) {
            int octet = bytes[at[0]++] & 0xff;
            value = (value << 7) | (octet & 0x7f);
            if ((octet & 0x80) == 0) {
                return value;
            }
        }
        return (value << 8) | (bytes[at[0]++] & 0xff);
    }

    @Override
    public void close() throws SQLException {
        select.close();
    }
}
