package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;
import dev.eventscope.eventstore.StreamId;

import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteUpdateListener;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A child JVM that appends batches to a ledger: {@code <ledger> <FULL|NORMAL> <seed> [<stop batch> <stop point>]}.
 * Batch k is {@link #batch(long, int)}: 1 to 20 events over 1 to 5 streams with event ids
 * {@code batch-<k>-<i>}. After each append returns it prints and flushes "DONE k", so the parent
 * knows which batches the store promised to keep. With a stop batch it halts at that batch's {@link StopPoint},
 * prints "STOPPED <point> <k>" and waits there for the parent's SIGKILL, so the kill always lands at that
 * point (without one it appends until it is killed).
 */
public final class CrashWorker {

    /** Where in the append of the stop batch the worker halts for the kill. */
    enum StopPoint {
        /** Inside the append's transaction, right after the stop row of its events was inserted (SQLite's update hook). */
        INSERTING,
        /** Every event inserted and COMMIT under way, before SQLite writes any of it (SQLite's commit hook). */
        COMMITTING,
        /** The append has returned (it is committed) but its DONE line is not printed yet. */
        RETURNED
    }

    private static final int STREAM_POOL = 8;
    private static final String PADDING = "x".repeat(180);

    private CrashWorker() {
    }

    public static void main(String[] arguments) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path ledger = Path.of(arguments[0]);
        SqliteOptions options = SqliteOptions.defaults().withSynchronous(SqliteOptions.Synchronous.valueOf(arguments[1]));
        long seed = Long.parseLong(arguments[2]);
        int stopBatch = arguments.length > 3 ? Integer.parseInt(arguments[3]) : -1;
        StopPoint stopPoint = arguments.length > 4 ? StopPoint.valueOf(arguments[4]) : null;
        try (SqliteEventStore store = SqliteEventStore.open(ledger, options)) {
            int[] current = {-1};
            int[] inserted = {0};
            if (stopBatch >= 0) {
                SQLiteConnection connection = store.writerConnection().unwrap(SQLiteConnection.class);
                int stopRow = stopRow(seed, stopBatch);
                connection.addUpdateListener((type, database, table, row) -> {
                    if (stopPoint == StopPoint.INSERTING && current[0] == stopBatch && table.equals("events")
                            && type == SQLiteUpdateListener.Type.INSERT && ++inserted[0] == stopRow) {
                        halt(out, stopPoint, stopBatch);
                    }
                });
                connection.addCommitListener(new SQLiteCommitListener() {
                    @Override
                    public void onCommit() {
                        if (stopPoint == StopPoint.COMMITTING && current[0] == stopBatch) {
                            halt(out, stopPoint, stopBatch);
                        }
                    }

                    @Override
                    public void onRollback() {
                    }
                });
            }
            out.println("READY");
            for (int k = 0; k < 1_000_000; k++) {
                current[0] = k;
                store.appendAll(batch(seed, k));
                if (k == stopBatch && stopPoint == StopPoint.RETURNED) {
                    halt(out, stopPoint, k);
                }
                out.println("DONE " + k);
            }
        } catch (Throwable failure) {
            out.println("ERROR " + failure.toString().replace('\n', ' '));
            failure.printStackTrace();
            System.exit(2);
        }
    }

    /** Which inserted event row of the stop batch the worker halts after, with {@link StopPoint#INSERTING} (1-based). */
    static int stopRow(long seed, int k) {
        int events = 0;
        for (StreamAppend part : batch(seed, k)) {
            events += part.events().size();
        }
        return 1 + new Random(seed ^ k).nextInt(events);
    }

    /** Tells the parent where it stands and waits for the kill; it never returns. */
    private static void halt(PrintStream out, StopPoint point, int k) {
        out.println("STOPPED " + point + " " + k);
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // only the parent's SIGKILL ends the wait
            }
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
