package dev.eventscope.ui.sandbox;

import dev.eventscope.application.CommandContext;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxFixture;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's "Propose adjustments…" window open while another process posts to the ledger (session 22, adversary). Its
 * base is "the head", which the sandbox documents as following the ledger as it grows; the window kept saying "Base: the
 * head (position 11)" and showed the books "as posted" without the new entry, though the head had moved on, until the
 * user happened to press Decide again. What a user expects of a window titled "the head": it follows the ledger, decides
 * every proposal again there and says so. No JavaFX toolkit is needed: the model's UI thread is a single thread of the
 * test's, and every value is read on it.
 */
class SandboxWhileTheLedgerMovesTest {

    @TempDir
    Path folder;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private LedgerSession app;
    private LedgerSession elsewhere;
    private SandboxViewModel model;

    private final TaskExecutor executor = new TaskExecutor() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            background.execute(() -> {
                try {
                    T result = work.call();
                    uiThread.execute(() -> onSuccess.accept(result));
                } catch (Throwable problem) {
                    uiThread.execute(() -> onFailure.accept(problem));
                }
            });
        }

        @Override
        public void onUiThread(Runnable action) {
            uiThread.execute(action);
        }
    };

    @AfterEach
    void close() throws Exception {
        try {
            if (model != null) {
                uiThread.submit(() -> model.close()).get(60, TimeUnit.SECONDS);
            }
        } finally {
            background.shutdownNow();
            uiThread.shutdownNow();
            try {
                assertTrue(background.awaitTermination(60, TimeUnit.SECONDS), "the background work ended");
                assertTrue(uiThread.awaitTermination(60, TimeUnit.SECONDS), "the model's UI thread ended");
            } finally {
                if (elsewhere != null) {
                    elsewhere.close();
                }
                if (app != null) {
                    app.close();
                }
            }
        }
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return uiThread.submit(read).get(60, TimeUnit.SECONDS);
    }

    private String asPosted(String account) throws Exception {
        return onUi(() -> model.balances().stream().filter(row -> row.account().equals(account))
                .map(SandboxViewModel.BalanceRow::asPosted).findFirst().orElse("(no row)"));
    }

    @Test
    void a_sandbox_at_the_head_follows_a_post_made_elsewhere_and_says_so() throws Exception {
        Path ledger = folder.resolve("books.ledger");
        SandboxFixture.write(ledger);
        app = TestSessions.SQLITE.open(ledger);
        long head = app.lastPosition();
        model = new SandboxViewModel(app, new SandboxFiles(folder.resolve("sandboxes")), "alice", executor,
                Clock.fixed(Instant.parse("2025-02-10T09:00:00Z"), ZoneOffset.UTC));
        model.load();
        await().atMost(60, TimeUnit.SECONDS).until(() -> onUi(() -> model.base().get()).contains("(position " + head + ")"));
        String feesBefore = asPosted("expenses:fees");

        // another process (here another session on the same file) posts 40 EUR of fees
        elsewhere = TestSessions.SQLITE.open(ledger);
        Money fee = Money.of("40", "EUR");
        elsewhere.commands().execute(EntryCommand.PostEntry.simple(EntryId.of("E3"), LocalDate.parse("2025-01-25"), "Fees",
                List.of(Posting.of(AccountName.of("expenses:fees"), fee), Posting.of(AccountName.of("assets:bank"), fee.negate()))),
                CommandContext.byUser("bob"));
        long moved = elsewhere.lastPosition();

        await().atMost(60, TimeUnit.SECONDS).until(() -> onUi(() -> model.base().get()).contains("(position " + moved + ")"));
        String said = onUi(() -> model.message().get());
        assertTrue(said.contains("moved on to position " + moved) && said.contains("decided again"), said);
        assertEquals("40.00", asPosted("expenses:fees"), "as posted before: " + feesBefore);
    }
}
