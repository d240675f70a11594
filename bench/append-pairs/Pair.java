import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds side by side in one JVM, one class loader each (its own sqlite-jdbc too), rounds alternating which goes first:
 * java -Ddeps=DEPS -cp . Pair EVENTS i|b ROUNDS NAME[@PAGE]=DIR:CLASSES[:OVERLAY] ... (DIR holds AppendProbe.class).
 * Prints each round's CPU rate and each variant's ratio to the first, round by round.
 */
public class Pair {
    public static void main(String[] arguments) throws Exception {
        int events = Integer.parseInt(arguments[0]);
        boolean interleaved = arguments[1].equals("i");
        int rounds = Integer.parseInt(arguments[2]);
        List<String> names = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        List<Method> runs = new ArrayList<>();
        for (int k = 3; k < arguments.length; k++) {
            String[] nameAndPath = arguments[k].split("=", 2);
            pages.add(nameAndPath[0].contains("@") ? Integer.parseInt(nameAndPath[0].split("@")[1]) : 16_384);
            List<URL> urls = new ArrayList<>();
            for (String entry : (nameAndPath[1] + ":" + System.getProperty("deps")).split(":")) {
                if (!entry.isEmpty()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Method run = Class.forName("AppendProbe", true, loader).getDeclaredMethod("run", Path.class, int.class, boolean.class, int.class);
            run.setAccessible(true);
            names.add(nameAndPath[0]);
            runs.add(run);
        }
        Path directory = Files.createTempDirectory("append-pairs");
        for (Method run : runs) {
            run.invoke(null, directory, 20_000, true, 16_384);
            run.invoke(null, directory, 20_000, false, 16_384);
        }
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int k = 0; k < runs.size(); k++) {
                int i = (k + round) % runs.size();
                double[] rates = (double[]) runs.get(i).invoke(null, directory, events, interleaved, pages.get(i));
                cpu.computeIfAbsent(names.get(i), name -> new ArrayList<>()).add(rates[1]);
                line.append(String.format(" %s %.0f", names.get(i), rates[1]));
            }
            System.out.println(line);
        }
        List<Double> first = cpu.get(names.get(0));
        for (String name : names) {
            List<Double> rates = cpu.get(name);
            List<Double> sorted = new ArrayList<>(rates);
            Collections.sort(sorted);
            List<String> ratios = new ArrayList<>();
            for (int round = 0; round < rates.size(); round++) {
                ratios.add(String.format("%.2f", rates.get(round) / first.get(round)));
            }
            System.out.printf("%s: median %.0f, best %.0f events/s by CPU; each round ÷ %s: %s%n", name,
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), names.get(0), ratios);
        }
    }
}
