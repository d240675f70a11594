package dev.eventscope.projection.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A search over every stream: words to find (blank for the whole log), filters (each null or empty when
 * not used), the order, and which page. Accounts match themselves and their subaccounts; amount and date
 * bounds are inclusive; recorded-time bounds are from (inclusive) to (exclusive).
 */
public record SearchQuery(String text, List<String> types, String user, String command, String account, String category,
                          BigDecimal minAmount, BigDecimal maxAmount, Instant recordedFrom, Instant recordedTo,
                          LocalDate dateFrom, LocalDate dateTo, Order order, int page, int pageSize) {

    /** By position (the order events were recorded) or by relevance (best match first, bm25). */
    public enum Order { POSITION, RELEVANCE }

    public SearchQuery {
        text = text == null ? "" : text.strip();
        types = types == null ? List.of() : List.copyOf(types);
        Objects.requireNonNull(order, "order");
        if (page < 1) {
            throw new IllegalArgumentException("The page must be 1 or more, not " + page + ".");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("The page size must be between 1 and 1000, not " + pageSize + ".");
        }
        for (String word : text.split("\\s+")) {
            if (OPERATORS.contains(word)) {
                throw new IllegalArgumentException("The search words hold " + word + ", but search has no AND, OR, NOT or NEAR:"
                        + " every word must match; to find the word itself, write it in lower case.");
            }
        }
    }

    /** FTS5's operators, written in capitals: refused rather than silently searched for as words. */
    private static final List<String> OPERATORS = List.of("AND", "OR", "NOT", "NEAR");

    /** Words to find, no filter, by position, the first page of 50. */
    public static SearchQuery text(String text) {
        return new SearchQuery(text, List.of(), null, null, null, null, null, null, null, null, null, null, Order.POSITION, 1, 50);
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    public SearchQuery withText(String value) {
        return new SearchQuery(value, types, user, command, account, category, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, order, page, pageSize);
    }

    public SearchQuery withOrder(Order value) {
        return new SearchQuery(text, types, user, command, account, category, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, value, page, pageSize);
    }

    public SearchQuery withPage(int value) {
        return new SearchQuery(text, types, user, command, account, category, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, order, value, pageSize);
    }

    public SearchQuery withUser(String value) {
        return new SearchQuery(text, types, value, command, account, category, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, order, page, pageSize);
    }

    public SearchQuery withTypes(List<String> value) {
        return new SearchQuery(text, value, user, command, account, category, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, order, page, pageSize);
    }

    public SearchQuery withAccount(String value) {
        return new SearchQuery(text, types, user, command, value, category, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, order, page, pageSize);
    }

    public SearchQuery withCategory(String value) {
        return new SearchQuery(text, types, user, command, account, value, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, order, page, pageSize);
    }

    public SearchQuery withAmounts(BigDecimal min, BigDecimal max) {
        return new SearchQuery(text, types, user, command, account, category, min, max, recordedFrom, recordedTo,
                dateFrom, dateTo, order, page, pageSize);
    }

    public SearchQuery withRecorded(Instant from, Instant to) {
        return new SearchQuery(text, types, user, command, account, category, minAmount, maxAmount, from, to,
                dateFrom, dateTo, order, page, pageSize);
    }

    public SearchQuery withDates(LocalDate from, LocalDate to) {
        return new SearchQuery(text, types, user, command, account, category, minAmount, maxAmount, recordedFrom, recordedTo,
                from, to, order, page, pageSize);
    }

    public SearchQuery withCommand(String value) {
        return new SearchQuery(text, types, user, value, account, category, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, order, page, pageSize);
    }

    public SearchQuery withPageSize(int value) {
        return new SearchQuery(text, types, user, command, account, category, minAmount, maxAmount, recordedFrom, recordedTo,
                dateFrom, dateTo, order, page, value);
    }
}
