package dev.eventscope.ui.explorer;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups streams for the sidebar: the ledger stream, accounts as a tree by the colon hierarchy of
 * their names, journal entries, then every other category. Pure, so it is tested without a screen.
 */
public final class SidebarTree {

    public static final String ALL_TYPES = "All types";
    static final String LEDGER = "Ledger";
    static final String ACCOUNTS = "Accounts";
    static final String JOURNAL_ENTRIES = "Journal entries";
    /** A flat group with more streams than this is split into pages of this many (250,000 entries → 250 pages). */
    public static final int PAGE_SIZE = 1_000;

    private SidebarTree() {
    }

    /** The group title of a stream category, which is also its entry in the type filter. */
    public static String groupOf(String category) {
        return switch (category) {
            case "ledger" -> LEDGER;
            case "account" -> ACCOUNTS;
            case "entry" -> JOURNAL_ENTRIES;
            default -> category;
        };
    }

    /** The type filter's choices for these streams, in sidebar order. */
    public static List<String> typeChoices(List<StreamInfo> streams) {
        java.util.TreeSet<String> groups = new java.util.TreeSet<>(SidebarTree::compareGroups);
        for (StreamInfo stream : streams) {
            groups.add(groupOf(stream.category()));
        }
        List<String> choices = new ArrayList<>();
        choices.add(ALL_TYPES);
        choices.addAll(groups);
        return choices;
    }

    /** The groups of streams whose name contains {@code search} (any case) and whose group is {@code type}. */
    public static List<SidebarNode> build(List<StreamInfo> streams, String search, String type) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        boolean allTypes = type == null || ALL_TYPES.equals(type);
        Map<String, List<StreamInfo>> byGroup = new TreeMap<>(SidebarTree::compareGroups);
        // streams come in runs of one category (listed by name): one group lookup per run, not per stream
        String category = null;
        List<StreamInfo> run = null;
        for (StreamInfo stream : streams) {
            if (!stream.category().equals(category)) {
                category = stream.category();
                String group = groupOf(category);
                run = allTypes || type.equals(group) ? byGroup.computeIfAbsent(group, ignored -> new ArrayList<>()) : null;
            }
            if (run != null && (needle.isEmpty() || stream.streamId().value().toLowerCase(Locale.ROOT).contains(needle))) {
                run.add(stream);
            }
        }
        byGroup.values().removeIf(List::isEmpty);
        List<SidebarNode> groups = new ArrayList<>();
        byGroup.forEach((group, members) -> groups.add(new SidebarNode("group:" + group, group, null, members.size(),
                ACCOUNTS.equals(group) ? accountTree(members) : flat(group, members))));
        return groups;
    }

    /** The nodes from a group down to {@code stream}'s node (empty when it is not shown). */
    public static List<SidebarNode> pathTo(List<SidebarNode> nodes, StreamId stream) {
        for (SidebarNode node : nodes) {
            if (stream.equals(node.stream())) {
                return List.of(node);
            }
            // a page that does not hold the stream is passed over without making its stream nodes
            if (!node.children().isEmpty() && !(node.children() instanceof StreamNodes page && !page.holds(stream))) {
                List<SidebarNode> below = pathTo(node.children(), stream);
                if (!below.isEmpty()) {
                    List<SidebarNode> path = new ArrayList<>(below.size() + 1);
                    path.add(node);
                    path.addAll(below);
                    return path;
                }
            }
        }
        return List.of();
    }

    private static int compareGroups(String left, String right) {
        return Integer.compare(rank(left), rank(right)) != 0 ? Integer.compare(rank(left), rank(right)) : left.compareTo(right);
    }

    private static int rank(String group) {
        return switch (group) {
            case LEDGER -> 0;
            case ACCOUNTS -> 1;
            case JOURNAL_ENTRIES -> 2;
            default -> 3;
        };
    }

    /**
     * The streams of a flat group; more than {@link #PAGE_SIZE} are put into pages ("E000001 … E001000",
     * counting their streams) so that the tree never holds hundreds of thousands of items at once. A page's stream
     * nodes are made when first asked for (a page expanded, a stream looked for), not for 250 pages on every grouping.
     */
    private static List<SidebarNode> flat(String group, List<StreamInfo> members) {
        if (members.size() <= PAGE_SIZE) {
            return streamNodes(members);
        }
        List<SidebarNode> pages = new ArrayList<>(members.size() / PAGE_SIZE + 1);
        for (int from = 0; from < members.size(); from += PAGE_SIZE) {
            List<StreamInfo> page = members.subList(from, Math.min(members.size(), from + PAGE_SIZE));
            String first = labelOf(page.get(0));
            String last = labelOf(page.get(page.size() - 1));
            pages.add(new SidebarNode("page:" + group + ":" + first, first + " … " + last, null, page.size(), new StreamNodes(page)));
        }
        return pages;
    }

    private static List<SidebarNode> streamNodes(List<StreamInfo> members) {
        List<SidebarNode> nodes = new ArrayList<>(members.size());
        for (StreamInfo stream : members) {
            nodes.add(new SidebarNode("stream:" + stream.streamId().value(), labelOf(stream), stream.streamId(), stream.version(), List.of()));
        }
        return nodes;
    }

    /** A page's stream nodes, made on first use (then kept): a list like any other to its readers. */
    static final class StreamNodes extends java.util.AbstractList<SidebarNode> implements java.util.RandomAccess {
        private final List<StreamInfo> members;
        private List<SidebarNode> made;

        private StreamNodes(List<StreamInfo> members) {
            this.members = members;
        }

        private synchronized List<SidebarNode> nodes() {
            List<SidebarNode> nodes = made;
            if (nodes == null) {
                nodes = List.copyOf(streamNodes(members));
                made = nodes;
            }
            return nodes;
        }

        /** Whether its stream nodes have been made (tests). */
        synchronized boolean made() {
            return made != null;
        }

        boolean holds(StreamId stream) {
            for (StreamInfo member : members) {
                if (member.streamId().equals(stream)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public SidebarNode get(int index) {
            return nodes().get(index);
        }

        @Override
        public int size() {
            return members.size();
        }

        @Override
        public boolean isEmpty() {
            return members.isEmpty();
        }
    }

    private static String labelOf(StreamInfo stream) {
        String name = stream.streamId().value();
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(dash + 1);
    }

    /** Accounts {@code account-assets:bank:checking} become assets > bank > checking. */
    private static List<SidebarNode> accountTree(List<StreamInfo> accounts) {
        Level root = new Level("");
        for (StreamInfo account : accounts) {
            String name = account.streamId().value().substring(account.streamId().value().indexOf('-') + 1);
            Level level = root;
            String path = "";
            for (String segment : name.split(":", -1)) {
                path = path.isEmpty() ? segment : path + ":" + segment;
                String levelPath = path;
                level = level.children.computeIfAbsent(segment, ignored -> new Level(levelPath));
            }
            level.stream = account;
        }
        return root.toNodes();
    }

    private static final class Level {
        private final String path;
        private final Map<String, Level> children = new LinkedHashMap<>();
        private StreamInfo stream;

        private Level(String path) {
            this.path = path;
        }

        private List<SidebarNode> toNodes() {
            List<SidebarNode> nodes = new ArrayList<>();
            children.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                Level child = entry.getValue();
                StreamId stream = child.stream == null ? null : child.stream.streamId();
                long count = child.stream == null ? 0 : child.stream.version();
                nodes.add(new SidebarNode("account:" + child.path, entry.getKey(), stream, count, child.toNodes()));
            });
            return nodes;
        }
    }
}
