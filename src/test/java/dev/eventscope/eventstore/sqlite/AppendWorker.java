package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.AppendResult;
import dev.eventscope.eventstore.ConcurrencyConflict;
import dev.eventscope.eventstore.EventMetadata;
import dev.eventscope.eventstore.ExpectedVersion;
import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamId;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A child JVM that writes to a ledger another JVM also writes to or watches. Its only interface is
 * stdout (one line per fact) and stdin (commands), so the parent test sees exactly what the writer saw.
 *
 * <pre>
 * race &lt;ledger&gt; &lt;worker name&gt; &lt;appends&gt; &lt;stream,stream,...&gt;
 *     prints READY, waits for GO on stdin, then for each append: reads the stream's version v, appends one
 *     event with expected version v; prints "WON &lt;stream&gt; &lt;version&gt; &lt;event id&gt;" or, on a conflict,
 *     "CONFLICT &lt;stream&gt; &lt;expected&gt; &lt;actual&gt;" and retries; ends with "FINISHED &lt;wins&gt; &lt;conflicts&gt;".
 * on-demand &lt;ledger&gt; &lt;stream&gt;
 *     prints READY; for every "APPEND" line on stdin appends one event and prints "APPENDED &lt;position&gt;".
 * </pre>
 * Any other failure prints "ERROR &lt;message&gt;" and exits with status 2.
 */
public final class AppendWorker {

    private AppendWorker() {
    }

    public static void main(String[] arguments) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            switch (arguments[0]) {
                case "race" -> race(Path.of(arguments[1]), arguments[2], Integer.parseInt(arguments[3]),
                        List.of(arguments[4].split(",")), in, out);
                case "on-demand" -> onDemand(Path.of(arguments[1]), StreamId.of(arguments[2]), in, out);
                default -> throw new IllegalArgumentException("unknown mode " + arguments[0]);
            }
        } catch (Throwable failure) {
            out.println("ERROR " + failure.toString().replace('\n', ' '));
            failure.printStackTrace();
            System.exit(2);
        }
        System.exit(0);
    }

    private static void race(Path ledger, String name, int appends, List<String> streams, BufferedReader in, PrintStream out)
            throws IOException {
        Random random = new Random(name.hashCode());
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            out.println("READY");
            String go = in.readLine();
            if (!"GO".equals(go)) {
                throw new IllegalStateException("expected GO but read " + go);
            }
            int conflicts = 0;
            for (int i = 0; i < appends; i++) {
                StreamId stream = StreamId.of(streams.get(random.nextInt(streams.size())));
                String eventId = name + "-" + i;
                NewEvent event = new NewEvent(eventId, "PostingRecorded", 1,
                        "{\"worker\":\"" + name + "\",\"index\":" + i + "}", EventMetadata.by(name));
                while (true) {
                    long version = store.streamVersion(stream);
                    ExpectedVersion expected = ExpectedVersion.exactly(version);
                    try {
                        AppendResult result = store.append(stream, expected, List.of(event));
                        out.println("WON " + stream + " " + result.versionOf(stream) + " " + eventId);
                        break;
                    } catch (ConcurrencyConflict conflict) {
                        conflicts++;
                        out.println("CONFLICT " + conflict.stream() + " " + version + " " + conflict.actualVersion());
                    }
                }
            }
            out.println("FINISHED " + appends + " " + conflicts);
        }
    }

    private static void onDemand(Path ledger, StreamId stream, BufferedReader in, PrintStream out)
            throws IOException, ConcurrencyConflict {
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            out.println("READY");
            int count = 0;
            for (String line = in.readLine(); line != null && line.equals("APPEND"); line = in.readLine()) {
                NewEvent event = new NewEvent("on-demand-" + count, "PostingRecorded", 1,
                        "{\"index\":" + count + "}", EventMetadata.by("on-demand"));
                AppendResult result = store.append(stream, ExpectedVersion.ANY, List.of(event));
                count++;
                out.println("APPENDED " + result.lastPosition());
            }
        }
    }

    /**
     * Starts {@code mainClass} in a new JVM on this JVM's class path, its stderr going to {@code errorLog}.
     * Shared by the tests that need a second process (a separate file would be one more type for one method).
     */
    static Process startJvm(Class<?> mainClass, File errorLog, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(errorLog))
                .start();
    }
}
