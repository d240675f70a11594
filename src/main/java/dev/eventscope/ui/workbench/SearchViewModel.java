package dev.eventscope.ui.workbench;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.projection.search.LedgerSearch;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.projection.search.SearchCursor;
import dev.eventscope.projection.search.SearchPage;
import dev.eventscope.projection.search.SearchQuery;
import dev.eventscope.ui.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Search tab: words and filters over every stream, a page of hits at a time, by position or relevance.
 * Without words it is the whole log (every stream in position order) through the filters. The index is
 * brought up to date before each search, off the UI thread, and kept open between searches until {@link #close}.
 */
public final class SearchViewModel {

    private final LedgerSession session;
    private final Path indexDirectory;
    private final TaskExecutor executor;
    private final Consumer<String> errors;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty("");
    private final StringProperty minAmount = new SimpleStringProperty("");
    private final StringProperty maxAmount = new SimpleStringProperty("");
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty dateFrom = new SimpleStringProperty("");
    private final StringProperty dateTo = new SimpleStringProperty("");
    private final StringProperty recordedFrom = new SimpleStringProperty("");
    private final StringProperty recordedTo = new SimpleStringProperty("");
    private final ObjectProperty<SearchQuery.Order> order = new SimpleObjectProperty<>(SearchQuery.Order.POSITION);
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private static final String IDLE = "Type words, or leave them out to see the whole log.";
    /** Session 16: an index of an older Eventscope is upgraded in place on open (~40 s per million events), said only in the log. */
    static final String OPENING = "Opening the search index: safe to wait (an index of an older Eventscope is upgraded once,"
            + " about 40 s per million events).";
    static final String CATCHING_UP = "Indexing the events recorded since the last search: safe to wait (the first search of a"
            + " large ledger indexes every event once).";
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(IDLE);
    /** What the empty table says before any search (session 17 left it saying so while a first search indexed). */
    static final String BEFORE_SEARCH = "Search, or search without words for the whole log.";
    static final String NOTHING_FOUND = "Nothing found: no event matches these words and filters.";
    static final String FAILED = "The search failed: nothing to show.";
    /** What the last search came to, for the empty table: null before the first one. */
    private final javafx.beans.property.ObjectProperty<String> answered = new SimpleObjectProperty<>();
    /** How far the index's long work is, from 0 to 1; -1 while it is not known (a bar that moves without measuring). */
    private final javafx.beans.property.ReadOnlyDoubleWrapper progress = new javafx.beans.property.ReadOnlyDoubleWrapper(-1);
    private final javafx.beans.property.ReadOnlyBooleanWrapper busy = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** Searches asked for whose answer has not come yet (on the UI thread). */
    private int searching;
    private int page = 1;
    private boolean hasMore;
    private long total;
    /** Where each page shown so far starts (null for the first): pages are asked for by key, never by offset. */
    private final List<SearchCursor> pageStarts = new java.util.ArrayList<>();
    private SearchCursor next;

    public SearchViewModel(LedgerSession session, Path indexDirectory, TaskExecutor executor, Consumer<String> errors) {
        this.session = session;
        this.indexDirectory = indexDirectory;
        this.executor = executor;
        this.errors = errors;
    }

    /** Searches from the first page. */
    public void search() {
        pageStarts.clear();
        show(1, null);
    }

    public void nextPage() {
        if (hasMore) {
            show(page + 1, next);
        }
    }

    public void previousPage() {
        if (page > 1) {
            show(page - 1, pageStarts.get(page - 2));
        }
    }

    private void show(int wanted, SearchCursor start) {
        SearchQuery query;
        try {
            query = query(wanted);
        } catch (IllegalArgumentException wrong) {
            errors.accept(wrong.getMessage());
            return;
        }
        searching++;
        busy.set(true);
        status.set("Searching…");
        executor.run(() -> {
            synchronized (opening) {
                LedgerSearch search = opened();
                say(CATCHING_UP, -1);
                search.catchUp((done, all) -> say(indexing(done, all), fraction(done, all)));
                say("Searching…", -1);
                return new Found(search.search(query, start), search.count(query));
            }
        }, found -> {
            page = wanted;
            while (pageStarts.size() < wanted) {
                pageStarts.add(null);
            }
            pageStarts.set(wanted - 1, start);
            next = found.page().next();
            hasMore = found.page().hasMore();
            total = found.total();
            hits.setAll(found.page().hits());
            long pages = Math.max(1, (total + query.pageSize() - 1) / query.pageSize());
            answered.set(NOTHING_FOUND); // before busy ends: the empty table never says how to search in between
            busy.set(--searching > 0);
            status.set(total == 0 ? "Nothing found." : total + (total == 1 ? " event" : " events") + " · page " + page + " of " + pages);
        }, failure -> {
            answered.set(FAILED);
            busy.set(--searching > 0);
            status.set("The search failed.");
            errors.accept(failure.getMessage());
        });
    }

    private record Found(SearchPage page, long total) {
    }

    /**
     * The ledger's search index, opened by the first search (or {@link #warmUp}) and kept open for the next ones: what the
     * index keeps in memory (each word's document count for bm25, the documents' lengths it loads off the opener's thread) is
     * then paid once, not at every search. Used on the executor's threads one at a time ({@link #opening}).
     */
    private LedgerSearch open;
    private final Object opening = new Object();

    private LedgerSearch opened() {
        if (open == null) {
            say(OPENING, -1);
            open = session.openSearch(indexDirectory, (done, all) -> say(upgrading(done, all), fraction(done, all)));
            // kept open for the next searches: worth loading what makes later ones faster
            open.warmUp();
        }
        return open;
    }

    /** Says {@code sentence} with the bar at {@code reached} (-1: not measured), on the UI thread. */
    private void say(String sentence, double reached) {
        executor.onUiThread(() -> {
            progress.set(reached);
            status.set(sentence);
        });
    }

    private static final String UPGRADING = "Upgrading the search index of an older Eventscope";

    /** Session 17: the upgrade and the indexing said which work, not how far ("n of N events" now, and a measuring bar). */
    static String upgrading(long done, long all) {
        return String.format(java.util.Locale.ROOT, UPGRADING + " (once): %,d of %,d events"
                + " (%d %%) · safe to wait.", done, all, Math.round(fraction(done, all) * 100));
    }

    static String indexing(long done, long all) {
        return String.format(java.util.Locale.ROOT, "Indexing the events recorded since the last search: %,d of %,d events"
                + " (%d %%) · safe to wait (the first search of a large ledger indexes every event once).", done, all,
                Math.round(fraction(done, all) * 100));
    }

    private static double fraction(long done, long all) {
        return all <= 0 ? 1 : Math.min(1, (double) done / all);
    }

    /** The index this view keeps open between searches, if one is open now; for tests. */
    java.util.Optional<LedgerSearch> openIndex() {
        synchronized (opening) {
            return java.util.Optional.ofNullable(open);
        }
    }

    /** Opens the index in the background (the Search tab was shown), so that it warms up before the first search; never waits. */
    public void warmUp() {
        busy.set(true);
        executor.run(() -> {
            synchronized (opening) {
                return opened();
            }
        }, opened -> warmedUp(), failure -> warmedUp()); // a failure to open is reported by the search that needs the index
    }

    /** The opening said while the tab warmed the index up gives way to the first sentence, unless a search said more since. */
    private void warmedUp() {
        if (searching == 0) {
            busy.set(false);
            if (OPENING.equals(status.get()) || status.get().startsWith(UPGRADING)) {
                progress.set(-1);
                status.set(IDLE);
            }
        }
    }

    /** How far the index's upgrade or indexing is, from 0 to 1, or -1 when not measured (a bar beside the status). */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * What the empty hit table says: while the index opens, is brought up to date or searched, that work and how far (the
     * status's sentence); after a search that found nothing, so; before any search, how to search. Session 17 left it saying
     * "Search, or search without words…" while a first search indexed the ledger for minutes.
     */
    public javafx.beans.binding.StringExpression placeholderProperty() {
        return placeholder;
    }

    private final javafx.beans.binding.StringBinding placeholder = javafx.beans.binding.Bindings.createStringBinding(
            () -> busy.get() && !IDLE.equals(status.get()) ? status.get() : answered.get() == null ? BEFORE_SEARCH : answered.get(), busy, status, answered);

    /** True while the index is opened, brought up to date or searched (a progress indicator beside the status). */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Closes the index (the workbench closed), in the background after any search still running. */
    public void close() {
        executor.run(() -> {
            synchronized (opening) {
                if (open != null) {
                    open.close();
                    open = null;
                }
                return true;
            }
        }, closed -> { }, failure -> { });
    }

    SearchQuery query(int wanted) {
        List<String> types = type.get().isBlank() ? List.of() : List.of(type.get().strip());
        return new SearchQuery(text.get(), types, blankToNull(user.get()), blankToNull(command.get()), blankToNull(account.get()),
                blankToNull(category.get()), amount("Amount from", minAmount.get()), amount("Amount to", maxAmount.get()),
                instant("Recorded from", recordedFrom.get()), instant("Recorded to", recordedTo.get()), date("Date from", dateFrom.get()),
                date("Date to", dateTo.get()), order.get(), wanted, 50);
    }

    private static java.time.LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.DateTimeException wrong) {
            throw new IllegalArgumentException(field + " \"" + value.strip() + "\" is not a date such as 2025-03-31.");
        }
    }

    /** A recorded-time bound: a date (its start, UTC) or an instant such as 2025-05-06T12:00:00Z. */
    private static java.time.Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                    : java.time.Instant.parse(text);
        } catch (java.time.DateTimeException wrong) {
            throw new IllegalArgumentException(field + " \"" + text + "\" is not a date (2025-05-06) or a time (2025-05-06T12:00:00Z).");
        }
    }

    private static BigDecimal amount(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException wrong) {
            throw new IllegalArgumentException(field + " \"" + value.strip() + "\" is not an amount such as 4900 or 4,900.00.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public StringProperty minAmountProperty() {
        return minAmount;
    }

    public StringProperty maxAmountProperty() {
        return maxAmount;
    }

    public StringProperty commandProperty() {
        return command;
    }

    public StringProperty dateFromProperty() {
        return dateFrom;
    }

    public StringProperty dateToProperty() {
        return dateTo;
    }

    public StringProperty recordedFromProperty() {
        return recordedFrom;
    }

    public StringProperty recordedToProperty() {
        return recordedTo;
    }

    public ObjectProperty<SearchQuery.Order> orderProperty() {
        return order;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
