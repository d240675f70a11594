package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 21 (adversary): {@code export --force -o ~/.config/eventscope/keys/<user>.ed25519.key} replaced the private
 * signing key by a journal, and {@code sandbox export -o} (which replaces its file whole, without {@code --force}) the
 * findings file. Outputs are refused inside Eventscope's own folders, also through {@code ..} and a linked folder. A
 * child JVM, so that the XDG folders are its environment's.
 */
class OutputIntoOwnFoldersTest {

    @TempDir
    Path folder;

    private record Ended(int code, String err) {
    }

    private Ended run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path err = folder.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(err.toFile());
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        builder.environment().put("XDG_STATE_HOME", folder.resolve("state").toString());
        builder.environment().put("XDG_CACHE_HOME", folder.resolve("cache").toString());
        builder.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ended");
        } finally {
            process.destroyForcibly();
        }
        return new Ended(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void an_export_onto_the_private_key_or_the_findings_file_is_refused_and_both_are_left_as_they_were() throws Exception {
        Path ledger = folder.resolve("books.ledger");
        SqliteEventStore.open(ledger).close();
        Path key = Files.createDirectories(folder.resolve("config/eventscope/keys")).resolve("auditor.ed25519.key");
        Files.writeString(key, "the private key\n");
        Path findings = Files.createDirectories(folder.resolve("state/eventscope/findings/some-ledger"))
                .resolve("auditor.json");
        Files.writeString(findings, "{\"findings\": []}\n");
        Path linkedKeys = Files.createSymbolicLink(folder.resolve("keys-link"), key.getParent());

        for (String target : List.of(key.toString(), folder.resolve("state/eventscope/findings/x/../some-ledger/auditor.json")
                .toString(), linkedKeys.resolve("auditor.ed25519.key").toString())) {
            Ended refused = run("export", "--ledger", ledger.toString(), "--force", "-o", target);
            assertEquals(2, refused.code(), target + ": " + refused.err());
            assertTrue(refused.err().contains("where Eventscope keeps its own files"), refused.err());
        }
        Ended sandbox = run("sandbox", "export", "--ledger", ledger.toString(), "-o", findings.toString());
        assertTrue(sandbox.code() != 0, sandbox.err());
        assertEquals("the private key\n", Files.readString(key));
        assertEquals("{\"findings\": []}\n", Files.readString(findings));

        Ended elsewhere = run("export", "--ledger", ledger.toString(), "-o", folder.resolve("books.journal").toString());
        assertEquals(0, elsewhere.code(), elsewhere.err());
    }
}
