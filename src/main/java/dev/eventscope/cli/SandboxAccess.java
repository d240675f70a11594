package dev.eventscope.cli;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.CommandDraft;
import dev.eventscope.sandbox.DecidedProposal;
import dev.eventscope.sandbox.Sandbox;
import dev.eventscope.sandbox.SandboxContents;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxProblem;
import dev.eventscope.session.LedgerSession;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What every {@code sandbox} subcommand shares: where the sandboxes are kept (a hidden option; tests point it at a
 * temporary folder), finding the user's sandbox of a ledger, and proposing drafts into it. A sandbox problem
 * becomes a one-sentence {@link CommandProblem}; a refused proposal propagates its rule violation, so it is told
 * exactly as the real command's refusal (exit code 4) and nothing is kept.
 */
final class SandboxAccess {

    @Option(names = "--sandbox-dir", hidden = true, paramLabel = "DIR",
            description = "Where sandboxes are kept (default: the XDG state folder).")
    Path directory;

    SandboxFiles files() {
        return directory == null ? SandboxFiles.forCurrentUser() : new SandboxFiles(directory);
    }

    static String userOf(String option) {
        return option == null ? CommandContext.osUser().user() : option;
    }

    /** The user's sandbox of the session's ledger, decided afresh against its base; refused when there is none. */
    Sandbox open(LedgerSession session, String user) {
        return guarded(() -> {
            String ledgerId = Sandbox.ledgerId(session);
            SandboxContents contents = files().read(ledgerId, user).orElseThrow(() -> new CommandProblem(
                    "There is no sandbox of " + session.fileName() + " for " + user + "; start one with 'eventscope sandbox new -l "
                            + session.file() + "'.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER));
            return Sandbox.open(session, contents);
        });
    }

    /** Decides each draft after the sandbox's proposals, keeps them all (or, if one is refused, none) and says what was proposed. */
    int propose(LedgerCommandBase command, List<CommandDraft> drafts, String reason) {
        String user = userOf(command.user);
        try (LedgerSession session = command.ledger.openReadOnly(command.sessions())) {
            Sandbox sandbox = open(session, user);
            SandboxContents read = sandbox.contents();
            int first = read.nextNumber();
            for (CommandDraft draft : drafts) {
                Sandbox current = sandbox;
                sandbox = guarded(() -> current.propose(draft, reason, user, Instant.now()));
            }
            Sandbox proposed = sandbox;
            guarded(() -> {
                files().replace(read, proposed.contents());
                return null;
            });
            PrintWriter out = command.spec.commandLine().getOut();
            for (DecidedProposal decided : proposed.decided()) {
                if (decided.proposal().number() >= first) {
                    out.println("Proposed " + decided.proposal().number() + ": " + decided.summary()
                            + " (" + decided.verdict() + ").");
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    static <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (SandboxProblem problem) {
            throw new CommandProblem(problem.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    static Function<Sandbox, String> baseLine() {
        return sandbox -> "Sandbox of " + sandbox.contents().user() + " at " + sandbox.contents().base().describe()
                + " (position " + sandbox.basePosition() + ").";
    }
}
