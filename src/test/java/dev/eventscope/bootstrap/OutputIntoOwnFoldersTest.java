package dev.eventscope.bootstrap;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    private ChildJvm.Ended run(String... args) throws Exception {
        return ChildJvm.run(folder, args);
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
            ChildJvm.Ended refused = run("export", "--ledger", ledger.toString(), "--force", "-o", target);
            assertEquals(2, refused.code(), target + ": " + refused.err());
            assertTrue(refused.err().contains("where Eventscope keeps its own files"), refused.err());
        }
        ChildJvm.Ended sandbox = run("sandbox", "export", "--ledger", ledger.toString(), "-o", findings.toString());
        assertTrue(sandbox.code() != 0, sandbox.err());
        assertEquals("the private key\n", Files.readString(key));
        assertEquals("{\"findings\": []}\n", Files.readString(findings));

        ChildJvm.Ended elsewhere = run("export", "--ledger", ledger.toString(), "-o", folder.resolve("books.journal").toString());
        assertEquals(0, elsewhere.code(), elsewhere.err());
    }
}
