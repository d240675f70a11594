package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Close the books through a date: nothing may be posted on or before it afterwards. */
public final class ClosePeriodViewModel extends CommandFormViewModel {

    private final FormField through;

    public ClosePeriodViewModel(CommandEnvironment environment) {
        super("Close a period", "Close period", environment);
        through = addField(ViolationTarget.DATE, "Through", FieldKind.DATE, "");
        through.dateProperty().set(LocalDate.now(environment.clock()).withDayOfMonth(1).minusDays(1));
    }

    @Override
    protected Object command(Supplier<EntryId> newEntryIds) {
        return new ClosePeriod(requiredDate(through, "closing date"));
    }

    @Override
    protected String describeDone(Object command, CommandResult result) {
        return "Closed the books through " + ((ClosePeriod) command).throughDate() + ".";
    }
}
