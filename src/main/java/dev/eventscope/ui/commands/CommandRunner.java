package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.CommandDraft;
import dev.eventscope.application.Executed;
import dev.eventscope.application.LedgerCommandService;

/** Carries out one bookkeeping command; the forms use the command service, tests may stand in. */
@FunctionalInterface
public interface CommandRunner {

    /** Builds the command inside the write transaction (new entry ids are allocated there) and carries it out. */
    Executed execute(CommandDraft draft);

    /** The real runner: the command service on {@code service}'s store, as the operating-system user. */
    static CommandRunner of(LedgerCommandService service) {
        CommandContext context = CommandContext.osUser();
        return draft -> service.execute(draft, context);
    }
}
