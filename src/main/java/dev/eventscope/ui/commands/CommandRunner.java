package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.CommandResult;
import dev.eventscope.application.LedgerCommandService;

/** Carries out one bookkeeping command; the forms use the command service, tests may stand in. */
@FunctionalInterface
public interface CommandRunner {

    CommandResult execute(Object command);

    /** The real runner: the command service on {@code service}'s store, as the operating-system user. */
    static CommandRunner of(LedgerCommandService service) {
        CommandContext context = CommandContext.osUser();
        return command -> service.execute(command, context);
    }
}
