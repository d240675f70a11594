package dev.eventscope.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's launcher {@code target/eventscope} and the class-data sharing archive {@code mvn package} makes beside
 * it (packaging/class-data-archive.sh): the launcher maps the archive's classes, and an archive that no longer fits
 * (made for other jars), is damaged or is missing never stops it or puts a warning in front of the user. Runs in
 * {@code mvn verify}, after {@code package}. The launcher also loads sqlite-jdbc's native library from
 * {@code target/native/}, so that the driver does not extract it into the temporary folder at every start.
 */
class LauncherClassDataIT {

    private static final Path TARGET = Path.of("target");
    private static final String SHARED = "source: shared objects file";

    @TempDir
    Path folder;

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome launch(Path launcher, String javaOptions, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        environment.put("EVENTSCOPE_JAVA_OPTS", javaOptions);
        environment.remove("JAVA_TOOL_OPTIONS"); // its "Picked up …" line would be on standard error
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the launcher did not finish within five minutes");
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void the_launcher_maps_our_classes_from_the_archive_the_build_made() throws Exception {
        Path archive = TARGET.resolve("eventscope.jsa");
        assertTrue(Files.size(archive) > 1_000_000, "mvn package made no class-data sharing archive at " + archive);

        Outcome version = launch(TARGET.resolve("eventscope"), "-Xlog:class+load=info", "--version");

        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().lines().anyMatch(line -> line.contains(" dev.eventscope.bootstrap.Main " + SHARED)),
                "the launcher's JVM did not take dev.eventscope.bootstrap.Main from target/eventscope.jsa");
        assertTrue(version.out().lines().anyMatch(line -> line.startsWith("eventscope ")), version.out());
    }

    /**
     * picocli's classes (class-file version 49, which JDK 17's dynamic archive leaves out) come from the static archive:
     * all but three that the dump finds already linked ({@code HelpCommand} and the two interfaces it implements).
     */
    @Test
    void the_archive_holds_picocli_s_classes() throws Exception {
        Path ledger = folder.resolve("small-business.ledger");
        Files.copy(Path.of("sample-data", "ledgers", "small-business.ledger"), ledger);

        Outcome balance = launch(TARGET.resolve("eventscope"), "-Xlog:class+load=info", "balance", "--as-of", "2025-03-31",
                "--ledger", ledger.toString());

        assertEquals(0, balance.exitCode(), balance.err());
        List<String> picocli = balance.out().lines().filter(line -> line.contains(" picocli.")).toList();
        List<String> fromJar = picocli.stream().filter(line -> !line.contains(SHARED))
                .map(line -> line.replaceAll(".* (picocli\\.\\S+) source: .*", "$1")).toList();
        assertTrue(picocli.size() - fromJar.size() >= 100, "only " + (picocli.size() - fromJar.size())
                + " of picocli's classes came from the archive: " + picocli.size() + " loaded");
        assertTrue(List.of("picocli.CommandLine$HelpCommand", "picocli.CommandLine$IHelpCommandInitializable",
                "picocli.CommandLine$IHelpCommandInitializable2").containsAll(fromJar), "loaded from the jar: " + fromJar);
        assertTrue(picocli.stream().anyMatch(line -> line.contains(" picocli.CommandLine " + SHARED)), "picocli.CommandLine");
    }

    @Test
    void an_archive_made_for_other_jars_a_damaged_one_or_none_does_not_stop_the_launcher() throws Exception {
        Path copy = folder.resolve("app");
        Files.createDirectories(copy.resolve("lib"));
        for (String name : List.of("eventscope", "eventscope.jar", "eventscope.jsa")) {
            Files.copy(TARGET.resolve(name), copy.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
        try (Stream<Path> jars = Files.list(TARGET.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, copy.resolve("lib").resolve(jar.getFileName()));
            }
        }
        Path launcher = copy.resolve("eventscope");

        // the archive names target/'s jars: beside copies of them it no longer fits
        Outcome stale = launch(launcher, "-Xlog:class+load=info", "--version");
        byte[] damaged = new byte[100_000];
        new java.util.Random(15).nextBytes(damaged);
        Files.write(copy.resolve("eventscope.jsa"), damaged);
        Outcome broken = launch(launcher, "", "--version");
        Files.delete(copy.resolve("eventscope.jsa"));
        Outcome missing = launch(launcher, "", "--version");

        for (Outcome outcome : List.of(stale, broken, missing)) {
            assertEquals(0, outcome.exitCode(), outcome.err());
            assertEquals("", outcome.err(), "the JVM warned about the archive");
            assertTrue(outcome.out().lines().anyMatch(line -> line.matches("eventscope \\d+\\.\\d+\\.\\d+.*")), outcome.out());
        }
        assertFalse(stale.out().lines().anyMatch(line -> line.contains(" dev.eventscope.") && line.contains(SHARED)),
                "a class came from an archive made for other jars");
    }

    @Test
    void the_launcher_loads_sqlite_s_native_library_from_the_build_without_the_temporary_folder() throws Exception {
        Path ledger = folder.resolve("small-business.ledger");
        Files.copy(Path.of("sample-data", "ledgers", "small-business.ledger"), ledger);
        // a temporary "folder" that is a file: the driver can neither list it nor extract its library into it
        Path notAFolder = Files.writeString(folder.resolve("tmp"), "not a folder");
        String options = "-Djava.io.tmpdir=" + notAFolder + " -Duser.home=" + folder;

        Outcome streams = launch(TARGET.resolve("eventscope"), options, "streams", "--ledger", ledger.toString());
        Outcome extracting = launch(TARGET.resolve("eventscope"), options + " -Dorg.sqlite.lib.path=" + folder.resolve("none")
                + " -Dorg.sqlite.tmpdir=" + notAFolder, "streams", "--ledger", ledger.toString());

        assertEquals(0, streams.exitCode(), streams.err());
        assertEquals("", streams.err());
        assertTrue(streams.out().contains("account-assets:bank:checking"), streams.out());
        // the control: without the build's library the driver needs the temporary folder, and fails here
        assertEquals(2, extracting.exitCode(), extracting.out());
        assertTrue(extracting.err().contains("libsqlitejdbc"), extracting.err());
    }
}
