package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchHit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A relevance page's documents and FTS5 snippets, looked up by position once the page's positions are known.
 * <p>
 * A prefix longer than FTS5's prefix lists that begins several terms ({@code B001*}: 100,000 entry ids) is a merge of all
 * its terms' lists at every look-up, so such a page was read with one scan of the matches ({@code rowid + 0 IN}), a merge
 * of the whole prefix once more (about as dear as finding the page). Instead, each document is looked up with the prefix
 * replaced by the one term it begins in that document: FTS5 then finds the same instances at the same offsets, so
 * {@code snippet()} highlights and chooses exactly as it would with the prefix. A document in which the prefix begins
 * several terms (or whose tokens this code would count differently from FTS5) is looked up the old way.
 */
final class RelevancePage {

    /** The page's full-text match: each word's phrase, and the tokens of each prefix FTS5 merges at every look-up (else null). */
    record Match(List<String> phrases, List<List<String>> merged) {

        boolean merging() {
            return merged.stream().anyMatch(Objects::nonNull);
        }

        String expression() {
            return String.join(" AND ", phrases);
        }
    }

    private static final String SELECT = "SELECT d.position, d.stream, d.type, d.user, d.command, d.recorded_at, d.entry_date, d.entry_id,"
            + " snippet(search_text, 0, '[', ']', '…', 12) FROM search_text CROSS JOIN search_docs d ON d.position = search_text.rowid"
            + " WHERE search_text MATCH ? AND search_text.rowid";

    private RelevancePage() {
    }

    /** A phrase of the tokens (already FTS5's) followed by one more. */
    static String phrase(List<String> tokens, String last) {
        List<String> all = new ArrayList<>(tokens);
        all.add(last);
        return "\"" + String.join(" ", all) + "\"";
    }

    /** The hits at the positions (each a match of {@code match}), by position. */
    static Map<Long, SearchHit> hits(Connection connection, Match match, List<Long> page) throws SQLException {
        Map<Long, SearchHit> found = new HashMap<>();
        List<Long> scanned = new ArrayList<>(page);
        if (match.merging()) {
            try (Documents documents = new Documents(connection);
                 PreparedStatement one = connection.prepareStatement(SELECT + " = ?")) {
                for (Documents.Document document : documents.read(page)) {
                    String exact = exact(match, document);
                    if (exact != null) {
                        one.setString(1, exact);
                        one.setLong(2, document.position());
                        read(one, found);
                    }
                }
            }
            scanned.removeAll(found.keySet());
        }
        if (!scanned.isEmpty()) {
            // "+ 0" (a long prefix's merge): one scan of the matches, the IN not made a look-up per hit
            try (PreparedStatement documents = connection.prepareStatement(SELECT + (match.merging() ? " + 0" : "") + " IN ("
                    + String.join(",", Collections.nCopies(scanned.size(), "?")) + ")")) {
                documents.setString(1, match.expression());
                for (int index = 0; index < scanned.size(); index++) {
                    documents.setLong(index + 2, scanned.get(index));
                }
                read(documents, found);
            }
        }
        return found;
    }

    private static void read(PreparedStatement statement, Map<Long, SearchHit> into) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                into.put(rows.getLong(1), SqliteSearchIndex.hit(rows));
            }
        }
    }

    /**
     * The match with each merged prefix replaced by the one term it begins in the document, or null when it begins several
     * there (or none) or the document's tokens are not FTS5's count of them.
     */
    static String exact(Match match, Documents.Document document) {
        List<String> tokens = Fts5Tokens.of(document.text());
        if (tokens.size() != document.length()) {
            return null;
        }
        List<String> phrases = new ArrayList<>(match.phrases());
        for (int word = 0; word < phrases.size(); word++) {
            List<String> prefix = match.merged().get(word);
            if (prefix == null) {
                continue;
            }
            String last = prefix.get(prefix.size() - 1);
            String bare = last.substring(0, last.length() - 1);
            Set<String> begun = new HashSet<>();
            for (String token : tokens) {
                if (token.startsWith(bare)) {
                    begun.add(token);
                }
            }
            if (begun.size() != 1) {
                return null;
            }
            phrases.set(word, phrase(prefix.subList(0, prefix.size() - 1), begun.iterator().next()));
        }
        return String.join(" AND ", phrases);
    }
}
