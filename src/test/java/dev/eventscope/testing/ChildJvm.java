package dev.eventscope.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A command run in a JVM of its own, as the tests that need another process start one: this JVM's {@code java} and
 * class path, the main class and its arguments, and (with {@link #foldersIn}) the four XDG folders inside the test's
 * folder, so that nothing is read from or written to the user's. Standard output and standard error are each read on a
 * thread of their own (a child that fills a pipe nobody reads would never end), and the child is waited for with a
 * hang guard ({@link #HANG_GUARD}, 300 s): a child that has not ended by then is killed and the test fails naming the
 * command and what it printed. Whatever happens, the child is killed before {@link #run} or {@link Running#close}
 * returns, so no process outlives its test.
 */
public final class ChildJvm {

    /** How long a child may run: a hang guard only (docs/testing.md: 60–300 s for child JVMs). */
    public static final Duration HANG_GUARD = Duration.ofSeconds(300);

    private final List<String> jvmOptions = new ArrayList<>();
    private final String mainClass;
    private final List<String> arguments;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String shellPrefix;
    private File standardOutput;
    private Duration hangGuard = HANG_GUARD;

    private ChildJvm(String mainClass, List<String> arguments) {
        this.mainClass = mainClass;
        this.arguments = List.copyOf(arguments);
    }

    /** {@code java -cp <this JVM's class path> MAIN ARGUMENTS}. */
    public static ChildJvm of(Class<?> mainClass, String... arguments) {
        return new ChildJvm(mainClass.getName(), List.of(arguments));
    }

    /** The command line ({@code dev.eventscope.bootstrap.Main}) with these arguments. */
    public static ChildJvm eventscope(String... arguments) {
        return new ChildJvm("dev.eventscope.bootstrap.Main", List.of(arguments));
    }

    /** Runs the command line with these arguments, its XDG folders in {@code folder}, and returns how it ended. */
    public static Ended run(Path folder, String... arguments) throws Exception {
        return eventscope(arguments).foldersIn(folder).run();
    }

    /** {@code XDG_CONFIG_HOME}, {@code XDG_STATE_HOME}, {@code XDG_CACHE_HOME}, {@code XDG_DATA_HOME}: {@code folder/config}, {@code /state}, {@code /cache}, {@code /data}. */
    public ChildJvm foldersIn(Path folder) {
        environment.put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        environment.put("XDG_STATE_HOME", folder.resolve("state").toString());
        environment.put("XDG_CACHE_HOME", folder.resolve("cache").toString());
        environment.put("XDG_DATA_HOME", folder.resolve("data").toString());
        return this;
    }

    /** Options for the child's JVM, before its main class. */
    public ChildJvm jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /**
     * Starts the JVM from {@code /bin/bash -c 'SHELL_COMMANDS; exec "$@"'}: the commands (a {@code ulimit}, a
     * {@code trap}) hold for the JVM the shell becomes.
     */
    public ChildJvm underShell(String shellCommands) {
        shellPrefix = shellCommands;
        return this;
    }

    /** Standard output goes to this file (a file, {@code /dev/full}) instead of being read into {@link Ended#out}. */
    public ChildJvm standardOutputTo(File file) {
        standardOutput = file;
        return this;
    }

    /** Another hang guard than {@link #HANG_GUARD} (ChildJvmTest's child that never ends). */
    public ChildJvm hangGuard(Duration guard) {
        hangGuard = guard;
        return this;
    }

    /** The command as started. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        if (shellPrefix != null) {
            command.addAll(List.of("/bin/bash", "-c", shellPrefix + "; exec \"$@\"", "bash"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        return command;
    }

    /** Starts the child; the caller closes it (which kills it if it still runs). */
    public Running start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.environment().putAll(environment);
        if (standardOutput != null) {
            builder.redirectOutput(standardOutput);
        }
        return new Running(String.join(" ", arguments), builder.start(), standardOutput == null, hangGuard);
    }

    /** Runs the child until it ends (at most {@link #HANG_GUARD}, then it is killed and this throws). */
    public Ended run() throws Exception {
        try (Running running = start()) {
            return running.awaitEnd();
        }
    }

    /** How a child ended: its exit code and what it wrote to standard output and standard error. */
    public record Ended(int code, String out, String err) {

        /** Both outputs, for a failure message. */
        public String printed() {
            return out + err;
        }
    }

    /** A child that runs. */
    public static final class Running implements AutoCloseable {

        private final String name;
        private final Process process;
        private final CompletableFuture<String> out;
        private final CompletableFuture<String> err;
        private final Duration hangGuard;

        private Running(String name, Process process, boolean readOut, Duration hangGuard) {
            this.name = name;
            this.hangGuard = hangGuard;
            this.process = process;
            this.out = readOut ? readAll(process.getInputStream(), "out") : CompletableFuture.completedFuture("");
            this.err = readAll(process.getErrorStream(), "err");
        }

        private static CompletableFuture<String> readAll(InputStream stream, String which) {
            CompletableFuture<String> read = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (stream) {
                    read.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException failure) {
                    read.completeExceptionally(failure);
                }
            }, "child JVM std" + which);
            reader.setDaemon(true);
            reader.start();
            return read;
        }

        public Process process() {
            return process;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Waits until the child ends (at most its hang guard; then it is killed and this throws an AssertionError). */
        public Ended awaitEnd() throws InterruptedException {
            if (!process.waitFor(hangGuard.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
                String printed;
                try {
                    printed = read(out) + read(err);
                } catch (RuntimeException | AssertionError unreadable) {
                    printed = "(its output could not be read: " + unreadable + ")";
                }
                throw new AssertionError("the child JVM (" + name + ") did not end within " + hangGuard.toSeconds()
                        + " s and was killed; it printed: " + printed);
            }
            return new Ended(process.exitValue(), read(out), read(err));
        }

        /** Kills the child and everything it started, and waits for it to be gone. */
        public void kill() throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        }

        /** Everything the child printed, once it ended or was killed (waits for its pipes to close). */
        public String printed() throws InterruptedException {
            return read(out) + read(err);
        }

        private static String read(CompletableFuture<String> output) throws InterruptedException {
            try {
                // the pipe closes when the child ends (it started nothing that holds it): a hang guard only
                return output.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException failure) {
                throw new UncheckedIOException(new IOException("could not read the child JVM's output", failure.getCause()));
            } catch (TimeoutException failure) {
                throw new AssertionError("the child JVM's output did not end within " + HANG_GUARD.toSeconds() + " s");
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
            out.completeExceptionally(new IOException("closed"));
            err.completeExceptionally(new IOException("closed"));
        }
    }
}
