package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand.ReopenPeriod;

import java.util.function.Supplier;

/** Withdraw the most recent period close, with a reason. */
public final class ReopenPeriodViewModel extends CommandFormViewModel {

    private final FormField reason;

    public ReopenPeriodViewModel(CommandEnvironment environment) {
        super("Reopen the last closed period", "Reopen period", environment);
        reason = addField(ViolationTarget.REASON, "Reason", FieldKind.TEXT, "why the closed period must change");
    }

    @Override
    protected Object command(Supplier<EntryId> newEntryIds) {
        return new ReopenPeriod(required(reason, "reason for reopening"));
    }

    @Override
    protected String describeDone(Object command, CommandResult result) {
        return "Reopened the last closed period.";
    }
}
