package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group of more than {@link SidebarTree#PAGE_SIZE} streams is paged; a page's stream nodes are made when first read
 * (a page expanded, a stream looked for), with the same keys, labels and counts every time they are read.
 */
class SidebarPagesTest {

    private static List<StreamInfo> entries(int count) {
        List<StreamInfo> streams = new ArrayList<>();
        streams.add(new StreamInfo(StreamId.of("ledger"), "ledger", 3, 3));
        for (int i = 1; i <= count; i++) {
            StreamId id = StreamId.of(String.format("entry-E%06d", i));
            streams.add(new StreamInfo(id, id.category(), i % 7 + 1, i));
        }
        return streams;
    }

    @Test
    void pages_hold_their_streams_in_order_with_labels_keys_and_counts_made_on_first_read() {
        List<StreamInfo> streams = entries(2_500);
        SidebarNode journal = SidebarTree.build(streams, "", SidebarTree.ALL_TYPES).get(1);
        assertEquals(2_500, journal.count());
        assertEquals(List.of("E000001 … E001000", "E001001 … E002000", "E002001 … E002500"),
                journal.children().stream().map(SidebarNode::label).toList());
        SidebarNode third = journal.children().get(2);
        SidebarTree.StreamNodes lazy = (SidebarTree.StreamNodes) third.children();
        assertFalse(lazy.made(), "not made by grouping");
        assertEquals(500, third.children().size());
        assertFalse(lazy.made(), "its size is known without making its nodes");
        for (int i = 0; i < 500; i++) {
            StreamInfo stream = streams.get(2_001 + i);
            SidebarNode node = third.children().get(i);
            assertEquals("stream:" + stream.streamId().value(), node.key());
            assertEquals(stream.streamId().value().substring("entry-".length()), node.label());
            assertEquals(stream.streamId(), node.stream());
            assertEquals(stream.version(), node.count());
            assertTrue(node.children().isEmpty());
        }
        assertTrue(lazy.made());
        assertSame(third.children().get(7), third.children().get(7), "made once, the same nodes after");
    }

    @Test
    void looking_for_a_stream_makes_the_nodes_of_its_page_alone() {
        List<SidebarNode> groups = SidebarTree.build(entries(3_000), "", SidebarTree.ALL_TYPES);
        List<SidebarNode> path = SidebarTree.pathTo(groups, StreamId.of("entry-E002345"));
        assertEquals(List.of("Journal entries", "E002001 … E003000", "E002345"), path.stream().map(SidebarNode::label).toList());
        List<SidebarNode> pages = groups.get(1).children();
        assertFalse(((SidebarTree.StreamNodes) pages.get(0).children()).made());
        assertFalse(((SidebarTree.StreamNodes) pages.get(1).children()).made());
        assertTrue(((SidebarTree.StreamNodes) pages.get(2).children()).made());
        assertEquals(List.of(), SidebarTree.pathTo(groups, StreamId.of("entry-E009999")), "not in the ledger: no path");
    }

    @Test
    void a_search_and_a_type_page_only_what_matches() {
        List<StreamInfo> streams = entries(2_500);
        List<SidebarNode> found = SidebarTree.build(streams, "e0012", SidebarTree.ALL_TYPES);
        assertEquals(List.of("Journal entries"), found.stream().map(SidebarNode::label).toList());
        assertEquals(100, found.get(0).count()); // E001200 … E001299
        assertEquals(List.of("Ledger"), SidebarTree.build(streams, "", "Ledger").stream().map(SidebarNode::label).toList());
        assertEquals(List.of(), SidebarTree.build(streams, "no such stream", SidebarTree.ALL_TYPES));
    }
}
