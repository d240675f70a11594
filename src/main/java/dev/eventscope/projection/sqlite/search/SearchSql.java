package dev.eventscope.projection.sqlite.search;

import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchQuery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The FROM, WHERE and ORDER BY of a {@link SearchQuery}, with its parameters bound in order. */
final class SearchSql {

    private final String from;
    private final String where;
    private final String orderBy;
    private final List<Object> parameters;

    private SearchSql(String from, String where, String orderBy, List<Object> parameters) {
        this.from = from;
        this.where = where;
        this.orderBy = orderBy;
        this.parameters = parameters;
    }

    static SearchSql of(SearchQuery query) {
        return of(query, null);
    }

    /** With {@code after} (may be null): only the hits after that key in the query's order (keyset paging). */
    static SearchSql of(SearchQuery query, SearchCursor after) {
        return of(query, after, true);
    }

    /**
     * @param hinted whether the filters' words are added to the full-text match in position order (see {@link #hints}) and
     *               the scan ends at the last document passing the filters; false gives SQLite's plain join (the benchmark's reference)
     */
    static SearchSql of(SearchQuery query, SearchCursor after, boolean hinted) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        String from;
        boolean relevance = query.hasText() && query.order() == SearchQuery.Order.RELEVANCE;
        if (query.hasText()) {
            // CROSS JOIN keeps the full-text match as the outer loop, read in position order, whatever the statistics say
            from = " FROM search_text CROSS JOIN search_docs d ON d.position = search_text.rowid";
            conditions.add("search_text MATCH ?");
            List<String> hints = relevance || !hinted ? List.of() : hints(query);
            parameters.add(hints.isEmpty() ? matchExpression(query.text())
                    : "(" + matchExpression(query.text()) + ") AND " + String.join(" AND ", hints));
        } else {
            from = " FROM search_docs d";
        }
        if (!query.types().isEmpty()) {
            conditions.add("d.type IN (" + String.join(",", query.types().stream().map(type -> "?").toList()) + ")");
            parameters.addAll(query.types());
        }
        equal(conditions, parameters, "d.user", query.user());
        equal(conditions, parameters, "d.command", query.command());
        equal(conditions, parameters, "d.category", query.category());
        if (query.account() != null) {
            conditions.add("(d.account = ? OR (d.account >= ? AND d.account < ?))");
            parameters.add(query.account());
            parameters.add(query.account() + ":");
            parameters.add(query.account() + ";");
        }
        if (query.minAmount() != null) {
            conditions.add("d.amount_e4 >= ?");
            parameters.add(tenThousandths(query.minAmount(), RoundingMode.CEILING));
        }
        if (query.maxAmount() != null) {
            conditions.add("d.amount_e4 <= ?");
            parameters.add(tenThousandths(query.maxAmount(), RoundingMode.FLOOR));
        }
        if (query.recordedFrom() != null) {
            conditions.add("d.recorded_at >= ?");
            parameters.add(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, query.recordedFrom()));
        }
        if (query.recordedTo() != null) {
            conditions.add("d.recorded_at < ?");
            parameters.add(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, query.recordedTo()));
        }
        if (query.dateFrom() != null) {
            conditions.add("d.entry_date >= ?");
            parameters.add(query.dateFrom().toEpochDay());
        }
        if (query.dateTo() != null) {
            conditions.add("d.entry_date <= ?");
            parameters.add(query.dateTo().toEpochDay());
        }
        if (query.hasText() && conditions.size() > 1) {
            // every hit passes the filters, so none lies before the first event that does: the full-text scan starts
            // there (its rowid bound is cheap for FTS5) instead of reading every earlier match
            // and ends at the last (a time range is a run of positions: nothing after it is read)
            List<String> filters = new ArrayList<>(conditions.subList(1, conditions.size()));
            List<Object> filterParameters = new ArrayList<>(parameters.subList(1, parameters.size()));
            conditions.add("search_text.rowid >= (SELECT min(d.position) FROM search_docs d WHERE " + String.join(" AND ", filters) + ")");
            parameters.addAll(filterParameters);
            if (hinted) {
                conditions.add("search_text.rowid <= (SELECT max(d.position) FROM search_docs d WHERE " + String.join(" AND ", filters) + ")");
                parameters.addAll(filterParameters);
            }
        }
        if (after != null && relevance) {
            conditions.add("(search_text.rank > ? OR (search_text.rank = ? AND search_text.rowid > ?))");
            parameters.add(after.rank());
            parameters.add(after.rank());
            parameters.add(after.position());
        } else if (after != null) {
            // a rowid bound on the full-text table is a seek in FTS5, a position bound on the documents a seek in any index
            conditions.add((query.hasText() ? "search_text.rowid" : "d.position") + " > ?");
            parameters.add(after.position());
        }
        if (relevance && conditions.size() == 1 + (after == null ? 0 : 1)) {
            // only words: the relevance order is read from the full-text table alone, never joined to the documents
            from = " FROM search_text";
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String orderBy = relevance
                ? " ORDER BY search_text.rank, search_text.rowid" : query.hasText() ? " ORDER BY search_text.rowid" : " ORDER BY d.position";
        return new SearchSql(from, where, orderBy, parameters);
    }

    /** An amount in ten-thousandths, saturated to the range of a long (a filter needs no more). */
    static long tenThousandths(BigDecimal amount, RoundingMode rounding) {
        BigDecimal scaled = amount.movePointRight(4).setScale(0, rounding);
        if (scaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        return scaled.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 ? Long.MIN_VALUE : scaled.longValueExact();
    }

    /**
     * Words every document passing the filters holds, added to the full-text match in position order so that FTS5
     * intersects their lists itself (it skips through a long list to the next row of a short one) instead of SQLite
     * joining every match of the query's words to its document to check the filter: a document's text begins with its
     * type, stream (category-name, so an account's name), user and command ({@code SearchDocuments}). The filters are
     * still checked on the documents; these words only narrow the matches. Only plain ASCII values are used, so FTS5's
     * tokens of them are surely the ones in the text.
     */
    static List<String> hints(SearchQuery query) {
        List<String> hints = new ArrayList<>();
        if (!query.types().isEmpty() && query.types().stream().allMatch(SearchSql::hintable)) {
            hints.add("(" + String.join(" OR ", query.types().stream().map(SearchSql::quoted).toList()) + ")");
        }
        for (String value : new String[] {query.user(), query.command(), query.category(),
                query.account() == null ? null : "account-" + query.account()}) {
            if (value != null && !value.isBlank() && hintable(value)) {
                hints.add(quoted(value));
            }
        }
        return hints;
    }

    private static boolean hintable(String value) {
        return value.chars().allMatch(character -> character > 31 && character < 127) && !Fts5Tokens.of(value).isEmpty();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void equal(List<String> conditions, List<Object> parameters, String column, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }

    /**
     * Each word becomes a quoted FTS5 phrase (so {@code JE-2025-0100} and {@code assets:bank} are found as
     * written and no word is read as an operator); a word ending in {@code *} is a prefix; all must match.
     */
    static String matchExpression(String text) {
        return String.join(" AND ", phrases(text));
    }

    /** Each word's FTS5 phrase, in the order written (the order bm25 sums them in). */
    static List<String> phrases(String text) {
        List<String> phrases = new ArrayList<>();
        for (String word : words(text)) {
            boolean prefix = isPrefix(word);
            String bare = prefix ? word.substring(0, word.length() - 1) : word;
            phrases.add("\"" + bare.replace("\"", "\"\"") + "\"" + (prefix ? " *" : ""));
        }
        return phrases;
    }

    static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    static boolean isPrefix(String word) {
        return word.endsWith("*") && word.length() > 1;
    }

    String from() {
        return from;
    }

    String where() {
        return where;
    }

    String orderBy() {
        return orderBy;
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        return bind(statement, 1);
    }

    /** Binds the parameters from {@code index}; returns the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
