package dev.eventscope.ui.commands;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.ui.TaskExecutor;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What the command forms work with: the open ledger's session, whether it is read-only, a runner for
 * commands, the lookups for completion, the executor and the clock (for today's date).
 */
public record CommandEnvironment(LedgerSession session, boolean readOnly, CommandRunner runner, LedgerLookups lookups,
                                 TaskExecutor executor, Clock clock) {

    /** The real environment for an open ledger: the command service as the operating-system user. */
    public static CommandEnvironment of(LedgerSession session, TaskExecutor executor) {
        return new CommandEnvironment(session, session.readOnly(), CommandRunner.of(session.commands()),
                new LedgerLookups(session), executor, Clock.systemDefaultZone());
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
