package dev.eventscope.audit;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The remembered heads themselves: kept per ledger id, and their own trouble never hides a verification. */
class RememberedHeadsTest {

    @TempDir
    Path folder;

    @Test
    void a_head_is_recalled_as_it_was_remembered() {
        RememberedHeads heads = new RememberedHeads(folder.resolve("heads"));
        RememberedHead head = new RememberedHead("ledger-1", folder.resolve("a.ledger").toAbsolutePath(), 752, "abc",
                Instant.parse("2024-03-01T10:00:00Z"));
        heads.remember(head);
        assertEquals(head, heads.recall("ledger-1").orElseThrow());
        assertFalse(heads.recall("ledger-2").isPresent());
    }

    @Test
    void a_heads_folder_that_cannot_be_written_leaves_the_verification_standing_with_a_warning() throws Exception {
        Path ledger = AuditFixtures.acmeLedger(folder.resolve("acme.ledger"));
        Path notAFolder = Files.writeString(folder.resolve("heads"), "a file where the folder should be");
        LedgerVerification verification;
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            verification = new LedgerVerifier(BookkeepingCodec.create(), new RememberedHeads(notAFolder),
                    new TrustedKeys(new SigningKeys(folder.resolve("keys"))), Clock.systemUTC()).verify(store, ledger);
        }
        assertFalse(verification.tampered());
        assertFalse(verification.headRemembered());
        assertMentions(String.join("\n", verification.lines()), "Warning: Could not remember the verified head in",
                "the next verification cannot check this head");
    }

    @Test
    void a_damaged_remembered_head_is_named() throws Exception {
        RememberedHeads heads = new RememberedHeads(folder.resolve("heads"));
        heads.remember(new RememberedHead("ledger-1", folder.resolve("a.ledger"), 752, "abc", Instant.EPOCH));
        try (var files = Files.list(folder.resolve("heads"))) {
            Files.writeString(files.findFirst().orElseThrow(), "position=not a number\n");
        }
        IllegalStateException damaged = assertThrows(IllegalStateException.class, () -> heads.recall("ledger-1"));
        assertMentions(damaged.getMessage(), "is damaged", "move it away");
    }
}
