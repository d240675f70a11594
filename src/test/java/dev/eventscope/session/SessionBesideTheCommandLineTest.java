package dev.eventscope.session;

import dev.eventscope.audit.LedgerVerification;
import dev.eventscope.audit.LedgerVerifier;
import dev.eventscope.audit.RememberedHeads;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.audit.TrustedKeys;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 21 (adversary2): the desktop app's session holds a ledger open, its read models caught up, while the command
 * line (another JVM) posts an entry, imports a journal and seals the ledger, both with this machine's remembered heads and keys. The
 * session is told of the new events, its read models show the entry (the same balance as a replay), and its
 * verification finds the ledger intact with the seal confirmed: no false TAMPERED, no lost event, no stale state.
 */
class SessionBesideTheCommandLineTest {

    private static final String ACCOUNT = "expenses:office-supplies";
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void a_post_and_a_seal_from_the_command_line_are_shown_by_the_open_session_and_verify_intact() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        ledger.toFile().setWritable(true, true);
        LedgerVerifier verifier = new LedgerVerifier(BookkeepingCodec.create(),
                new RememberedHeads(folder.resolve("state/eventscope/heads")),
                new TrustedKeys(new SigningKeys(folder.resolve("config/eventscope/keys"))), Clock.systemUTC());
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            session.openReadModels();
            session.projections().catchUp();
            long before = session.lastPosition();
            BigDecimal balanceBefore = balance(session, before);
            assertFalse(session.verify(verifier).tampered(), "intact before, and its head remembered here");
            AtomicLong told = new AtomicLong();
            try (AutoCloseable subscription = session.subscribe((from, to) -> told.accumulateAndGet(to, Math::max))) {
                run("post", "-l", ledger.toString(), "--date", "2025-12-31", "--description", "from the command line",
                        "--posting", ACCOUNT + "  12.5 EUR", "--posting", "assets:bank:checking");
                Path journal = Files.writeString(folder.resolve("more.journal"), "2025-12-31 imported beside the app\n"
                        + "    " + ACCOUNT + "  7.5 EUR\n    assets:bank:checking\n");
                run("import", "-l", ledger.toString(), journal.toString());
                run("seal", "-l", ledger.toString());
                long after = session.lastPosition();
                assertTrue(after > before + 1, "the entry and the seal are read: " + before + " → " + after);
                await().atMost(HANG_GUARD).until(() -> told.get() == after);
            }
            session.projections().catchUp();
            long last = session.lastPosition();
            assertEquals(0, balanceBefore.add(new BigDecimal("20")).compareTo(balance(session, last)), "the read models show the entry");
            assertEquals(0, session.fullReplay().balances(last).balance(ACCOUNT, "EUR").compareTo(balance(session, last)),
                    "the same balance as a replay");
            LedgerVerification verification = session.verify(verifier);
            assertFalse(verification.tampered(), verification.toString());
            assertTrue(verification.seals().lastConfirmed().isPresent(), "the command line's seal is confirmed here");
            assertEquals(List.of(), verification.readModelProblems());
        }
    }

    private static BigDecimal balance(LedgerSession session, long position) {
        return session.queries().accountBalanceAt(ACCOUNT, position).getOrDefault("EUR", BigDecimal.ZERO);
    }

    /** Runs the command line in a JVM of its own with this test's XDG folders; it must succeed. */
    private void run(String... arguments) throws Exception {
        ChildJvm.Ended ended = ChildJvm.run(folder, arguments);
        assertEquals(0, ended.code(), String.join(" ", arguments) + ": " + ended.printed());
    }
}
