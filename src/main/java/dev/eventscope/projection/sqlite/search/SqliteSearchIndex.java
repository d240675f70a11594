package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.IndexingProgress;
import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchDocument;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.projection.search.SearchIndex;
import dev.eventscope.projection.search.SearchIndexException;
import dev.eventscope.projection.search.SearchPage;
import dev.eventscope.projection.search.SearchQuery;

import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The search index in a SQLite file of its own: an FTS5 table of event text (rowid = position) beside a
 * table of filter columns with an index per filter that leads with it and ends with the position, so a
 * filtered page in position order reads only the rows it returns. Amounts are kept as ten-thousandths.
 */
public final class SqliteSearchIndex implements SearchIndex {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS search_state(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS search_docs(position INTEGER PRIMARY KEY, stream TEXT NOT NULL, category TEXT NOT NULL,"
                + " type TEXT NOT NULL, user TEXT, command TEXT, recorded_at INTEGER NOT NULL, entry_date INTEGER,"
                + " account TEXT, amount_e4 INTEGER, entry_id TEXT, " + DocumentBoundsColumns.definitions() + ")",
        // each filter's index (DocumentBoundsColumns#createIndexes) leads with it, ends with the position and the document's bounds
        // prefix: FTS5 keeps the lists of every 1-, 2- and 3-character prefix, so a short prefix is one list, not a merge of
        // every term beginning with it (benchmarks-search.md, session 9)
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    };
    private static final String[] BOUND_SCHEMA = {
        // what the relevance walk reads (RelevanceWalk): each document's length, the tokens it repeats, which groups there are
        "CREATE TABLE IF NOT EXISTS search_bound(category TEXT NOT NULL, type TEXT NOT NULL, length INTEGER NOT NULL,"
                + " position INTEGER NOT NULL, tokens INTEGER NOT NULL, PRIMARY KEY(category, type, length, position)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS search_repeats(token TEXT NOT NULL, count INTEGER NOT NULL, length INTEGER NOT NULL,"
                + " position INTEGER NOT NULL, tokens INTEGER NOT NULL, PRIMARY KEY(token, count, length, position)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS search_bound_groups(category TEXT NOT NULL, type TEXT NOT NULL, PRIMARY KEY(category, type)) WITHOUT ROWID",
        // every prefix of 1 to 3 characters that begins more than one of a document's tokens (key "ab*"), with how many
        "CREATE TABLE IF NOT EXISTS search_prefix_repeats(token TEXT NOT NULL, count INTEGER NOT NULL, length INTEGER NOT NULL,"
                + " position INTEGER NOT NULL, tokens INTEGER NOT NULL, PRIMARY KEY(token, count, length, position)) WITHOUT ROWID",
    };
    /** Tables of the index, dropped when its full-text table has an older layout (the projection then rebuilds it). */
    private static final String[] TABLES = {"search_state", "search_docs", "search_text", "search_bound", "search_repeats",
        "search_bound_groups", "search_prefix_repeats", "search_group_values", "search_token_rows", "search_unplain", "search_phrase_rows"};
    /** In search_state: the version of the walk's tables once every document is in them (an older index has none). */
    private static final String BOUNDS_KEPT = "bounds_kept";
    private static final String BOUNDS_VERSION = "5";

    private final Path file;
    private final Connection connection;
    private final RelevanceRanking relevance;
    private final DocumentLengths lengths;
    /** Whether position-order searches add the filters' words to the full-text match ({@link SearchSql#hints}). */
    private final boolean hinted;

    private SqliteSearchIndex(Path file, Connection connection, long fewMatches, int fewFiltered, int fewPassing, boolean hinted) {
        this.file = file;
        this.connection = connection;
        this.lengths = DocumentLengths.of(file);
        this.relevance = new RelevanceRanking(connection, lengths, fewMatches, fewFiltered, fewPassing);
        this.hinted = hinted;
    }

    public static SqliteSearchIndex open(Path file) {
        return open(file, IndexingProgress.NONE);
    }

    /** Opens the index file, creating it and its folder when missing; {@code upgrade} hears how far an older index's upgrade is. */
    public static SqliteSearchIndex open(Path file, IndexingProgress upgrade) {
        return open(file, RelevanceRanking.FEW_MATCHES, RelevanceRanking.FEW_FILTERED, RelevanceRanking.FEW_PASSING, true, upgrade);
    }

    /** With the ranking's thresholds ({@link RelevanceRanking}; fewMatches Long.MAX_VALUE: FTS5 ranks every query); for tests. */
    static SqliteSearchIndex open(Path file, long fewMatches, int fewFiltered) {
        return open(file, fewMatches, fewFiltered, fewFiltered, true, IndexingProgress.NONE);
    }

    /** {@code hinted} false: position-order searches are SQLite's plain join of the match and the filters (a reference). */
    static SqliteSearchIndex open(Path file, long few, int fewFiltered, int fewPassing, boolean hinted, IndexingProgress upgrade) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
                // pages read in place from the page cache, not copied one by one (SQLite's largest map; benchmarks-search.md, session 14)
                statement.execute("PRAGMA mmap_size = 2147418112");
                dropOlderLayout(statement);
                for (String sql : SCHEMA) {
                    statement.execute(sql);
                }
            }
            SqliteSearchIndex index = new SqliteSearchIndex(file, connection, few, fewFiltered, fewPassing, hinted);
            Bounds.keepGroupValues(connection);
            index.inTransaction(index.relevance.counts()::open);
            if (!BOUNDS_VERSION.equals(index.state(BOUNDS_KEPT))) {
                index.keepBounds();
            }
            if (!DocumentBoundsColumns.VERSION.equals(index.state(DocumentBoundsColumns.KEPT))) {
                index.inTransaction(() -> DocumentBoundsColumns.upgrade(connection, upgrade));
            }
            try (Statement statement = connection.createStatement()) {
                DocumentBoundsColumns.createIndexes(statement);
            }
            return index;
        } catch (SQLException | java.io.IOException failed) {
            throw new SearchIndexException("The search index " + file + " cannot be opened: " + failed.getMessage(), failed);
        }
    }

    /** An index whose full-text table lacks the prefix lists is emptied (FTS5 cannot add them): the projection indexes it again. */
    private static void dropOlderLayout(Statement statement) throws SQLException {
        boolean older;
        try (ResultSet row = statement.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'search_text'")) {
            older = row.next() && !row.getString(1).contains("prefix");
        }
        if (older) {
            for (String table : TABLES) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Override
    public String ledgerId() {
        return state("ledger_id");
    }

    @Override
    public long checkpoint() {
        String value = state("checkpoint");
        return value == null ? 0 : Long.parseLong(value);
    }

    private String state(String key) {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM search_state WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException failed) {
            throw failure("read", failed);
        }
    }

    /**
     * Gives every document already indexed its row in search_bound, from the text FTS5 keeps: an index made before
     * the relevance walk existed is upgraded in place (a few seconds per 100,000 documents) rather than rebuilt.
     */
    private void keepBounds() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS search_bound");
            statement.execute("DROP TABLE IF EXISTS search_repeats");
            statement.execute("DROP TABLE IF EXISTS search_bound_groups");
            statement.execute("DROP TABLE IF EXISTS search_prefix_repeats");
            for (String sql : BOUND_SCHEMA) {
                statement.execute(sql);
            }
        }
        inTransaction(() -> {
            try (Statement statement = connection.createStatement();
                 Bounds bounds = new Bounds(connection);
                 ResultSet rows = statement.executeQuery("SELECT c.id, c.c0, d.category, d.type, d.user, d.command, d.account"
                         + " FROM search_text_content c JOIN search_docs d ON d.position = c.id")) {
                for (int read = 1; rows.next(); read++) {
                    bounds.add(rows.getLong(1), rows.getString(3), rows.getString(4), rows.getString(2), rows.getString(5), rows.getString(6),
                            rows.getString(7));
                    if (read % 5_000 == 0) {
                        bounds.flush();
                    }
                }
                bounds.flush();
                statement.execute("INSERT OR REPLACE INTO search_state VALUES ('" + BOUNDS_KEPT + "', '" + BOUNDS_VERSION + "')");
            }
        });
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** Runs the work in one transaction: all of it is kept, or (on a failure, rethrown) none. */
    private void inTransaction(Work work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException failed) {
            connection.rollback();
            throw failed;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    public void add(String ledgerId, List<SearchDocument> documents, long checkpoint) {
        try {
            inTransaction(() -> {
                try (PreparedStatement doc = connection.prepareStatement("INSERT OR REPLACE INTO search_docs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                     PreparedStatement text = connection.prepareStatement("INSERT INTO search_text(rowid, body) VALUES (?, ?)");
                     Bounds bounds = new Bounds(connection);
                     DocumentCounts.Batch counted = relevance.counts().new Batch();
                     PreparedStatement state = connection.prepareStatement("INSERT OR REPLACE INTO search_state VALUES (?, ?)")) {
                    for (SearchDocument document : documents) {
                        DocumentBounds kept = bounds.add(document.position(), document.category(), document.type(), document.text(),
                                document.user(), document.command(), document.account(), document.amount() == null ? null : Bounds.ANY);
                        doc.setLong(1, document.position());
                        doc.setString(2, document.streamId());
                        doc.setString(3, document.category());
                        doc.setString(4, document.type());
                        doc.setString(5, document.user());
                        doc.setString(6, document.command());
                        doc.setLong(7, document.recordedAtMicros());
                        setNullable(doc, 8, document.entryDate() == null ? null : document.entryDate().toEpochDay());
                        doc.setString(9, document.account());
                        setNullable(doc, 10, document.amount() == null ? null : SearchSql.tenThousandths(document.amount().abs(), RoundingMode.FLOOR));
                        doc.setString(11, document.entryId());
                        DocumentBoundsColumns.set(doc, 12, kept);
                        doc.addBatch();
                        text.setLong(1, document.position());
                        text.setString(2, document.text());
                        text.addBatch();
                        counted.add(document.position(), document.text());
                    }
                    doc.executeBatch();
                    text.executeBatch();
                    bounds.flush();
                    counted.flush();
                    state.setString(1, BOUNDS_KEPT);
                    state.setString(2, BOUNDS_VERSION);
                    state.executeUpdate();
                    state.setString(1, DocumentBoundsColumns.KEPT);
                    state.setString(2, DocumentBoundsColumns.VERSION);
                    state.executeUpdate();
                    state.setString(1, "ledger_id");
                    state.setString(2, ledgerId);
                    state.executeUpdate();
                    state.setString(1, "checkpoint");
                    state.setString(2, Long.toString(checkpoint));
                    state.executeUpdate();
                }
            });
        } catch (SQLException failed) {
            throw failure("write", failed);
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Refreshes the planner's statistics (after a large catch-up), so a filter picks its best index. */
    @Override
    public void analyze() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (SQLException failed) {
            throw failure("analyze", failed);
        }
    }

    @Override
    public void clear() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM search_docs");
            statement.execute("DELETE FROM search_text");
            statement.execute("DELETE FROM search_state");
            statement.execute("DELETE FROM search_bound");
            statement.execute("DELETE FROM search_repeats");
            statement.execute("DELETE FROM search_bound_groups");
            statement.execute("DELETE FROM search_prefix_repeats");
            statement.execute("DELETE FROM search_group_values");
            relevance.counts().clear();
            relevance.forget();
        } catch (SQLException failed) {
            throw failure("clear", failed);
        }
    }

    @Override
    public SearchPage search(SearchQuery query) {
        return search(query, null);
    }

    @Override
    public SearchPage search(SearchQuery query, SearchCursor after) {
        SearchSql sql = SearchSql.of(query, after, hinted);
        boolean relevance = query.hasText() && query.order() == SearchQuery.Order.RELEVANCE;
        if (relevance) {
            return byRelevance(query, after, sql);
        }
        String select = "SELECT d.position, d.stream, d.type, d.user, d.command, d.recorded_at, d.entry_date, d.entry_id, "
                + (query.hasText() ? "snippet(search_text, 0, '[', ']', '…', 12)" : "NULL")
                + sql.from() + sql.where() + sql.orderBy() + " LIMIT ? OFFSET ?";
        List<SearchHit> hits = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            bindPage(statement, sql, query, after);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hits.add(hit(rows));
                }
            }
        } catch (SQLException failed) {
            throw failure("search", failed);
        }
        boolean more = hits.size() > query.pageSize();
        return more ? new SearchPage(hits.subList(0, query.pageSize()), true,
                SearchCursor.afterPosition(hits.get(query.pageSize() - 1).position()))
                : new SearchPage(hits, false, null);
    }

    /**
     * Relevance order in two steps: the page's positions and ranks first, then the documents and snippets of those
     * positions only. The ranks come from {@link RelevanceRanking} (which scores only what could make the page) or,
     * when it leaves the query to FTS5, from FTS5 ranking every match; both give FTS5's bm25 and its order.
     */
    private SearchPage byRelevance(SearchQuery query, SearchCursor after, SearchSql sql) {
        List<Long> positions = new ArrayList<>();
        List<Double> ranks = new ArrayList<>();
        List<SearchHit> hits = new ArrayList<>();
        try {
            rank(query, after, sql, positions, ranks);
            List<Long> page = positions.subList(0, Math.min(positions.size(), query.pageSize()));
            java.util.Map<Long, SearchHit> found = RelevancePage.hits(connection, relevance.pageMatch(query.text(), checkpoint()), page);
            page.stream().map(found::get).filter(java.util.Objects::nonNull).forEach(hits::add);
        } catch (SQLException failed) {
            throw failure("search", failed);
        }
        boolean more = positions.size() > query.pageSize();
        return more ? new SearchPage(hits, true, new SearchCursor(positions.get(query.pageSize() - 1), ranks.get(query.pageSize() - 1)))
                : new SearchPage(hits, false, null);
    }

    /** The page's positions and ranks, and one more if another page follows. */
    private void rank(SearchQuery query, SearchCursor after, SearchSql sql, List<Long> positions, List<Double> ranks) throws SQLException {
        int skipped = after != null ? 0 : (query.page() - 1) * query.pageSize();
        List<RelevanceWalk.Ranked> best = relevance.best(query, after, skipped + query.pageSize() + 1, checkpoint());
        if (best != null) {
            for (RelevanceWalk.Ranked hit : best.subList(Math.min(skipped, best.size()), best.size())) {
                positions.add(hit.position());
                ranks.add(-hit.score());
            }
            return;
        }
        String ranking = "SELECT search_text.rowid, search_text.rank" + sql.from() + sql.where() + sql.orderBy() + " LIMIT ? OFFSET ?";
        try (PreparedStatement statement = connection.prepareStatement(ranking)) {
            bindPage(statement, sql, query, after);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    positions.add(rows.getLong(1));
                    ranks.add(rows.getDouble(2));
                }
            }
        }
    }

    /** Starts loading the documents' lengths off the caller's thread (for the walk of a long prefix of very many terms). */
    @Override
    public void warmUp() {
        lengths.start();
    }

    /** As {@link #warmUp}, then waits until the lengths are in memory; for tests. */
    void awaitLengths() throws InterruptedException {
        lengths.awaitLoaded();
    }

    RelevanceRanking.Route lastRelevanceRoute() {
        return relevance.lastRoute();
    }

    /** How many documents the last relevance-ordered page scored itself (0 when FTS5 ranked every match), and its route. */
    int lastRelevanceRead() {
        return relevance.lastRead();
    }

    /** The query's parameters, then one more row than a page (to tell whether another follows) and the offset (none after a key). */
    private static void bindPage(PreparedStatement statement, SearchSql sql, SearchQuery query, SearchCursor after) throws SQLException {
        int next = sql.bind(statement);
        statement.setInt(next, query.pageSize() + 1);
        statement.setLong(next + 1, after != null ? 0 : (long) (query.page() - 1) * query.pageSize());
    }

    static SearchHit hit(ResultSet rows) throws SQLException {
        long date = rows.getLong(7);
        LocalDate entryDate = rows.wasNull() ? null : LocalDate.ofEpochDay(date);
        return new SearchHit(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), Instant.EPOCH.plus(rows.getLong(6), ChronoUnit.MICROS), entryDate, rows.getString(8),
                rows.getString(9));
    }

    /** One word without filters: the count the index keeps for bm25 (FTS5 counts every match: 0.3 s for "eur"). */
    @Override
    public long count(SearchQuery query) {
        try {
            long kept = relevance.matches(query, checkpoint());
            return kept >= 0 ? kept : counted(query);
        } catch (SQLException failed) {
            throw failure("count", failed);
        }
    }

    private long counted(SearchQuery query) throws SQLException {
        SearchSql sql = SearchSql.of(query);
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*)" + sql.from() + sql.where())) {
            sql.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private SearchIndexException failure(String what, SQLException failed) {
        String message = failed.getMessage() != null && failed.getMessage().contains("fts5: syntax error")
                ? "The search words cannot be read as a query: " + failed.getMessage()
                : "The search index " + file + " could not " + what + ": " + failed.getMessage();
        return new SearchIndexException(message, failed);
    }

    @Override
    public void close() {
        lengths.close();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read connection cannot lose anything
        }
    }
}
