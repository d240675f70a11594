package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Standard output that keeps the reason a write failed. Java's {@code System.out} (a {@link PrintStream}) and picocli's
 * writer over it swallow every {@link IOException}: a command whose output went to a full disk ({@code export >
 * journal}, {@code balance > figures.txt}) ended with exit code 0 and an empty or cut file (session 20, adversary2).
 * Now such a command ends with one sentence naming where the output went and why it could not be written, and a
 * non-zero exit code. A pipe whose reader stopped reading ({@code | head}) is not an error: the reader chose to stop.
 */
public final class StandardOutput {

    private StandardOutput() {
    }

    /**
     * Runs {@code command} with {@code System.out} writing to {@code target} (the process's standard output), and
     * returns its exit code, or {@link ExitCodes#USAGE_OR_UNREADABLE_LEDGER} (said on {@code err}) when it ended 0 but
     * its output could not be written.
     */
    public static int run(OutputStream target, PrintStream err, IntSupplier command) {
        Checked checked = new Checked(target);
        PrintStream previous = System.out;
        System.setOut(new PrintStream(new BufferedOutputStream(checked, 8192), true, charset()));
        int code;
        try {
            code = command.getAsInt();
            System.out.flush();
        } finally {
            System.setOut(previous);
        }
        Optional<String> problem = problem(checked.failure);
        problem.ifPresent(err::println);
        return problem.isPresent() && code == ExitCodes.OK ? ExitCodes.USAGE_OR_UNREADABLE_LEDGER : code;
    }

    /** The sentence for a write to standard output that failed, or empty (no failure, or a reader that went away). */
    static Optional<String> problem(IOException failure) {
        if (failure == null) {
            return Optional.empty();
        }
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (reason.contains("Broken pipe")) {
            return Optional.empty();
        }
        return Optional.of("Could not write the output to " + where() + ": " + reason
                + ". The output written there is incomplete; free some space (or write elsewhere) and run the command again.");
    }

    /** What standard output is: the file it was redirected to, when the system says. */
    private static String where() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/1"));
            return "'" + PrintableText.of(target) + "' (standard output)";
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "standard output";
        }
    }

    private static Charset charset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    /** Passes bytes on until the first failure, which it keeps; after it, writes nothing more. */
    private static final class Checked extends OutputStream {
        private final OutputStream target;
        private IOException failure;

        Checked(OutputStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (failure != null) {
                return;
            }
            try {
                target.write(bytes, offset, length);
            } catch (IOException e) {
                failure = e;
            }
        }

        @Override
        public synchronized void flush() {
            if (failure != null) {
                return;
            }
            try {
                target.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
    }
}
