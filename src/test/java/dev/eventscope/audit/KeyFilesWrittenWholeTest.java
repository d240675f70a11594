package dev.eventscope.audit;

import dev.eventscope.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.stream.Stream;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 21 (adversary2): a damaged key file is named in the sentence (the base said only "Illegal base64 character
 * 3b"), and a key is written beside its name and renamed over it, so nothing half-written is left where the key goes
 * (the base created the empty file first, and a full disk left a 0-byte private key).
 */
class KeyFilesWrittenWholeTest {

    @TempDir
    Path folder;

    @Test
    void a_damaged_private_key_is_named_with_its_file() throws Exception {
        SigningKeys keys = new SigningKeys(folder.resolve("keys"));
        keys.forUser("auditor");
        Path privateKey = keys.privateKeyFile("auditor");
        Files.writeString(privateKey, "2025-01-01 a journal; not a key\n");

        SigningKeys.DamagedKey refused = assertThrows(SigningKeys.DamagedKey.class, () -> keys.forUser("auditor"));

        assertMentions(refused.getMessage(), "The private key file " + privateKey, "does not hold an Ed25519 key",
                "nothing can be signed with it or exported from it");
    }

    @Test
    void a_damaged_public_key_is_named_with_its_file() throws Exception {
        SigningKeys keys = new SigningKeys(folder.resolve("keys"));
        keys.forUser("auditor");
        Files.writeString(keys.publicKeyFile("auditor"), "AAAA\n");

        SigningKeys.DamagedKey refused = assertThrows(SigningKeys.DamagedKey.class, () -> keys.forUser("auditor"));

        assertMentions(refused.getMessage(), "The public key file " + keys.publicKeyFile("auditor"));
    }

    @Test
    void a_new_key_is_renamed_into_place_whole_and_no_temporary_file_is_left() throws Exception {
        SigningKeys keys = new SigningKeys(folder.resolve("keys"));
        // a 0-byte private key left by a failed write, and a read-only file under the public key's name's temporary
        // folder would not matter: what is checked is that the files in place hold whole keys and nothing else is left
        Files.createDirectories(keys.directory());
        Files.createFile(keys.privateKeyFile("auditor"));

        KeyPair pair = keys.forUser("auditor");

        assertArrayEquals(pair.getPrivate().getEncoded(), keys.forUser("auditor").getPrivate().getEncoded(),
                "the key read back is the key made");
        try (Stream<Path> files = Files.list(keys.directory())) {
            assertEquals(2, files.count(), "only the two key files are in the folder");
        }
        assertTrue(Files.size(keys.privateKeyFile("auditor")) > 0);
    }

    @Test
    void a_key_whose_write_fails_leaves_no_empty_key_file_behind() throws Exception {
        // a full disk, as a child JVM limited to files of 0 bytes (ulimit -f 0, SIGXFSZ ignored: every write fails
        // with "File too large"); the base created the key file and left it empty, the next seal replacing it
        Path bash = Path.of("/bin/bash");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bash), "needs bash for ulimit");
        Path config = folder.resolve("config");
        // stderr is a pipe: the limit on file sizes would stop writes to a file
        ChildJvm.Ended ended = ChildJvm.eventscope("keys", "export", "--user", "auditor").foldersIn(folder)
                .underShell("trap '' XFSZ; ulimit -f 0").jvmOptions("-XX:-UsePerfData", "-Xshare:off").run();
        String err = ended.printed();
        assertEquals(1, ended.code(), err);
        assertMentions(err, "Could not create or read the signing key of auditor", "File too large");
        Path keys = config.resolve("eventscope").resolve("keys");
        try (Stream<Path> files = Files.exists(keys) ? Files.list(keys) : Stream.empty()) {
            assertEquals(java.util.List.of(), files.map(Path::getFileName).map(Path::toString).toList(),
                    "no key file, empty or temporary, is left");
        }
    }
}
