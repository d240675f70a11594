package dev.eventscope.ui.commands;

import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.ui.LedgerSession;
import dev.eventscope.ui.TaskExecutor;

import java.time.Clock;
import java.time.ZoneId;

/**
 * What the command forms work with: the open ledger's store, whether it is read-only, a runner for
 * commands, the lookups for completion, the executor and the clock (for today's date).
 */
public record CommandEnvironment(EventStore store, boolean readOnly, CommandRunner runner, LedgerLookups lookups,
                                 TaskExecutor executor, Clock clock) {

    /** The real environment for an open ledger: the command service as the operating-system user. */
    public static CommandEnvironment of(LedgerSession session, TaskExecutor executor) {
        LedgerCommandService service = LedgerCommandService.create(session.store());
        return new CommandEnvironment(session.store(), session.readOnly(), CommandRunner.of(service),
                new LedgerLookups(service.repository()), executor, Clock.systemDefaultZone());
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
