package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The best hits of a query in relevance order without scoring every match. Each document's length and the most
 * times one token repeats in it are kept in {@code search_bound}, ordered by (category, type, repeats, length,
 * position); a phrase occurs in a document at most that many times, so {@link Bm25#bound} of those two figures is
 * the best score the document can have. The walk reads the groups (one per category, type and repeats) shortest
 * document first, always from the group whose next document has the highest bound, scores each document exactly
 * from its text, and stops when no unread document can beat the page's last hit (ties go to the lower position,
 * as {@code ORDER BY rank, rowid} breaks them). Answers null when it cannot answer exactly (a prefix word, a word
 * without letters or digits, a document whose tokens differ from FTS5's count) or has read more than its budget;
 * the caller then asks FTS5 to rank every match.
 */
final class RelevanceWalk {

    /** A document and its bm25 score (higher is better; FTS5's rank is its negation). */
    record Ranked(long position, double score) {
    }

    static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::score).reversed()
            .thenComparingLong(Ranked::position);

    private static final int BATCH = 64;
    private static final int BUDGET = 40_000;

    private final Connection connection;
    private final List<List<String>> phrases;
    private final Bm25 bm25;
    private final SearchSql filters;
    private final SearchCursor after;
    private final int wanted;
    private final TreeSet<Ranked> best = new TreeSet<>(BEST_FIRST);
    private int read;

    /**
     * @param phrases  each query word's tokens
     * @param filters  the query's filters alone (the query without words), over {@code search_docs d}
     * @param after    only hits after this key (may be null)
     * @param wanted   how many hits in relevance order (after {@code after}) are asked for
     */
    RelevanceWalk(Connection connection, List<List<String>> phrases, Bm25 bm25, SearchSql filters, SearchCursor after, int wanted) {
        this.connection = connection;
        this.phrases = phrases;
        this.bm25 = bm25;
        this.filters = filters;
        this.after = after;
        this.wanted = wanted;
    }

    /** The best {@code wanted} hits, best first, or null (see the class comment). */
    List<Ranked> walk(List<String[]> groups) throws SQLException {
        String where = filters.where().isEmpty() ? "" : " AND " + filters.where().substring(" WHERE ".length());
        String sql = "SELECT b.position, b.length FROM search_bound b" + (where.isEmpty() ? "" : " JOIN search_docs d ON d.position = b.position")
                + " WHERE b.category = ? AND b.type = ? AND b.repeats = ? AND (b.length, b.position) > (?, ?)" + where
                + " ORDER BY b.length, b.position LIMIT " + BATCH;
        PriorityQueue<Group> heads = new PriorityQueue<>(Comparator.comparingDouble((Group group) -> -group.bound())
                .thenComparingLong(Group::position));
        try (PreparedStatement rows = connection.prepareStatement(sql);
             Documents documents = new Documents(connection)) {
            for (String[] key : groups) {
                Group group = new Group(key[0], key[1], Integer.parseInt(key[2]), rows);
                if (group.advance(0, 0)) {
                    heads.add(group);
                }
            }
            List<Long> batch = new ArrayList<>(BATCH);
            while (!heads.isEmpty() || !batch.isEmpty()) {
                Group group = heads.poll();
                if (group != null && (best.size() < wanted || couldEnter(group))) {
                    batch.add(group.position());
                    if (group.next()) {
                        heads.add(group);
                    }
                } else if (group != null && best.size() >= wanted && group.bound() == best.last().score()) {
                    // equal bound, higher position: nothing more of this length in the group can enter
                    if (group.advance(group.length(), Long.MAX_VALUE)) {
                        heads.add(group);
                    }
                }
                if (batch.size() == BATCH || heads.isEmpty() && !batch.isEmpty()) {
                    if (!score(batch, documents, true)) {
                        return null;
                    }
                    batch.clear();
                }
            }
        }
        return new ArrayList<>(best);
    }

    /** Every one of the documents scored (no budget: the caller keeps them few), the best {@code wanted} kept. */
    List<Ranked> scoreAll(List<Long> positions) throws SQLException {
        try (Documents documents = new Documents(connection)) {
            for (int from = 0; from < positions.size(); from += BATCH) {
                if (!score(positions.subList(from, Math.min(positions.size(), from + BATCH)), documents, false)) {
                    return null;
                }
            }
        }
        return new ArrayList<>(best);
    }

    private boolean couldEnter(Group group) {
        Ranked last = best.last();
        return group.bound() > last.score() || group.bound() == last.score() && group.position() < last.position();
    }

    private boolean score(List<Long> positions, Documents documents, boolean budgeted) throws SQLException {
        read += positions.size();
        if (budgeted && read > BUDGET) {
            return false;
        }
        int[] frequencies = new int[phrases.size()];
        for (Documents.Document document : documents.read(positions)) {
            List<String> tokens = Fts5Tokens.of(document.text());
            if (tokens.size() != document.length()) {
                return false;
            }
            boolean all = true;
            for (int phrase = 0; phrase < phrases.size() && all; phrase++) {
                frequencies[phrase] = Fts5Tokens.occurrences(phrases.get(phrase), tokens);
                all = frequencies[phrase] > 0;
            }
            if (all) {
                offer(new Ranked(document.position(), bm25.score(frequencies, document.length())));
            }
        }
        return true;
    }

    private void offer(Ranked hit) {
        if (after != null && BEST_FIRST.compare(hit, new Ranked(after.position(), -after.rank())) <= 0) {
            return;
        }
        best.add(hit);
        if (best.size() > wanted) {
            best.pollLast();
        }
    }

    /** One (category, type, repeats) group read in (length, position) order, a batch of rows at a time. */
    private final class Group {
        private final String category;
        private final String type;
        private final int repeats;
        private final PreparedStatement rows;
        private final List<long[]> buffer = new ArrayList<>();
        private int next;
        private double bound;

        Group(String category, String type, int repeats, PreparedStatement rows) {
            this.category = category;
            this.type = type;
            this.repeats = repeats;
            this.rows = rows;
        }

        long position() {
            return buffer.get(next)[0];
        }

        int length() {
            return (int) buffer.get(next)[1];
        }

        double bound() {
            return bound;
        }

        /** Moves to the following document; false at the group's end. */
        boolean next() throws SQLException {
            next++;
            if (next < buffer.size()) {
                bound = bm25.bound(repeats, length());
                return true;
            }
            long[] last = buffer.get(buffer.size() - 1);
            return buffer.size() == BATCH && advance(last[1], last[0]);
        }

        /** Reads the documents after (length, position); false when there are none. */
        boolean advance(long length, long position) throws SQLException {
            rows.setString(1, category);
            rows.setString(2, type);
            rows.setInt(3, repeats);
            rows.setLong(4, length);
            rows.setLong(5, position);
            filters.bind(rows, 6);
            buffer.clear();
            next = 0;
            try (ResultSet found = rows.executeQuery()) {
                while (found.next()) {
                    buffer.add(new long[] {found.getLong(1), found.getLong(2)});
                }
            }
            if (buffer.isEmpty()) {
                return false;
            }
            bound = bm25.bound(repeats, length());
            return true;
        }
    }
}
