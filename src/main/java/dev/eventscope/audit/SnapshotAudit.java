package dev.eventscope.audit;

import dev.eventscope.application.Aggregate;
import dev.eventscope.application.AggregateRepository;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.Direction;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StoredSnapshot;
import dev.eventscope.eventstore.StreamId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks that every snapshot equals the replay it stands for: each stream with snapshots is replayed
 * once from its first event, and its state compared with each snapshot at that snapshot's version.
 * A snapshot the store would use that differs is a finding of tampering; one the store already
 * ignores (no anchor, or an anchor the chain no longer matches) is reported as ignored.
 */
final class SnapshotAudit {

    private static final int PAGE = 1_000;

    /** The store's reason for a snapshot written before snapshots were anchored. */
    private static final String NO_ANCHOR = "it carries no hash of the event it was taken at";
    private static final int LISTED = 20;

    private final EventCodec codec;
    private long unanchored;

    SnapshotAudit(EventCodec codec) {
        this.codec = codec;
    }

    SnapshotFindings check(EventStore store) {
        Map<StreamId, List<StoredSnapshot>> byStream = new LinkedHashMap<>();
        store.snapshots(stored -> byStream.computeIfAbsent(stored.snapshot().stream(), stream -> new ArrayList<>()).add(stored));
        List<String> misleading = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        long[] checked = {0};
        AggregateRepository repository = new AggregateRepository(store, codec);
        byStream.forEach((stream, snapshots) -> {
            Aggregate<?, ?, ?> aggregate = aggregateOf(stream);
            if (aggregate == null) {
                snapshots.forEach(stored -> ignored.add(describe(stored) + " is ignored: it is not of a kind Eventscope snapshots"));
                return;
            }
            replay(repository, aggregate, stream, snapshots, misleading, ignored, checked);
        });
        List<String> listed = new ArrayList<>(ignored.subList(0, Math.min(LISTED, ignored.size())));
        if (ignored.size() > LISTED) {
            listed.add((ignored.size() - LISTED) + " more snapshots are ignored for the same kinds of reason");
        }
        if (unanchored > 0) {
            // snapshots from before anchors existed: harmless, equal to their replay, but never used again
            listed.add(unanchored + " snapshot" + (unanchored == 1 ? " was" : "s were") + " written before snapshots were"
                    + " anchored to the chain; they equal their replay but are not used (new snapshots replace them)");
        }
        return new SnapshotFindings(checked[0], misleading, listed);
    }

    private <S, C, E> void replay(AggregateRepository repository, Aggregate<S, C, E> aggregate, StreamId stream,
                                  List<StoredSnapshot> snapshots, List<String> misleading, List<String> ignored, long[] checked) {
        S state = aggregate.initialState();
        long version = 0;
        int next = 0;
        List<StoredSnapshot> current = snapshots.stream()
                .filter(stored -> stored.snapshot().stateSchemaVersion() == aggregate.stateSchemaVersion()).toList();
        snapshots.stream().filter(stored -> stored.snapshot().stateSchemaVersion() != aggregate.stateSchemaVersion())
                .forEach(stored -> ignored.add(describe(stored) + " is ignored: it was written for an older state shape"));
        while (next < current.size()) {
            List<RecordedEvent> page;
            try {
                page = repository.store().readStream(stream, version + 1, Direction.FORWARD, PAGE);
            } catch (RuntimeException unreadable) {
                break;
            }
            for (RecordedEvent recorded : page) {
                state = aggregate.decider().evolve(state, repository.typed(aggregate, recorded));
                version = recorded.version();
                while (next < current.size() && current.get(next).snapshot().version() == version) {
                    compare(current.get(next), state, aggregate, misleading, ignored, checked);
                    next++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        current.subList(next, current.size()).forEach(stored ->
                ignored.add(describe(stored) + " is ignored: its stream has no event at that version"));
    }

    private void compare(StoredSnapshot stored, Object replayed, Aggregate<?, ?, ?> aggregate, List<String> misleading,
                         List<String> ignored, long[] checked) {
        boolean equal;
        try {
            equal = Objects.equals(codec.stateOf(stored.snapshot(), aggregate.stateType()), replayed)
                    || codec.snapshotOf(stored.snapshot().stream(), stored.snapshot().version(), replayed,
                    aggregate.stateSchemaVersion()).data().equals(stored.snapshot().data());
        } catch (RuntimeException unreadable) {
            equal = false;
        }
        if (!stored.anchored()) {
            if (equal && NO_ANCHOR.equals(stored.problem())) {
                unanchored++;
                return;
            }
            ignored.add(describe(stored) + " is ignored: " + stored.problem() + (equal ? "" : ", and it differs from the replay"));
            return;
        }
        checked[0]++;
        if (!equal) {
            misleading.add(describe(stored) + " does not equal the replay of its events, yet it is anchored to the chain:"
                    + " its anchor was recomputed, so commands would act on a false state");
        }
    }

    private static Aggregate<?, ?, ?> aggregateOf(StreamId stream) {
        return switch (stream.category()) {
            case "ledger" -> Aggregate.LEDGER;
            case "account" -> Aggregate.ACCOUNT;
            case "entry" -> Aggregate.ENTRY;
            case "prices" -> Aggregate.PRICES;
            default -> null;
        };
    }

    private static String describe(StoredSnapshot stored) {
        return "the snapshot of '" + stored.snapshot().stream() + "' at version " + stored.snapshot().version();
    }
}
