package dev.eventscope.projection.search;

import dev.eventscope.projection.sqlite.search.SqliteSearchIndexFactory;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.audit.AuditFixtures;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: search across the whole ledger, on the Acme fixture (three users, a close, a reopening, a late
 * entry, a reversal, a freeze). Every filter is compared with a plain scan of the events.
 */
class LedgerSearchTest {

    @TempDir
    Path folder;

    private Path ledger;
    private Path indexes;

    @BeforeEach
    void acme() {
        ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        indexes = folder.resolve("indexes");
    }

    private List<Long> found(SearchQuery query) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             LedgerSearch search = LedgerSearch.open(store, indexes, new SqliteSearchIndexFactory())) {
            search.catchUp();
            List<Long> positions = new ArrayList<>();
            for (int page = 1; ; page++) {
                SearchPage found = search.search(query.withPage(page));
                found.hits().forEach(hit -> positions.add(hit.position()));
                if (!found.hasMore()) {
                    break;
                }
            }
            assertEquals(positions.size(), search.count(query));
            assertEquals(positions, byKey(search, query), "paging by key gives what paging by offset gives, in the same order");
            return positions;
        }
    }

    /** Every page by key: each page asked for after the last hit of the one before, never by offset. */
    private static List<Long> byKey(LedgerSearch search, SearchQuery query) {
        List<Long> positions = new ArrayList<>();
        SearchCursor after = null;
        do {
            SearchPage found = search.search(query.withPage(1), after);
            found.hits().forEach(hit -> positions.add(hit.position()));
            after = found.next();
            assertEquals(found.hasMore(), after != null);
        } while (after != null);
        return positions;
    }

    /** The positions of the events whose document passes the filter: the plain reference. */
    private List<Long> scan(Predicate<SearchDocument> filter) {
        SearchDocuments documents = new SearchDocuments();
        List<Long> positions = new ArrayList<>();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (filter.test(documents.of(event))) {
                    positions.add(event.position());
                }
            }
        }
        return positions;
    }

    private static SearchQuery all() {
        return SearchQuery.text("").withPageSize(3);
    }

    @Test
    void without_words_the_whole_log_in_position_order_in_pages() {
        assertEquals(scan(document -> true), found(all()));
        assertTrue(found(all()).size() > 10);
    }

    @Test
    void every_filter_agrees_with_a_plain_scan() {
        assertEquals(scan(d -> "bob".equals(d.user())), found(all().withUser("bob")));
        assertEquals(scan(d -> "ReverseEntry".equals(d.command())), found(all().withCommand("ReverseEntry")));
        assertEquals(scan(d -> d.type().equals("PeriodClosed") || d.type().equals("AccountFrozen")),
                found(all().withTypes(List.of("PeriodClosed", "AccountFrozen"))));
        assertEquals(scan(d -> d.category().equals("entry")), found(all().withCategory("entry")));
        assertEquals(scan(d -> "assets:bank".equals(d.account())), found(all().withAccount("assets:bank")));
        assertEquals(scan(d -> d.account() != null && d.account().startsWith("expenses:")), found(all().withAccount("expenses")));
        assertEquals(scan(d -> d.amount() != null && d.amount().abs().compareTo(new BigDecimal("99.50")) >= 0
                        && d.amount().abs().compareTo(new BigDecimal("250.50")) <= 0),
                found(all().withAmounts(new BigDecimal("99.50"), new BigDecimal("250.50"))));
        LocalDate from = LocalDate.of(2024, 1, 15);
        LocalDate to = LocalDate.of(2024, 1, 31);
        assertEquals(scan(d -> d.entryDate() != null && !d.entryDate().isBefore(from) && !d.entryDate().isAfter(to)),
                found(all().withDates(from, to)));
        List<Long> everything = scan(d -> true);
        long middle = everything.get(everything.size() / 2);
        Instant cut = recordedAt(middle);
        assertEquals(scan(d -> d.recordedAtMicros() >= micros(cut)), found(all().withRecorded(cut, null)));
        assertEquals(scan(d -> d.recordedAtMicros() < micros(cut)), found(all().withRecorded(null, cut)));
        assertEquals(scan(d -> "bob".equals(d.user()) && "entry".equals(d.category())),
                found(all().withUser("bob").withCategory("entry")));
    }

    @Test
    void words_find_descriptions_entry_ids_accounts_users_and_data() {
        assertEquals(scan(d -> d.text().contains("Widgets")), found(all().withText("widgets")));
        List<Long> e4 = found(all().withText("E4"));
        assertEquals(scan(d -> "E4".equals(d.entryId())), e4);
        assertEquals(3, e4.size(), "the entry and its two postings");
        assertEquals(scan(d -> d.text().contains("expenses:office")), found(all().withText("expenses:office")));
        assertEquals(scan(d -> d.text().contains("carol")), found(all().withText("carol")));
        assertEquals(scan(d -> d.text().contains("under review")), found(all().withText("under review")));
        assertEquals(scan(d -> d.text().contains("Invoice")), found(all().withText("invo*")));
        assertEquals(List.of(), found(all().withText("nothing-like-this")));
    }

    @Test
    void words_and_filters_together_agree_with_a_plain_scan() {
        assertEquals(scan(d -> d.text().contains("Invoice") && "bob".equals(d.user())), found(all().withText("invoice").withUser("bob")));
        assertEquals(scan(d -> d.text().contains("Invoice") && "assets:bank".equals(d.account())),
                found(all().withText("invoice").withAccount("assets:bank")));
        LocalDate day = LocalDate.of(2024, 1, 20);
        assertEquals(scan(d -> d.text().contains("Invoice") && day.equals(d.entryDate()) && "entry".equals(d.category())),
                found(all().withText("invoice").withDates(day, day).withCategory("entry")));
        assertEquals(List.of(), found(all().withText("invoice").withUser("nobody")));
    }

    @Test
    void a_word_with_each_filter_the_text_names_agrees_with_a_plain_scan() {
        // type, user, command, category and account are also added to the full-text match as words (SearchSql.hints)
        assertEquals(scan(d -> d.text().contains("Invoice") && d.type().equals("PostingRecorded")),
                found(all().withText("invoice").withTypes(List.of("PostingRecorded"))));
        assertEquals(scan(d -> d.text().toLowerCase(java.util.Locale.ROOT).contains("eur")
                        && (d.type().equals("PostingRecorded") || d.type().equals("EntryPosted"))),
                found(all().withText("eur").withTypes(List.of("PostingRecorded", "EntryPosted"))));
        assertEquals(scan(d -> d.text().contains("Invoice") && "PostEntry".equals(d.command())),
                found(all().withText("invoice").withCommand("PostEntry")));
        assertEquals(scan(d -> d.text().contains("Invoice") && "entry".equals(d.category())),
                found(all().withText("invoice").withCategory("entry")));
        assertEquals(scan(d -> d.text().toLowerCase(java.util.Locale.ROOT).contains("eur") && d.account() != null
                        && d.account().startsWith("expenses:")), found(all().withText("eur").withAccount("expenses")));
        assertEquals(scan(d -> d.text().contains("Invoice") && "carol".equals(d.user()) && "account".equals(d.category())),
                found(all().withText("invoice").withUser("carol").withCategory("account")));
        assertEquals(List.of(), found(all().withText("invoice").withTypes(List.of("AccountOpened"))));
    }

    @Test
    void words_that_look_like_query_syntax_are_searched_as_written() {
        assertEquals(List.of(), found(all().withText("\"unbalanced and or not ( -")));
        assertEquals(found(all().withText("invoice")), found(all().withText("INVOICE")));
    }

    @Test
    void relevance_puts_the_best_match_first_and_finds_the_same_events() {
        List<Long> byPosition = found(all().withText("invoice"));
        List<Long> byRelevance = found(all().withText("invoice").withOrder(SearchQuery.Order.RELEVANCE));
        assertEquals(new java.util.TreeSet<>(byPosition), new java.util.TreeSet<>(byRelevance));
        List<Long> allThree = found(all().withText("invoice paid late").withOrder(SearchQuery.Order.RELEVANCE));
        assertEquals(new java.util.TreeSet<>(scan(d -> "E4".equals(d.entryId()))), new java.util.TreeSet<>(allThree),
                "only the late invoice's entry and postings hold all three words");
    }

    @Test
    void catching_up_indexes_only_new_events_and_another_ledger_rebuilds() throws Exception {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             LedgerSearch search = LedgerSearch.open(store, indexes, new SqliteSearchIndexFactory())) {
            assertEquals(store.lastPosition(), search.catchUp());
            assertEquals(0, search.catchUp());
        }
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            LedgerCommandService.create(store).execute(PostEntry.simple(EntryId.of("E9"), LocalDate.of(2024, 2, 10), "Stapler",
                    List.of(Posting.of(AccountName.of("expenses:rent"), Money.of("7.00", "EUR")),
                            Posting.of(AccountName.of("assets:bank"), Money.of("-7.00", "EUR")))), CommandContext.byUser("dave"));
        }
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             LedgerSearch search = LedgerSearch.open(store, indexes, new SqliteSearchIndexFactory())) {
            assertEquals(3, search.catchUp(), "the entry and its two postings");
            assertEquals(3, search.count(SearchQuery.text("stapler")));
        }
        Path other = AuditFixtures.acmeLedger(folder.resolve("other.ledger"));
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(other);
             LedgerSearch search = LedgerSearch.open(store, indexes, new SqliteSearchIndexFactory())) {
            assertEquals(store.lastPosition(), search.catchUp(), "a ledger of its own gets an index of its own");
            assertEquals(0, search.count(SearchQuery.text("stapler")));
        }
        assertEquals(2, Files.list(indexes).filter(file -> file.toString().endsWith(".search.sqlite")).count());
    }

    @Test
    void a_page_outside_the_range_is_refused_with_a_sentence() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> all().withPage(0));
        assertEquals("The page must be 1 or more, not 0.", wrong.getMessage());
        assertFalse(found(all().withPage(1000)).isEmpty(), "paging through collects every page from the first");
    }

    @Test
    void or_and_not_are_refused_with_a_sentence_and_the_words_in_lower_case_are_found() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> SearchQuery.text("stapler OR paper"));
        assertEquals("The search words hold OR, but search has no AND, OR, NOT or NEAR: every word must match; to find the word"
                + " itself, write it in lower case.", wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> all().withText("NOT stapler"));
        assertEquals("stapler or", SearchQuery.text("stapler or").text(), "in lower case, the word itself is searched for");
    }

    @Test
    void a_page_key_reads_back_as_written_and_a_wrong_one_is_refused_with_a_sentence() {
        SearchCursor byRank = new SearchCursor(1234, -7.000012345678901);
        assertEquals(byRank, SearchCursor.parse(byRank.text(SearchQuery.Order.RELEVANCE)));
        assertEquals(SearchCursor.afterPosition(1234), SearchCursor.parse(SearchCursor.afterPosition(1234).text(SearchQuery.Order.POSITION)));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> SearchCursor.parse("page-3"));
        assertEquals("\"page-3\" is not where a page ended (a position such as 1234, or rank:position such as -7.25:1234,"
                + " as the last page printed it).", wrong.getMessage());
    }

    private Instant recordedAt(long position) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            return store.readAt(position).orElseThrow().recordedAt();
        }
    }

    private static long micros(Instant instant) {
        return java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
