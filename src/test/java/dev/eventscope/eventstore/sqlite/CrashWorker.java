package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A child JVM that appends batches to a ledger until it is killed: {@code <ledger> <FULL|NORMAL> <seed>}.
 * Batch k is {@link #batch(long, int)}: 1 to 20 events over 1 to 5 streams with event ids
 * {@code batch-<k>-<i>}. After each append returns it prints and flushes "DONE k", so the parent
 * knows which batches the store promised to keep.
 */
public final class CrashWorker {

    private static final int STREAM_POOL = 8;
    private static final String PADDING = "x".repeat(180);

    private CrashWorker() {
    }

    public static void main(String[] arguments) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path ledger = Path.of(arguments[0]);
        SqliteOptions options = SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.valueOf(arguments[1]));
        long seed = Long.parseLong(arguments[2]);
        try (SqliteEventStore store = SqliteEventStore.open(ledger, options)) {
            out.println("READY");
            for (int k = 0; k < 1_000_000; k++) {
                store.appendAll(batch(seed, k));
                out.println("DONE " + k);
            }
        } catch (Throwable failure) {
            out.println("ERROR " + failure.toString().replace('\n', ' '));
            failure.printStackTrace();
            System.exit(2);
        }
    }

    /** The k-th batch of a run: deterministic, so the parent can rebuild it to check what was stored. */
    static List<StreamAppend> batch(long seed, int k) {
        Random random = new Random(seed * 1_000_003L + k);
        int eventCount = 1 + random.nextInt(20);
        int streamCount = Math.min(eventCount, 1 + random.nextInt(5));
        int firstStream = random.nextInt(STREAM_POOL);
        List<StreamAppend> appends = new ArrayList<>();
        int eventIndex = 0;
        for (int s = 0; s < streamCount; s++) {
            StreamId stream = StreamId.of("account-crash" + (firstStream + s) % STREAM_POOL);
            int share = s == streamCount - 1 ? eventCount - eventIndex : 1 + random.nextInt(eventCount - eventIndex - (streamCount - s - 1));
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < share; i++, eventIndex++) {
                events.add(new NewEvent("batch-" + k + "-" + eventIndex, "PostingRecorded", 1,
                        "{\"batch\":" + k + ",\"index\":" + eventIndex + ",\"padding\":\"" + PADDING + "\"}",
                        EventMetadata.by("crash-worker")));
            }
            appends.add(new StreamAppend(stream, ExpectedVersion.ANY, events));
        }
        return appends;
    }
}
