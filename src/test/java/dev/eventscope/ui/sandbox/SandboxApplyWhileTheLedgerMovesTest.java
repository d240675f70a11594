package dev.eventscope.ui.sandbox;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.CommandDraft;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.sandbox.Sandbox;
import dev.eventscope.sandbox.SandboxContents;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxFixture;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second timing case of the sandbox that follows the ledger (session 23, adversary; session 22 tested a post made
 * elsewhere while the window stands at the head): another process posts while the window's Apply is on its way, so the
 * window's own re-decision of the proposals at the new head (the follow) and the apply run side by side. Each order is
 * forced with latches: the work of one of them is held until the other has ended. Whatever the order, Apply decides
 * every proposal again at the real head in one append (a proposal the post made impossible writes nothing), and what
 * the window says at the end tells the user what became of their Apply. No JavaFX toolkit: the model's UI thread is a
 * single thread of the test's.
 */
class SandboxApplyWhileTheLedgerMovesTest {

    /** The hang guard of every wait, in seconds (docs/testing.md). */
    private static final long GUARD = 60;

    @TempDir
    Path folder;

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private volatile CountDownLatch holdNext;
    private volatile CountDownLatch heldSubmitted;
    private Path ledger;
    private LedgerSession app;
    private LedgerSession elsewhere;
    private SandboxViewModel model;

