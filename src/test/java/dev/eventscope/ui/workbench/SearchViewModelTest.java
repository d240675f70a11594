package dev.eventscope.ui.workbench;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.search.SearchHit;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: the app's search and whole-log view take every filter, both clocks included, and refuse bad ones in a sentence. */
class SearchViewModelTest {

    @TempDir
    Path folder;

    @Test
    void filters_on_user_command_and_both_clocks_narrow_the_whole_log() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        List<String> errors = new ArrayList<>();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            SearchViewModel search = viewOf(ledger, store, "index", errors::add);
            search.userProperty().set("p.brandt");
            search.search();
            assertEquals(4, search.hits().size(), "the account p.brandt opened, the entry and its postings");
            search.commandProperty().set("PostEntry");
            search.search();
            assertEquals(3, search.hits().size());
            search.userProperty().set("");
            search.dateFromProperty().set("2025-10-07");
            search.dateToProperty().set("2025-10-08");
            search.recordedToProperty().set("2025-10-09");
            search.search();
            assertEquals(List.of("JE-2025-0197"), search.hits().stream().map(SearchHit::entryId).distinct().toList());
            assertEquals("3 events · page 1 of 1", search.statusProperty().get());

            search.recordedFromProperty().set("yesterday");
            search.search();
            assertEquals(List.of("Recorded from \"yesterday\" is not a date (2025-05-06) or a time (2025-05-06T12:00:00Z)."), errors);
            search.close();
        }
    }

    @Test
    void pages_forward_and_back_through_the_whole_log_by_key() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            SearchViewModel search = viewOf(ledger, store, "index", SearchViewModelTest::fail);
            search.search();
            assertEquals(1, search.hits().get(0).position());
            search.nextPage();
            search.nextPage();
            assertEquals(101, search.hits().get(0).position());
            assertEquals(150, search.hits().get(49).position());
            long pages = (store.lastPosition() + 49) / 50;
            assertEquals(store.lastPosition() + " events · page 3 of " + pages, search.statusProperty().get());
            search.previousPage();
            assertEquals(51, search.hits().get(0).position());
            search.previousPage();
            search.previousPage();
            assertEquals(1, search.hits().get(0).position(), "there is no page before the first");
            search.close();
        }
    }

    @Test
    void the_index_opened_by_the_first_search_serves_the_next_ones_and_closes_with_the_workbench() throws Exception {
        // each search used to open and close the index, so every search in the app counted each word's documents for
        // bm25 again and never had the documents' lengths loaded in time: a first ask every time
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("kept-open.ledger"));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            SearchViewModel search = viewOf(ledger, store, "kept-index", SearchViewModelTest::fail);
            assertTrue(search.openIndex().isEmpty(), "nothing is opened before the first search");
            search.textProperty().set("JE-2025-0197");
            search.search();
            assertEquals(3, search.hits().size());
            dev.eventscope.projection.search.LedgerSearch first = search.openIndex().orElseThrow();
            search.textProperty().set("freight");
            search.search();
            assertTrue(search.openIndex().orElseThrow() == first, "the second search asks the index the first one opened");
            search.close();
            assertTrue(search.openIndex().isEmpty(), "closing the workbench closes the index");
        }
    }

    @Test
    void opening_and_updating_the_index_are_said_while_they_last_and_a_busy_mark_shows_until_the_answer() throws Exception {
        // session 16: an older index is upgraded in place on open (~40 s per million events) and a first search of a large
        // ledger indexes it whole, all under "Searching…" with the work in the log only
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("said.ledger"));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            SearchViewModel search = viewOf(ledger, store, "said-index", SearchViewModelTest::fail);
            java.util.List<String> said = new java.util.ArrayList<>();
            java.util.List<Boolean> busy = new java.util.ArrayList<>();
            search.statusProperty().addListener((observable, before, now) -> {
                said.add(now);
                busy.add(search.busyProperty().get());
            });
            search.warmUp();
            assertEquals(java.util.List.of(SearchViewModel.OPENING, "Type words, or leave them out to see the whole log."), said);
            assertEquals(java.util.List.of(true, false), busy, "busy while the index opens, not after");
            said.clear();
            busy.clear();
            search.textProperty().set("freight");
            search.search();
            long events = store.lastPosition();
            assertEquals(java.util.List.of("Searching…", SearchViewModel.CATCHING_UP, SearchViewModel.indexing(events, events),
                    "Searching…"), said.subList(0, 4), "an index already open is not opened again: " + said);
            assertEquals(java.util.List.of(true, true, true, true, false), busy);
            assertTrue(said.get(4).endsWith("page 1 of 1") && !search.busyProperty().get(), said.get(4));
            search.close();
        }
    }

    @Test
    void a_first_searchs_indexing_and_an_older_indexs_upgrade_say_how_far_in_events_and_on_a_measuring_bar() throws Exception {
        // session 16 left both said as which work only ("safe to wait"), never how far: minutes on a large ledger with no measure
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("far.ledger"));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            long events = store.lastPosition();
            SearchViewModel first = viewOf(ledger, store, "far-index", SearchViewModelTest::fail);
            java.util.Map<String, Double> bar = new java.util.LinkedHashMap<>();
            first.statusProperty().addListener((observable, before, now) -> bar.put(now, first.progressProperty().get()));
            first.search();
            String indexed = String.format(java.util.Locale.ROOT, "Indexing the events recorded since the last search: %,d of %,d events (100 %%)", events, events);
            assertTrue(bar.keySet().stream().anyMatch(sentence -> sentence.startsWith(indexed)), "a first search says how far: " + bar);
            assertEquals(1.0, bar.get(SearchViewModel.indexing(events, events)), "the bar measures the indexing");
            assertEquals(-1.0, bar.get("Searching…"), "a search itself is not measured");
            assertEquals(-1.0, first.progressProperty().get());
            String ledgerId = first.openIndex().orElseThrow().ledgerId();
            first.close();
            Path index = dev.eventscope.projection.search.SearchIndexes.fileOf(folder.resolve("far-index"), ledgerId);
            // an index of an older Eventscope: its documents lack their bounds (DocumentBoundsColumns), upgraded when opened
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + index);
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM search_state WHERE key = 'document_bounds'");
            }
            SearchViewModel later = viewOf(ledger, store, "far-index", SearchViewModelTest::fail);
            List<String> said = new ArrayList<>();
            later.statusProperty().addListener((observable, before, now) -> said.add(now));
            later.warmUp();
            assertTrue(said.contains(SearchViewModel.upgrading(events, events)), "the upgrade says how far: " + said);
            assertTrue(SearchViewModel.upgrading(events, events).startsWith(String.format(java.util.Locale.ROOT,
                    "Upgrading the search index of an older Eventscope (once): %,d of %,d events (100 %%)", events, events)));
            later.close();
        }
    }

    @Test
    void the_empty_table_says_the_indexing_and_how_far_while_it_lasts_and_nothing_found_only_after_a_search() throws Exception {
        // session 17's last look: "Search, or search without words for the whole log." stayed while a first search indexed
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("empty.ledger"));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            long events = store.lastPosition();
            SearchViewModel search = viewOf(ledger, store, "empty-index", SearchViewModelTest::fail);
            assertEquals(SearchViewModel.BEFORE_SEARCH, search.placeholderProperty().get());
            List<String> said = new ArrayList<>();
            search.placeholderProperty().addListener((observable, before, now) -> said.add(now));
            search.textProperty().set("zzqxnothingmatches");
            search.search();
            assertTrue(said.contains(SearchViewModel.indexing(events, events)), "the indexing and how far: " + said);
            assertTrue(said.indexOf(SearchViewModel.indexing(events, events)) < said.indexOf(SearchViewModel.NOTHING_FOUND), said.toString());
            assertEquals(List.of(SearchViewModel.NOTHING_FOUND), said.stream().filter(sentence -> sentence.startsWith("Nothing")).toList(),
                    "nothing found is said once, when the search answered: " + said);
            assertFalse(said.contains(SearchViewModel.BEFORE_SEARCH), "never how to search while indexing: " + said);
            assertEquals(SearchViewModel.NOTHING_FOUND, search.placeholderProperty().get());
            search.close();
        }
    }

    private SearchViewModel viewOf(Path ledger, SqliteEventStore store, String index, java.util.function.Consumer<String> errors) {
        return new SearchViewModel(dev.eventscope.session.TestSessions.of(ledger, store), folder.resolve(index), new SameThreadExecutor(), errors);
    }

    private static void fail(String error) {
        throw new AssertionError(error);
    }
}
