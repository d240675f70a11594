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
 * The best hits of a query in relevance order without scoring every match. bm25 grows with a phrase's frequency in a
 * document and falls with the document's length, so a document's best possible score follows from its length and an
 * upper bound of each phrase's frequency; a phrase occurs at most as often as any one of its tokens. The index keeps every
 * document's length ({@code search_bound}, by category, type, length, position) and, for every token a document
 * holds more than once, how often ({@code search_repeats}, by token, count, length, position). The walk reads
 * <ul>
 *   <li>every document, shortest first: one whose query tokens each occur at most once scores at most
 *       {@link Bm25#score} with every frequency 1 at its length;</li>
 *   <li>for each query word, its token with the lowest highest count, and each count that token repeats with, those
 *       documents, shortest first: at most that count for this phrase and the other phrases' tokens' highest counts;</li>
 * </ul>
 * always from the source whose next document has the highest bound, scores each document exactly from its text, and
 * stops when no source's next document can beat the page's last hit (ties go to the lower position, as
 * {@code ORDER BY rank, rowid} breaks them). Answers null when it cannot answer exactly (a document whose tokens differ
 * from FTS5's count) or has read more than its budget; the caller then asks FTS5 to rank every match.
 */
final class RelevanceWalk {

    /** A document and its bm25 score (higher is better; FTS5's rank is its negation). */
    record Ranked(long position, double score) {
    }

    static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::score).reversed()
            .thenComparingLong(Ranked::position);

    private static final int BATCH = WalkGroup.BATCH;
    private static final int STANDS = WalkGroup.STANDS;
    private static final int FELL = WalkGroup.FELL;
    private static final int BUDGET = 40_000;

    private final Connection connection;
    private final List<List<String>> phrases;
    private final Signature signature;
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
    RelevanceWalk(Connection connection, List<List<String>> phrases, Signature signature, Bm25 bm25, SearchSql filters,
                  SearchCursor after, int wanted) {
        this.connection = connection;
        this.phrases = phrases;
        this.signature = signature;
        this.bm25 = bm25;
        this.filters = filters;
        this.after = after;
        this.wanted = wanted;
    }

    /** The best {@code wanted} hits, best first, or null (see the class comment). {@code groups}: (category, type) pairs to read. */
    List<Ranked> walk(List<String[]> groups) throws SQLException {
        return walk(groups, null);
    }

    /**
     * The best {@code wanted} hits among the given matches of the query (every one, filters applied, in ascending position) with
     * their FTS5 lengths,
     * best first, or null as {@link #walk}: the matches are the source of the documents whose bounding tokens do not repeat,
     * read shortest first from memory instead of every document of every group (most of which lack the words).
     */
    List<Ranked> walkMatches(long[] positions, int[] lengths) throws SQLException {
        return walk(List.of(), WalkGroup.Matches.of(positions, lengths));
    }

    /** {@code matches}: null, or the query's matches in (length, position) order, read instead of the groups' documents. */
    private List<Ranked> walk(List<String[]> groups, WalkGroup.Matches matches) throws SQLException {
        String where = filters.where().isEmpty() ? "" : " AND " + filters.where().substring(" WHERE ".length());
        // CROSS JOIN: the group's rows stay the outer loop, read in (length, position) order, whatever the statistics say
        // (with search_bound's index by position, SQLite chose to drive an amount filter's rows from their own index)
        String join = where.isEmpty() ? "" : " CROSS JOIN search_docs d ON d.position = s.position";
        String tokens = " AND " + signature.test("s");
        String every = "SELECT s.position, s.length FROM search_bound s%s WHERE s.category = ? AND s.type = ?"
                + " AND (s.length, s.position) > (?, ?) AND s.length <= ?" + tokens + "%s ORDER BY s.length, s.position LIMIT ";
        String repeated = "SELECT s.position, s.length FROM %s s%s WHERE s.token = ? AND s.count = ?"
                + " AND (s.length, s.position) > (?, ?) AND s.length <= ?" + tokens + "%s ORDER BY s.length, s.position LIMIT ";
        PriorityQueue<WalkGroup> heads = new PriorityQueue<>(Comparator.comparingDouble((WalkGroup group) -> -group.bound())
                .thenComparingLong(WalkGroup::position));
        try (PreparedStatement everyRow = connection.prepareStatement(String.format(every, join, where) + BATCH);
             PreparedStatement repeatedRow = connection.prepareStatement(String.format(repeated, "search_repeats", join, where) + BATCH);
             PreparedStatement prefixRow = connection.prepareStatement(String.format(repeated, "search_prefix_repeats", join, where) + BATCH);
             PreparedStatement everyPeek = connection.prepareStatement(String.format(every, "", "") + 1);
             PreparedStatement repeatedPeek = connection.prepareStatement(String.format(repeated, "search_repeats", "", "") + 1);
             PreparedStatement prefixPeek = connection.prepareStatement(String.format(repeated, "search_prefix_repeats", "", "") + 1);
             PreparedStatement anyPassing = connection.prepareStatement("SELECT 1" + filters.from() + filters.where()
                     + (where.isEmpty() ? " WHERE" : " AND") + " d.category = ? AND d.type = ? LIMIT 1");
             Documents documents = new Documents(connection)) {
            int[] ones = new int[phrases.size()];
            java.util.Arrays.fill(ones, 1);
            for (String[] key : groups) {
                if (where.isEmpty() || passes(anyPassing, key)) {
                    add(heads, new WalkGroup(filters, this::longest, everyRow, everyPeek, key[0], key[1], length -> bm25.score(ones, length), null));
                }
            }
            if (matches != null) {
                add(heads, new WalkGroup(filters, this::longest, matches, length -> bm25.score(ones, length)));
            }
            PhraseBounds bounding = PhraseBounds.of(connection, phrases);
            int[][] most = {bounding.most()};
            for (int phrase = 0; phrase < phrases.size(); phrase++) {
                int which = phrase;
                boolean prefix = Fts5Tokens.isPrefix(bounding.token(phrase));
                for (int count : bounding.counts(phrase)) {
                    add(heads, new WalkGroup(filters, this::longest, prefix ? prefixRow : repeatedRow, prefix ? prefixPeek : repeatedPeek, bounding.token(phrase), count, length -> {
                        int[] frequencies = most[0].clone();
                        frequencies[which] = count;
                        return bm25.score(frequencies, length);
                    }, () -> {
                        bounding.ended(which, count);
                        most[0] = bounding.most();
                    }));
                }
            }
            java.util.Set<Long> seen = new java.util.HashSet<>();
            List<Long> batch = new ArrayList<>(BATCH);
            while (!heads.isEmpty() || !batch.isEmpty()) {
                WalkGroup group = heads.poll();
                int refreshed = group == null ? STANDS : group.refresh();
                if (refreshed != STANDS) {
                    if (refreshed == FELL) {
                        // its bound fell (a phrase's repeats were all read, or its head was only a guess): back in order
                        heads.add(group);
                    }
                    continue;
                }
                if (group != null && (best.size() < wanted || couldEnter(group))) {
                    if (seen.add(group.position())) {
                        batch.add(group.position());
                    }
                    if (group.next()) {
                        heads.add(group);
                    }
                } else if (group != null && group.bound() == best.last().score()) {
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

    /**
     * The best {@code wanted} hits among the documents passing the filters, when they are few enough to be read one by one
     * with their bounds: each one's length, signature and repeats ({@link DocumentBounds}) are kept in its own row, so in the
     * filter's index, and the statement reads that index alone (no join, no seek per document);
     * then scored best bound first until no document left could enter the page. Null as {@link #walk}.
     */
    List<Ranked> walkPassing() throws SQLException {
        String select = "SELECT d.position, d." + String.join(", d.", DocumentBounds.COLUMNS) + filters.from() + filters.where()
                + (filters.where().isEmpty() ? " WHERE " : " AND ") + signature.test("d");
        List<double[]> candidates = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            filters.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                int[] frequencies = new int[phrases.size()];
                while (rows.next()) {
                    DocumentBounds bounds = new DocumentBounds(rows.getInt(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                            rows.getLong(6), rows.getLong(7), rows.getInt(8), rows.getInt(9));
                    for (int phrase = 0; phrase < frequencies.length; phrase++) {
                        frequencies[phrase] = bounds.occurrences(phrases.get(phrase));
                    }
                    candidates.add(new double[] {bm25.score(frequencies, rows.getInt(2)), rows.getLong(1)});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((double[] candidate) -> -candidate[0]).thenComparingDouble(candidate -> candidate[1]));
        List<Long> batch = new ArrayList<>(BATCH);
        try (Documents documents = new Documents(connection)) {
            for (int index = 0; index < candidates.size(); ) {
                double[] candidate = candidates.get(index);
                if (best.size() < wanted || couldEnter(candidate[0], (long) candidate[1])) {
                    batch.add((long) candidate[1]);
                    index++;
                    if (batch.size() < BATCH && index < candidates.size()) {
                        continue;
                    }
                } else if (batch.isEmpty()) {
                    break;
                }
                // a full batch, the last candidate, or one that cannot enter the page as it stands: score what is waiting
                if (!score(batch, documents, false)) {
                    return null;
                }
                batch.clear();
            }
        }
        return new ArrayList<>(best);
    }

    /** Whether any document of the (category, type) group passes the filters. */
    private boolean passes(PreparedStatement anyPassing, String[] group) throws SQLException {
        int next = filters.bind(anyPassing);
        anyPassing.setString(next, group[0]);
        anyPassing.setString(next + 1, group[1]);
        try (ResultSet row = anyPassing.executeQuery()) {
            return row.next();
        }
    }

    /**
     * The longest length at which a document of the group could still enter the page (its bound falls with length),
     * or no limit while the page is not full.
     */
    private long longest(java.util.function.IntToDoubleFunction bounds) {
        if (best.size() < wanted) {
            return Integer.MAX_VALUE;
        }
        double last = best.last().score();
        int low = 0;
        int high = Integer.MAX_VALUE;
        if (bounds.applyAsDouble(0) < last) {
            return -1;
        }
        while (low < high) {
            int middle = (int) (((long) low + high + 1) / 2);
            if (bounds.applyAsDouble(middle) >= last) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static void add(PriorityQueue<WalkGroup> heads, WalkGroup group) throws SQLException {
        if (group.start()) {
            heads.add(group);
        }
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

    /** How many documents were scored. */
    int read() {
        return read;
    }

    private boolean couldEnter(WalkGroup group) {
        return couldEnter(group.bound(), group.position());
    }

    private boolean couldEnter(double bound, long position) {
        Ranked last = best.last();
        return bound > last.score() || bound == last.score() && position < last.position();
    }

    private boolean score(List<Long> positions, Documents documents, boolean budgeted) throws SQLException {
        read += positions.size();
        if (budgeted && read > BUDGET) {
            return false;
        }
        int[] frequencies = new int[phrases.size()];
        for (Documents.Document document : documents.read(positions)) {
            if (Fts5Tokens.lacksAny(document.text(), phrases)) {
                continue;
            }
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
}
