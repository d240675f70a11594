package dev.eventscope.cli;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.CommandDraft;
import dev.eventscope.application.CommandResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * What every command that changes a ledger shares: the ledger option, the user written on the
 * events (the OS user unless {@code --user} says otherwise), and carrying out one domain command.
 */
abstract class LedgerCommandBase implements Callable<Integer> {

    private final LedgerSessions sessions;

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOption ledger;

    @Option(names = "--user", paramLabel = "NAME",
            description = "The user to record on the events (default: the operating-system user).")
    String user;

    LedgerCommandBase(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** The domain command to carry out, built from the options. */
    abstract Object command();

    /**
     * The command as a draft, built inside the write transaction (so that new entry ids are allocated
     * there); by default the {@link #command()} as it is.
     */
    CommandDraft draft() {
        return CommandDraft.of(command());
    }

    /** One line saying what was done, e.g. "Froze assets:cash". */
    abstract String done();

    @Override
    public Integer call() {
        try (LedgerSession session = ledger.openForWriting(sessions, false)) {
            CommandResult result = session.commands().execute(draft(), context()).result();
            PrintWriter out = spec.commandLine().getOut();
            out.println(done() + (result.positions().isEmpty() ? "." : " (positions " + result.positions().get(0)
                    + (result.positions().size() > 1 ? "–" + result.lastPosition() : "") + ")."));
            out.flush();
        }
        return ExitCodes.OK;
    }

    CommandContext context() {
        return user == null ? CommandContext.osUser() : CommandContext.byUser(user);
    }

    LedgerSessions sessions() {
        return sessions;
    }
}
