package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SidebarTreeTest {

    private static StreamInfo stream(String name, long version) {
        StreamId id = StreamId.of(name);
        return new StreamInfo(id, id.category(), version, version);
    }

    private static final List<StreamInfo> STREAMS = List.of(
            stream("account-assets:bank:checking", 17),
            stream("account-assets:bank", 2),
            stream("account-income:sales", 12),
            stream("entry-0001", 1),
            stream("entry-0002", 1),
            stream("ledger", 3),
            stream("invoice-77", 4));

    private static List<String> labels(List<SidebarNode> nodes) {
        return nodes.stream().map(SidebarNode::label).toList();
    }

    @Nested
    @DisplayName("given streams of several types")
    class Grouping {

        @Test
        void groups_come_in_the_order_ledger_accounts_entries_then_other_categories() {
            assertEquals(List.of("Ledger", "Accounts", "Journal entries", "invoice"),
                    labels(SidebarTree.build(STREAMS, "", SidebarTree.ALL_TYPES)));
        }

        @Test
        void each_group_counts_its_streams() {
            List<SidebarNode> groups = SidebarTree.build(STREAMS, "", SidebarTree.ALL_TYPES);
            assertEquals(List.of(1L, 3L, 2L, 1L), groups.stream().map(SidebarNode::count).toList());
        }

        @Test
        void accounts_form_a_tree_by_the_colon_hierarchy_and_a_level_can_be_a_stream_itself() {
            SidebarNode accounts = SidebarTree.build(STREAMS, "", SidebarTree.ALL_TYPES).get(1);
            assertEquals(List.of("assets", "income"), labels(accounts.children()));
            SidebarNode assets = accounts.children().get(0);
            assertNull(assets.stream());
            SidebarNode bank = assets.children().get(0);
            assertEquals(StreamId.of("account-assets:bank"), bank.stream());
            assertEquals(2, bank.count());
            SidebarNode checking = bank.children().get(0);
            assertEquals("checking", checking.label());
            assertEquals(StreamId.of("account-assets:bank:checking"), checking.stream());
            assertEquals(17, checking.count());
        }

        @Test
        void journal_entries_are_listed_by_their_id_without_the_category() {
            SidebarNode entries = SidebarTree.build(STREAMS, "", SidebarTree.ALL_TYPES).get(2);
            assertEquals(List.of("0001", "0002"), labels(entries.children()));
        }
    }

    @Nested
    @DisplayName("when filtering")
    class Filtering {

        @Test
        void the_search_matches_stream_names_in_any_case_and_keeps_the_account_path() {
            List<SidebarNode> groups = SidebarTree.build(STREAMS, "CHECK", SidebarTree.ALL_TYPES);
            assertEquals(List.of("Accounts"), labels(groups));
            assertEquals(1, groups.get(0).count());
            assertEquals("checking", groups.get(0).children().get(0).children().get(0).children().get(0).label());
        }

        @Test
        void the_type_filter_keeps_one_group() {
            assertEquals(List.of("Journal entries"), labels(SidebarTree.build(STREAMS, "", "Journal entries")));
        }

        @Test
        void the_type_choices_are_all_types_then_the_groups_present() {
            assertEquals(List.of("All types", "Ledger", "Accounts", "Journal entries", "invoice"), SidebarTree.typeChoices(STREAMS));
        }

        @Test
        void a_search_that_matches_nothing_leaves_no_groups() {
            assertTrue(SidebarTree.build(STREAMS, "nothing-like-this", SidebarTree.ALL_TYPES).isEmpty());
        }
    }

    @Nested
    @DisplayName("given more journal entries than fit a page")
    class Paging {

        private final List<StreamInfo> many = java.util.stream.IntStream.rangeClosed(1, SidebarTree.PAGE_SIZE * 2 + 5)
                .mapToObj(number -> stream(String.format("entry-E%06d", number), 1)).toList();

        @Test
        void the_entries_come_in_pages_named_by_their_first_and_last_entry_with_their_count() {
            SidebarNode entries = SidebarTree.build(many, "", SidebarTree.ALL_TYPES).get(0);
            assertEquals(SidebarTree.PAGE_SIZE * 2L + 5, entries.count());
            assertEquals(List.of("E000001 … E001000", "E001001 … E002000", "E002001 … E002005"), labels(entries.children()));
            assertEquals(List.of((long) SidebarTree.PAGE_SIZE, (long) SidebarTree.PAGE_SIZE, 5L),
                    entries.children().stream().map(SidebarNode::count).toList());
            assertEquals("E001001", entries.children().get(1).children().get(0).label());
        }

        @Test
        void the_path_to_an_entry_goes_through_its_page() {
            List<SidebarNode> groups = SidebarTree.build(many, "", SidebarTree.ALL_TYPES);
            List<SidebarNode> path = SidebarTree.pathTo(groups, StreamId.of("entry-E001500"));
            assertEquals(List.of("Journal entries", "E001001 … E002000", "E001500"), labels(path));
        }

        @Test
        void a_search_narrowing_to_a_page_or_less_lists_the_entries_directly() {
            SidebarNode entries = SidebarTree.build(many, "E0020", SidebarTree.ALL_TYPES).get(0);
            assertEquals(6, entries.children().size());
            assertEquals(StreamId.of("entry-E002000"), entries.children().get(0).stream());
        }

        @Test
        void a_stream_not_shown_has_no_path() {
            assertTrue(SidebarTree.pathTo(SidebarTree.build(many, "E0020", SidebarTree.ALL_TYPES), StreamId.of("entry-E000001")).isEmpty());
        }
    }

    @Test
    void the_view_model_keeps_the_chosen_type_while_it_still_exists() {
        SidebarViewModel sidebar = new SidebarViewModel();
        sidebar.setStreams(STREAMS);
        sidebar.typeProperty().set("Accounts");
        sidebar.setStreams(STREAMS.subList(0, 3));
        assertEquals("Accounts", sidebar.typeProperty().get());
        assertEquals(List.of("Accounts"), labels(sidebar.groupsProperty().get()));
        sidebar.setStreams(List.of(stream("ledger", 1)));
        assertEquals(SidebarTree.ALL_TYPES, sidebar.typeProperty().get());
    }
}
