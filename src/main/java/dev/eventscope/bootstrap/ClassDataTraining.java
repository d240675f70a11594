package dev.eventscope.bootstrap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run that the class-data sharing archive is made from ({@code packaging/class-data-archive.sh} starts
 * the launcher with {@code -XX:DumpLoadedClassList} and the system property {@value #PROPERTY}): in one process, so
 * that one archive serves both faces of the launcher, it asks the command line's short questions ({@link #QUESTIONS})
 * of a copy of a sample ledger, then, when the property says {@code desktop} (a display is there, usually Xvfb's), opens the same
 * ledger in the desktop app and closes it a few seconds after the explorer's first paint. Every class loaded on the
 * way is listed, and the script makes a static archive of the list with the JVM and class path this run names in the
 * file given by {@value #JVM_PROPERTY}. Not for users: the properties are set by the script only.
 */
final class ClassDataTraining {

    /** {@code cli}: the command line only; {@code desktop}: the command line, then the desktop app. */
    static final String PROPERTY = "eventscope.classDataTraining";

    /**
     * Where the run writes its JVM's home (first line) and class path (second line), which the static archive's dump
     * must use; unset: nothing is written.
     */
    static final String JVM_PROPERTY = "eventscope.classDataTraining.jvm";

    /**
     * The questions asked of the sample ledger (the small-business sample: its stream, its dates), each followed by
     * {@code --ledger}: the short read-only answers whose start-up the archive is for, so that their classes and
     * lambdas (date arguments, as-of and at-position paths) are in it.
     */
    static final List<List<String>> QUESTIONS = List.of(
            List.of("balance"),
            List.of("streams"),
            List.of("balance", "--as-of", "2025-03-31"),
            List.of("balance", "--at-position", "400"),
            List.of("trial-balance", "--as-of", "2025-03-31"),
            List.of("state", "--stream", "account-assets:bank:checking", "--as-of", "2025-03-31"),
            List.of("diff", "--from", "2025-01-31", "--to", "2025-03-31"));

    private ClassDataTraining() {
    }

    /** Runs the training on the ledger named by the only argument, then exits. */
    static void run(String mode, String[] args) {
        if (args.length != 1 || !(mode.equals("cli") || mode.equals("desktop"))) {
            System.err.println("class-data training: give -D" + PROPERTY + "=cli|desktop and one ledger file (got "
                    + mode + " and " + args.length + " arguments)");
            System.exit(2);
        }
        String ledger = Path.of(args[0]).toAbsolutePath().toString();
        String jvmFile = System.getProperty(JVM_PROPERTY);
        if (jvmFile != null) {
            try {
                Files.writeString(Path.of(jvmFile), System.getProperty("java.home") + "\n"
                        + System.getProperty("java.class.path") + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("class-data training: cannot write " + jvmFile + ": " + e.getMessage());
                System.exit(1);
            }
        }
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        List<String> failed = new ArrayList<>();
        for (List<String> question : QUESTIONS) {
            List<String> arguments = new ArrayList<>(question);
            arguments.addAll(List.of("--ledger", ledger));
            int exitCode = Main.run(new LedgerStores(), arguments.toArray(String[]::new));
            if (exitCode != 0) {
                failed.add(String.join(" ", question) + " exited with " + exitCode);
            }
        }
        System.setOut(out);
        if (!failed.isEmpty()) {
            System.err.println("class-data training: " + String.join("; ", failed));
            System.exit(1);
        }
        if (mode.equals("desktop")) {
            // the explorer opens the ledger, paints, loads its data; the app closes itself after these seconds
            System.setProperty("eventscope.exitAfterFirstPaint", System.getProperty("eventscope.exitAfterFirstPaint", "4"));
            DesktopMain.main(new String[]{ledger});
        }
        System.exit(0);
    }
}
