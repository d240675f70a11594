package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses how to find a query's best hits in bm25 order, exactly as FTS5's {@code ORDER BY rank, rowid} orders them:
 * <ul>
 *   <li>a word found in few documents: FTS5 ranks every match (cheap when there are few); answered by null; with a prefix
 *       word (FTS5 is slow to rank those even when few) the matches are read in position order and scored here;</li>
 *   <li>a long prefix of very many terms: its matches, shortest first ({@link RelevanceWalk#walkMatches}, with the lengths
 *       kept in memory by {@link DocumentLengths});</li>
 *   <li>filters that few documents pass: those documents are scored, each from its text;</li>
 *   <li>filters that some more pass: those documents are read with their bounds and scored best bound first
 *       ({@link RelevanceWalk#walkPassing});</li>
 *   <li>otherwise the {@link RelevanceWalk}, which scores only the documents that could still make the page.</li>
 * </ul>
 * bm25 needs each word's number of documents; FTS5 counts them over the whole index for every query, which is most
 * of its cost on a common word. Here they are read from the counts the index keeps ({@link DocumentCounts}).
 */
final class RelevanceRanking {

    /** FTS5 ranks up to this many matches in about 30 ms (1.5 µs each, benchmarks-search.md). */
    static final long FEW_MATCHES = 20_000;
    /**
     * Up to this many documents passing the filters are scored one by one (a few µs each, but each one's text read); more are
     * walked with the bounds their filter's index keeps (session 15: 4,300 scored became about 100).
     */
    static final int FEW_FILTERED = 256;

    /** Up to this many documents passing the filters are read with their bounds (about 4 µs each) and the best scored. */
    static final int FEW_PASSING = 25_000;
    /** A long prefix beginning more terms than {@link PrefixTerms#MOST} is left to FTS5 up to this many times {@code fewMatches}. */
    static final long MANY_TERMS_MATCHES = 10;

    /** How the last query was answered (tests and the benchmark say which path they measured). */
    enum Route { FTS5_RANKS_ALL, MATCHES_SCORED, MATCHES_WALK, FILTERED_SCORED, PASSING_WALK, WALK, WALK_GAVE_UP }

    private final Connection connection;
    private final PrefixTerms prefixTerms;
    private final DocumentLengths lengths;
    private final DocumentCounts counts;
    private Route lastRoute;
    private int lastRead;
    private final long fewMatches;
    private final int fewFiltered;
    private final int fewPassing;
    /** Per phrase: the checkpoint it was counted up to and its number of documents then. */
    private final Map<String, long[]> phraseRows = new HashMap<>();

    /** With other thresholds (a test's small ledgers make every path reachable). */
    RelevanceRanking(Connection connection, DocumentLengths lengths, long fewMatches, int fewFiltered, int fewPassing) {
        this.connection = connection;
        this.prefixTerms = new PrefixTerms(connection);
        this.lengths = lengths;
        this.counts = new DocumentCounts(connection);
        this.fewMatches = fewMatches;
        this.fewFiltered = fewFiltered;
        this.fewPassing = fewPassing;
    }

    /** The phrases' document counts this ranking reads (the index keeps them with every batch). */
    DocumentCounts counts() {
        return counts;
    }

    /** Forgets the counts (the index was cleared). */
    void forget() {
        phraseRows.clear();
        prefixTerms.forget();
        lengths.forget();
    }

    /**
     * The full-text match with which the page's documents are looked up: each word's phrase, and for a prefix longer than FTS5's
     * prefix lists that begins several terms (a merge of their lists at every look-up, about 20 ms for main*), its tokens
     * ({@link RelevancePage} looks such a page up by one scan of the matches, or each document by the one term it holds); a
     * prefix beginning one term is looked up as that word (same snippet).
     */
    RelevancePage.Match pageMatch(String text, long checkpoint) throws SQLException {
        List<String> phrases = new ArrayList<>();
        List<List<String>> merged = new ArrayList<>();
        for (String word : SearchSql.words(text)) {
            List<String> tokens = SearchSql.isPrefix(word) ? Fts5Tokens.prefixed(word.substring(0, word.length() - 1)) : List.of();
            List<String> begun = tokens.isEmpty() ? null : prefixTerms.of(tokens.get(tokens.size() - 1), checkpoint);
            boolean one = begun != null && begun.size() == 1;
            boolean merging = !tokens.isEmpty() && !one && Fts5Tokens.prefixKey(tokens.get(tokens.size() - 1)).length() < tokens.get(tokens.size() - 1).length();
            merged.add(merging ? tokens : null);
            phrases.add(one ? RelevancePage.phrase(tokens.subList(0, tokens.size() - 1), begun.get(0)) : SearchSql.phrases(word).get(0));
        }
        return new RelevancePage.Match(phrases, merged);
    }

    /**
     * The best {@code wanted} hits after {@code after} (null: from the best), best first; null when FTS5 should rank
     * every match instead (few matches, or a query the walk cannot answer exactly).
     */
    List<RelevanceWalk.Ranked> best(SearchQuery query, SearchCursor after, int wanted, long checkpoint) throws SQLException {
        lastRead = 0;
        lastRoute = Route.FTS5_RANKS_ALL;
        if (fewMatches == Long.MAX_VALUE) {
            return null;
        }
        List<String> words = SearchSql.words(query.text());
        List<List<String>> phrases = new ArrayList<>();
        List<List<String>> terms = new ArrayList<>();
        List<String> single = new ArrayList<>();
        boolean prefix = false;
        boolean manyTerms = false;
        for (String word : words) {
            Word read = word(word, checkpoint);
            if (read == null) {
                lastRoute = Route.FTS5_RANKS_ALL;
                return null;
            }
            boolean prefixWord = SearchSql.isPrefix(word);
            manyTerms |= prefixWord && read.begun() == null
                    && Fts5Tokens.prefixKey(read.tokens().get(read.tokens().size() - 1)).length() < read.tokens().get(read.tokens().size() - 1).length();
            prefix |= prefixWord;
            single.add(read.single());
            phrases.add(read.tokens());
            terms.add(read.begun());
        }
        List<String> expressions = SearchSql.phrases(query.text());
        long[] rows = new long[expressions.size()];
        long fewest = Long.MAX_VALUE;
        for (int phrase = 0; phrase < rows.length; phrase++) {
            rows[phrase] = rowsWith(expressions.get(phrase), single.get(phrase), checkpoint);
            fewest = Math.min(fewest, rows[phrase]);
        }
        lastRead = 0;
        if (fewest <= fewMatches && !prefix) {
            lastRoute = Route.FTS5_RANKS_ALL;
            return null;
        }
        long[] totals = totals();
        SearchSql filters = SearchSql.of(query.withText(""));
        RelevanceWalk walk = new RelevanceWalk(connection, phrases, Signature.of(phrases, terms),
                Bm25.of(connection, totals[0], totals[1], rows), filters, after, wanted);
        if (fewest <= fewMatches) {
            return answered(walk, walk.scoreAll(positions(SearchSql.of(query.withOrder(SearchQuery.Order.POSITION)), fewMatches)),
                    Route.MATCHES_SCORED);
        }
        if (manyTerms) {
            // a long prefix of very many terms (B001*: 100,000 entry ids) gives the walk no signature and only its first
            // three characters' repeats as a bound: its matches are read (what FTS5 does before it ranks them) with their
            // lengths from memory, and walked shortest first
            long[] matches = lengths.ready() ? allPositions(query, filters) : null;
            int[] lengthsOf = matches == null ? null : lengths.of(matches, connection);
            if (lengthsOf != null) {
                return answered(walk, walk.walkMatches(matches, lengthsOf), Route.MATCHES_WALK);
            }
            if (fewest / MANY_TERMS_MATCHES <= fewMatches) {
                // the lengths are still loading: FTS5 ranks the matches at about 1 µs each
                lastRoute = Route.FTS5_RANKS_ALL;
                return null;
            }
        }
        if (!filters.where().isEmpty()) {
            List<Long> passing = positions(filters, fewFiltered);
            if (passing.size() <= fewFiltered) {
                return answered(walk, walk.scoreAll(passing), Route.FILTERED_SCORED);
            }
            if (passingAtMost(filters, fewPassing)) {
                return answered(walk, walk.walkPassing(), Route.PASSING_WALK);
            }
        }
        return answered(walk, walk.walk(groups(query)), Route.WALK);
    }

    /**
     * A word's tokens as the walk matches them, the terms a prefix begins (null: not a prefix, or too many), and the one token
     * whose kept count is the word's (a plain word, or a prefix beginning one term; else null). Null when it has no token.
     */
    private record Word(List<String> tokens, List<String> begun, String single) {
    }

    private Word word(String word, long checkpoint) throws SQLException {
        boolean prefixWord = SearchSql.isPrefix(word);
        List<String> tokens = prefixWord ? Fts5Tokens.prefixed(word.substring(0, word.length() - 1)) : Fts5Tokens.of(word);
        if (tokens.isEmpty()) {
            return null;
        }
        List<String> begun = prefixWord ? prefixTerms.of(tokens.get(tokens.size() - 1), checkpoint) : null;
        if (begun != null && begun.size() == 1) {
            // a prefix beginning one term is that word (same documents, same frequencies)
            tokens = new ArrayList<>(tokens);
            tokens.set(tokens.size() - 1, begun.get(0));
        }
        boolean one = tokens.size() == 1 && DocumentCounts.plain(word) && (!prefixWord || begun != null && begun.size() == 1);
        return new Word(tokens, begun, one ? tokens.get(0) : null);
    }

    /**
     * How many documents hold the query's one word, as {@code count(*) ... MATCH} counts them, from the counts the index keeps
     * (a primary-key look-up for a word, a kept count extended to the checkpoint for a phrase or prefix); -1 for a query of
     * several words or with filters, whose matches must be counted.
     */
    long matches(SearchQuery query, long checkpoint) throws SQLException {
        List<String> words = query.hasText() ? SearchSql.words(query.text()) : List.of();
        Word read = words.size() == 1 && SearchSql.of(query.withText("")).where().isEmpty() ? word(words.get(0), checkpoint) : null;
        return read == null ? -1 : rowsWith(SearchSql.phrases(query.text()).get(0), read.single(), checkpoint);
    }

    private List<RelevanceWalk.Ranked> answered(RelevanceWalk walk, List<RelevanceWalk.Ranked> best, Route route) {
        lastRead = walk.read();
        lastRoute = best == null ? Route.WALK_GAVE_UP : route;
        return best;
    }

    Route lastRoute() {
        return lastRoute;
    }

    /** How many documents the last walk or filtered scoring read. */
    int lastRead() {
        return lastRead;
    }

    /** How many documents the phrase occurs in, as FTS5's bm25 counts them ({@code token}: see {@link DocumentCounts#rows}). */
    private long rowsWith(String phrase, String token, long checkpoint) throws SQLException {
        long[] known = phraseRows.get(phrase);
        if (known == null || known[0] != checkpoint) {
            known = new long[] {checkpoint, counts.rows(phrase, token, checkpoint)};
            phraseRows.put(phrase, known);
        }
        return known[1];
    }

    /** FTS5's row count and token count, from its averages record (row 1 of {@code search_text_data}). */
    private long[] totals() throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT block FROM search_text_data WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return new long[] {0, 0};
            }
            byte[] block = row.getBytes(1);
            int[] at = {0};
            return new long[] {Documents.varint(block, at), Documents.varint(block, at)};
        }
    }

    /** Whether at most {@code most} documents pass the filters (counted up to one more). */
    private boolean passingAtMost(SearchSql filters, int most) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM (SELECT 1" + filters.from() + filters.where()
                + " LIMIT " + (most + 1L) + ")")) {
            filters.bind(select);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getLong(1) <= most;
            }
        }
    }

    /**
     * Every position the query selects, ascending, read into an array (a long prefix has 100,000 matches); without filters from
     * the full-text table alone (the position-order statement joins every match to its document).
     */
    private long[] allPositions(SearchQuery query, SearchSql filters) throws SQLException {
        long[] positions = new long[1024];
        int count = 0;
        SearchSql matches = SearchSql.of(query.withOrder(SearchQuery.Order.POSITION));
        try (PreparedStatement select = connection.prepareStatement(filters.where().isEmpty()
                ? "SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid"
                : "SELECT search_text.rowid" + matches.from() + matches.where() + " ORDER BY search_text.rowid")) {
            if (filters.where().isEmpty()) {
                select.setString(1, SearchSql.matchExpression(query.text()));
            } else {
                matches.bind(select);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (count == positions.length) {
                        positions = java.util.Arrays.copyOf(positions, count * 2);
                    }
                    positions[count++] = rows.getLong(1);
                }
            }
        }
        return java.util.Arrays.copyOf(positions, count);
    }

    /** The positions the query (or the filters alone) selects, up to one more than {@code few}. */
    private List<Long> positions(SearchSql filters, long few) throws SQLException {
        List<Long> positions = new ArrayList<>();
        String column = filters.from().contains("search_text") ? "search_text.rowid" : "d.position";
        try (PreparedStatement select = connection.prepareStatement("SELECT " + column + filters.from() + filters.where()
                + " LIMIT " + (Math.max(few, -1) + 1L))) {
            filters.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                }
            }
        }
        return positions;
    }

    /**
     * The (category, type) groups the query's category and type filters leave, less those in which no document names a user,
     * command or account the query's filters pass ({@code search_group_values}).
     */
    private List<String[]> groups(SearchQuery query) throws SQLException {
        List<String[]> groups = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT category, type FROM search_bound_groups");
             PreparedStatement named = connection.prepareStatement("SELECT 1 FROM search_group_values WHERE category = ? AND type = ?"
                     + " AND name = ? AND (value = ? OR (value >= ? AND value < ?)) LIMIT 1");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String category = rows.getString(1);
                String type = rows.getString(2);
                boolean wantedCategory = query.category() == null || query.category().isBlank() || query.category().equals(category);
                if (wantedCategory && (query.types().isEmpty() || query.types().contains(type))
                        && names(named, category, type, "user", query.user(), query.user())
                        && names(named, category, type, "command", query.command(), query.command())
                        && names(named, category, type, "account", query.account(), query.account() + ":")
                        && (query.minAmount() == null && query.maxAmount() == null || names(named, category, type, "amount", Bounds.ANY, Bounds.ANY))) {
                    groups.add(new String[] {category, type});
                }
            }
        }
        return groups;
    }

    /** Whether a document of the group names the value (or one from {@code from} up to its last character raised), or no value is asked for. */
    private static boolean names(PreparedStatement named, String category, String type, String name, String value, String from) throws SQLException {
        if (value == null || value.isBlank()) {
            return true;
        }
        named.setString(1, category);
        named.setString(2, type);
        named.setString(3, name);
        named.setString(4, value);
        named.setString(5, from);
        // an account's subaccounts: from "name:" up to "name;" (as SearchSql filters them); a user or command: none
        named.setString(6, from.equals(value) ? value : value + ";");
        try (ResultSet row = named.executeQuery()) {
            return row.next();
        }
    }
}
