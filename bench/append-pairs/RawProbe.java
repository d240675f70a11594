import dev.eventscope.eventstore.EventMetadata;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;

/**
 * StoreBenchmark's (a') cell alone: RawLedgerInsert (package-private in the test classes, reached by reflection) writing
 * what a ledger holds at 1,000 rows per transaction, the same events as AppendProbe. For profiling it beside the store
 * cell: java -cp .:TEST-CLASSES:CLASSES:DEPS RawProbe EVENTS i|b ROUNDS
 */
public class RawProbe {
    public static void main(String[] arguments) throws Exception {
        int events = Integer.parseInt(arguments[0]);
        boolean interleaved = arguments[1].equals("i");
        int rounds = Integer.parseInt(arguments[2]);
        int streams = Math.max(1, events / 100);
        Class<?> raw = Class.forName("dev.eventscope.bench.RawLedgerInsert");
        Constructor<?> create = raw.getDeclaredConstructor(int.class, String[].class, EventMetadata.class, LongFunction.class);
        create.setAccessible(true);
        Method run = raw.getDeclaredMethod("run", Path.class, int.class);
        run.setAccessible(true);
        LongFunction<long[]> place = i -> interleaved ? new long[] {i % streams, i / streams + 1} : new long[] {i / 100, i % 100 + 1};
        Path directory = Files.createTempDirectory("raw-probe");
        Path ledger = directory.resolve("raw.ledger");
        for (int round = 0; round < rounds; round++) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(ledger + suffix));
            }
            double[] rates = (double[]) run.invoke(create.newInstance(events, AppendProbe.PAYLOADS, AppendProbe.METADATA, place), ledger, 1_000);
            System.out.printf("round %d: %.0f events/s wall, %.0f by CPU%n", round, rates[0], rates[1]);
        }
    }
}
