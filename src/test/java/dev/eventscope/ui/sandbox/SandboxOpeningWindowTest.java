package dev.eventscope.ui.sandbox;

import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxFixture;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.TaskExecutor;
import dev.eventscope.ui.WindowTests;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Propose adjustments…" while its sandbox is still opening (docs/ui.md, "Session 20 (ui2)"): the reason, the forms, the
 * base field and Export are greyed until it has opened (session 20's first shot: Propose pressed meanwhile said "The
 * sandbox is still opening." after the fact), and usable as soon as it has. The opening is held by the test's executor
 * until the greyed window has been looked at, so nothing depends on the machine's speed.
 */
@ExtendWith(ApplicationExtension.class)
class SandboxOpeningWindowTest {

    @TempDir
    static Path folder;

    private final CountDownLatch opening = new CountDownLatch(1);
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private LedgerSession session;

    /** Runs each piece of work once {@link #opening} is released (the first is the sandbox's opening). */
    private final TaskExecutor held = new TaskExecutor() {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            background.execute(() -> {
                try {
                    if (!opening.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the opening");
                    }
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Throwable problem) {
                    Platform.runLater(() -> onFailure.accept(problem));
                }
            });
        }

        @Override
        public void onUiThread(Runnable action) {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        }
    };

    @AfterEach
    void close() throws Exception {
        opening.countDown();
        org.testfx.api.FxToolkit.cleanupStages();
        background.shutdown();
        assertTrue(background.awaitTermination(60, TimeUnit.SECONDS), "the background work ended");
        if (session != null) {
            session.close();
        }
    }

    @Test
    void the_forms_are_greyed_until_the_sandbox_has_opened_then_take_a_proposal(FxRobot robot) throws Exception {
        Path run = Files.createTempDirectory(folder, "run");
        Path ledger = run.resolve("books.ledger");
        SandboxFixture.write(ledger);
        session = TestSessions.SQLITE.open(ledger);
        SandboxViewModel model = new SandboxViewModel(session, new SandboxFiles(run.resolve("sandboxes")), "alice", held,
                Clock.fixed(Instant.parse("2025-02-10T09:00:00Z"), ZoneOffset.UTC));
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            new SandboxView(model).show(stage[0], 1240, 760);
        });
        WaitForAsyncUtils.waitForFxEvents();

        List<String> ids = List.of("#proposalReason", "#proposalForms", "#sandboxBasePoint", "#moveBaseButton", "#exportJournalButton");
        List<String> usable = new ArrayList<>();
        robot.interact(() -> {
            for (String id : ids) {
                if (!robot.lookup(id).query().isDisabled()) {
                    usable.add(id);
                }
            }
            for (Node submit : robot.lookup("#submitButton").queryAll()) {
                if (!submit.isDisabled()) {
                    usable.add("a form's " + ((Button) submit).getText());
                }
            }
        });
        assertEquals(List.of(), usable, "usable while the sandbox is still opening");
        assertFalse(robot.lookup("#decideAgainButton").queryButton().isDisabled(), "Decide again opens it afresh: never greyed");
        // a press meanwhile does nothing (a greyed button does not fire), so no "still opening" sentence
        robot.interact(() -> robot.lookup("#submitButton").queryAll().forEach(submit -> ((Button) submit).fire()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", model.message().get(), "nothing was said while greyed");

        opening.countDown();
        WindowTests.waitUntil(() -> !robot.lookup("#proposalReason").query().isDisabled());
        robot.interact(() -> {
            for (String id : ids) {
                assertFalse(robot.lookup(id).query().isDisabled(), id + " after the sandbox opened");
            }
        });
        TextField reason = robot.lookup("#proposalReason").queryAs(TextField.class);
        robot.interact(() -> reason.requestFocus());
        WindowTests.waitUntil(reason::isFocused);
        robot.write("typed once opened");
        WindowTests.waitUntil(() -> "typed once opened".equals(model.reason().get()));
    }
}
