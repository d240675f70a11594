package dev.eventscope.eventstore.postgres;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM working on a PostgreSQL ledger, as another desktop would. Its only interface is stdout,
 * one line per fact, so the parent test sees exactly what it saw.
 *
 * <pre>
 * race &lt;url&gt; &lt;name&gt; &lt;attempts&gt; &lt;stream,stream,...&gt;
 *     for each attempt: reads a stream's version v and appends one event with expected version v;
 *     prints "WON &lt;event id&gt; &lt;position&gt; &lt;stream&gt; &lt;version&gt;" or "CONFLICT"; ends with "FINISHED".
 * batches &lt;url&gt; &lt;name&gt; &lt;events per batch&gt;
 *     appends batches of that many events to one stream each, until killed; prints "APPENDING &lt;batch&gt;"
 *     before each append and "RETURNED &lt;batch&gt; &lt;first position&gt; &lt;last position&gt;" after it.
 * count &lt;url&gt;
 *     reads the whole ledger through readAll and prints "COUNT &lt;events&gt; &lt;last position&gt; &lt;bytes of data&gt;".
 * </pre>
 * Any failure prints "ERROR &lt;message&gt;" and exits with status 2.
 */
public final class PostgresWorker {

    private PostgresWorker() {
    }

    public static void main(String[] arguments) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            PostgresLedgerUrl url = PostgresLedgerUrl.parse(arguments[1]);
            switch (arguments[0]) {
                case "race" -> race(out, url, arguments[2], Integer.parseInt(arguments[3]), arguments[4].split(","));
                case "batches" -> batches(out, url, arguments[2], Integer.parseInt(arguments[3]));
                case "count" -> count(out, url);
                default -> throw new IllegalArgumentException("unknown mode " + arguments[0]);
            }
        } catch (Throwable failure) {
            out.println("ERROR " + failure);
            System.exit(2);
        }
    }

    private static void race(PrintStream out, PostgresLedgerUrl url, String name, int attempts, String[] streams)
            throws Exception {
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            for (int attempt = 0; attempt < attempts; attempt++) {
                StreamId stream = StreamId.of(streams[attempt % streams.length]);
                long version = store.streamVersion(stream);
                String id = name + "-" + attempt;
                try {
                    AppendResult result = store.append(stream, ExpectedVersion.exactly(version),
                            List.of(new NewEvent(id, "Raced", 1, "{\"by\":\"" + name + "\"}", EventMetadata.by(name))));
                    out.println("WON " + id + " " + result.lastPosition() + " " + stream + " " + result.versionOf(stream));
                } catch (ConcurrencyConflict conflict) {
                    out.println("CONFLICT");
                }
            }
        }
        out.println("FINISHED");
    }

    private static void batches(PrintStream out, PostgresLedgerUrl url, String name, int size) throws Exception {
        String payload = "{\"filler\":\"" + "y".repeat(500) + "\"}";
        try (PostgresEventStore store = PostgresEventStore.open(url)) {
            for (int batch = 1; ; batch++) {
                List<NewEvent> events = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    events.add(new NewEvent(name + "-" + batch + "-" + i, "Batched", 1, payload, EventMetadata.by(name)));
                }
                out.println("APPENDING " + batch);
                AppendResult result = store.append(StreamId.of("batch-" + name + "-" + batch), ExpectedVersion.NO_STREAM, events);
                out.println("RETURNED " + batch + " " + result.positions().get(0) + " " + result.lastPosition());
            }
        }
    }

    private static void count(PrintStream out, PostgresLedgerUrl url) {
        long events = 0;
        long last = 0;
        long bytes = 0;
        try (PostgresEventStore store = PostgresEventStore.open(url); EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                events++;
                last = event.position();
                bytes += event.data().length();
            }
        }
        out.println("COUNT " + events + " " + last + " " + bytes);
    }

    /** Starts this worker in a new JVM on this JVM's class path with the given heap limit. */
    static Process start(File errorLog, String maxHeap, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PostgresWorker.class.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(errorLog)).start();
    }
}
