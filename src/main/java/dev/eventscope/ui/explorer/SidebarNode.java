package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.StreamId;

import java.util.List;

/**
 * One entry of the sidebar tree: a group (Accounts, Journal entries, ...), a level of the account
 * hierarchy, or a stream. {@code stream} is null for nodes that are not streams themselves;
 * {@code count} is the number of streams under a group or the number of events of a stream.
 */
public record SidebarNode(String key, String label, StreamId stream, long count, List<SidebarNode> children) {

    public SidebarNode {
        // a page's stream nodes are made when first read (SidebarTree.StreamNodes), and never change once made
        children = children instanceof SidebarTree.StreamNodes ? children : List.copyOf(children);
    }

    public boolean isStream() {
        return stream != null;
    }

    /** The label with its count, as the tree shows it. */
    public String display() {
        return count > 0 ? label + "  (" + count + ")" : label;
    }
}
