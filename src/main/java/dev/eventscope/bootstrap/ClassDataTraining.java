package dev.eventscope.bootstrap;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The training run that the class-data sharing archive is made from ({@code packaging/class-data-archive.sh} starts
 * the launcher with {@code -XX:ArchiveClassesAtExit} and the system property {@value #PROPERTY}): in one process, so
 * that one archive serves both faces of the launcher, it answers {@code balance} and {@code streams} on a copy of a
 * sample ledger, then, when the property says {@code desktop} (a display is there, usually Xvfb's), opens the same
 * ledger in the desktop app and closes it a few seconds after the explorer's first paint. Every class loaded on the
 * way goes into the archive when the process exits. Not for users: the property is set by the script only.
 */
final class ClassDataTraining {

    /** {@code cli}: the command line only; {@code desktop}: the command line, then the desktop app. */
    static final String PROPERTY = "eventscope.classDataTraining";

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
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, java.nio.charset.StandardCharsets.UTF_8));
        int balance = Main.run(new LedgerStores(), "balance", "--ledger", ledger);
        int streams = Main.run(new LedgerStores(), "streams", "--ledger", ledger);
        System.setOut(out);
        if (balance != 0 || streams != 0) {
            System.err.println("class-data training: balance exited with " + balance + ", streams with " + streams);
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