    private final TaskExecutor executor = new TaskExecutor() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            CountDownLatch hold = holdNext;
            holdNext = null;
            if (hold != null) {
                heldSubmitted.countDown();
            }
            background.execute(() -> {
                try {
                    if (hold != null && !hold.await(GUARD, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the held work was never let go");
                    }
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

    @BeforeEach
    void givenTheWindowAtTheHeadWithTwoAcceptedProposals() throws Exception {
        ledger = folder.resolve("books.ledger");
        SandboxFixture.write(ledger);
        app = TestSessions.SQLITE.open(ledger);
        elsewhere = TestSessions.SQLITE.open(ledger);
        long head = app.lastPosition();
        model = new SandboxViewModel(app, new SandboxFiles(folder.resolve("sandboxes")), "alice", executor,
                Clock.fixed(Instant.parse("2025-02-10T09:00:00Z"), ZoneOffset.UTC));
        model.load();
        await().atMost(GUARD, TimeUnit.SECONDS).until(() -> onUi(() -> model.base().get()).contains("(position " + head + ")"));
        propose(fee("F1", "2025-01-31", "10"));
        propose(new EntryCommand.ReverseEntry(EntryId.of("E1"), EntryId.of("X1"), LocalDate.of(2025, 2, 5), null));
        assertEquals(List.of("accepted", "accepted"), statuses());
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (holdNext != null) {
                holdNext.countDown();
            }
            if (model != null) {
                uiThread.submit(() -> model.close()).get(GUARD, TimeUnit.SECONDS);
            }
        } finally {
            background.shutdownNow();
            uiThread.shutdownNow();
            try {
                assertTrue(background.awaitTermination(GUARD, TimeUnit.SECONDS), "the background work ended");
                assertTrue(uiThread.awaitTermination(GUARD, TimeUnit.SECONDS), "the model's UI thread ended");
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

    private static EntryCommand.PostEntry fee(String id, String date, String amount) {
        Money money = Money.of(amount, "EUR");
        return EntryCommand.PostEntry.simple(EntryId.of(id), LocalDate.parse(date), "Fees",
                List.of(Posting.of(AccountName.of("expenses:fees"), money), Posting.of(AccountName.of("assets:bank"), money.negate())));
    }

    private void propose(Object command) throws Exception {
        onUi(() -> {
            model.reason().set("found in the audit");
            return null;
        });
        model.proposing().execute(CommandDraft.of(command));
        onUi(() -> {
            model.proposalMade();
            return null;
        });
    }

    private <T> T onUi(Callable<T> read) throws Exception {
        return uiThread.submit(read).get(GUARD, TimeUnit.SECONDS);
    }

    private List<String> statuses() throws Exception {
        return onUi(() -> model.proposals().stream().map(SandboxViewModel.ProposalRow::status).toList());
    }

    private String said() throws Exception {
        return onUi(() -> model.message().get());
    }

    /** The next work the model hands its executor waits for the returned latch. */
    private CountDownLatch holdTheNextWork() {
        CountDownLatch hold = new CountDownLatch(1);
        heldSubmitted = new CountDownLatch(1);
        holdNext = hold;
        return hold;
    }

    private void reverseE1Elsewhere() {
        elsewhere.commands().execute(new EntryCommand.ReverseEntry(EntryId.of("E1"), EntryId.of("R1"), LocalDate.of(2025, 2, 1),
                null), CommandContext.byUser("bob"));
    }

    private void apply() throws Exception {
        onUi(() -> {
            model.apply();
            return null;
        });
    }

    @Test
    void the_follow_ends_after_an_apply_the_post_refused_and_the_refusal_is_still_said() throws Exception {
        // the post lands; the window's follow is held; Apply (clicked on the proposals as shown, both accepted) runs first
        CountDownLatch follow = holdTheNextWork();
        reverseE1Elsewhere();
        long moved = elsewhere.lastPosition();
        assertTrue(heldSubmitted.await(GUARD, TimeUnit.SECONDS), "the window heard of the post");
        apply();
        await().atMost(GUARD, TimeUnit.SECONDS).until(() -> said().contains("Nothing was applied"));
        String refused = said();
        assertEquals(moved, app.lastPosition(), "the refused Apply wrote nothing: " + refused);

        follow.countDown();
        await().atMost(GUARD, TimeUnit.SECONDS).until(() -> onUi(() -> model.base().get()).contains("(position " + moved + ")"));

        assertEquals(List.of("accepted", "refused"), statuses().stream().map(s -> s.replaceFirst(":.*", "")).toList());
        String end = said();
        assertTrue(end.contains(refused) && end.contains("Nothing was applied"), "the Apply's refusal must still be said, but"
                + " the window ended saying: " + end);
        assertTrue(end.contains("moved on to position " + moved), end);
        assertEquals(moved, app.lastPosition(), "nothing was applied");
    }

    @Test
    void an_apply_refused_after_the_follow_says_nothing_was_applied() throws Exception {
        // Apply is clicked on the proposals as shown (both accepted) and held; the post lands and the follow is shown first
        CountDownLatch applying = holdTheNextWork();
        apply();
        assertTrue(heldSubmitted.await(GUARD, TimeUnit.SECONDS), "Apply began");
        reverseE1Elsewhere();
        long moved = elsewhere.lastPosition();
        await().atMost(GUARD, TimeUnit.SECONDS).until(() -> said().contains("moved on to position " + moved));

        applying.countDown();
        await().atMost(GUARD, TimeUnit.SECONDS).until(() -> said().contains("Nothing was applied"));

        assertEquals(moved, app.lastPosition(), "nothing was applied");
        assertTrue(said().contains("E1"), said());
        assertEquals(List.of("accepted", "refused"), statuses().stream().map(s -> s.replaceFirst(":.*", "")).toList());
    }

    @Test
    void a_post_that_leaves_the_proposals_standing_is_followed_and_apply_posts_after_it() throws Exception {
        // the post elsewhere does not touch what is proposed: Apply, held until it lands, posts both at the new head
        CountDownLatch applying = holdTheNextWork();
        apply();
        assertTrue(heldSubmitted.await(GUARD, TimeUnit.SECONDS), "Apply began");
        elsewhere.commands().execute(fee("B1", "2025-01-28", "40"), CommandContext.byUser("bob"));
        long moved = elsewhere.lastPosition();

        applying.countDown();
        await().atMost(GUARD, TimeUnit.SECONDS).until(() -> said().startsWith("Applied 2 proposals"));
        long head = app.lastPosition();
        assertTrue(head > moved, "posted after the other process's entry");
        await().atMost(GUARD, TimeUnit.SECONDS).until(() -> onUi(() -> model.base().get()).contains("(position " + head + ")"));

        assertEquals(List.of("applied", "applied"), statuses().stream().map(s -> s.replaceFirst(" by.*", "")).toList());
        assertEquals("50.00", onUi(() -> model.balances().stream().filter(row -> row.account().equals("expenses:fees"))
                .map(SandboxViewModel.BalanceRow::asPosted).findFirst().orElse("(no row)")));
        assertTrue(said().startsWith("Applied 2 proposals"), said());
    }

    @Test
    void an_apply_after_another_process_changed_the_sandbox_file_applies_nothing() throws Exception {
        // eventscope sandbox post (another process) adds a proposal to alice's file while the window is open; then Apply
        SandboxFiles other = new SandboxFiles(folder.resolve("sandboxes"));
        SandboxContents read = other.read(Sandbox.ledgerId(elsewhere), "alice").orElseThrow();
        Sandbox.Proposed proposed = Sandbox.open(elsewhere, read).proposed(CommandDraft.of(fee("F9", "2025-01-30", "5")),
                "from the command line", "alice", Instant.parse("2025-02-10T09:30:00Z"));
        other.replace(read, proposed.sandbox().contents());
        long head = app.lastPosition();

        apply();
        await().atMost(GUARD, TimeUnit.SECONDS).until(() -> said().contains("Another process changed the sandbox"));

        assertEquals(head, app.lastPosition(), "the window said: " + said() + "; yet its Apply wrote to the ledger");
        assertTrue(said().contains("nothing was applied and the ledger is unchanged"), said());
        assertEquals(3, other.read(Sandbox.ledgerId(elsewhere), "alice").orElseThrow().proposals().stream()
                .filter(proposal -> !proposal.applied()).count(), "the file keeps the other process's proposal, none applied");
    }
}
