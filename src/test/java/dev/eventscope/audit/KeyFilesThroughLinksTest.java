package dev.eventscope.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 20 (adversary): the signing key's public half was written with a plain write, which follows a symbolic link
 * planted under its name, so the first {@code seal} or {@code report} of a user without a key overwrote whatever the
 * link named (a ledger) with one line of base64. Key files are never written through a link (since session 21 they
 * are renamed into place, which replaces a link planted under their name).
 */
class KeyFilesThroughLinksTest {

    @TempDir
    Path folder;

    @Test
    void a_link_planted_under_the_public_key_s_name_is_not_written_through() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        byte[] before = Files.readAllBytes(ledger);
        SigningKeys keys = new SigningKeys(folder.resolve("keys"));
        Files.createDirectories(folder.resolve("keys"));
        Files.createSymbolicLink(keys.publicKeyFile("auditor"), ledger);

        // session 21 (adversary2): the key is now written beside its name and renamed over it, which replaces the link
        // itself (the base refused to write through it); either way the ledger the link names is never written
        java.security.KeyPair pair = keys.forUser("auditor");

        assertArrayEquals(before, Files.readAllBytes(ledger), "the ledger the link names is left whole");
        assertTrue(!Files.isSymbolicLink(keys.publicKeyFile("auditor")), "the link was replaced by the key file");
        assertArrayEquals(pair.getPublic().getEncoded(), keys.forUser("auditor").getPublic().getEncoded());
    }

    @Test
    void a_link_planted_under_a_lock_file_s_name_is_not_opened() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        Path lock = Files.createSymbolicLink(folder.resolve(".findings.lock"), ledger);
        boolean[] ran = {false};

        assertThrows(java.io.IOException.class, () -> LockedFiles.underLock(lock, () -> ran[0] = true));

        assertTrue(!ran[0], "nothing is done under a lock taken on another file");
    }
}
