package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.eventstore.StreamId;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Reverse an entry: which one (completed from the ledger's entries), the reversal's date and description. */
public final class ReverseEntryViewModel extends CommandFormViewModel {

    private final FormField entry;
    private final FormField date;
    private final FormField description;

    public ReverseEntryViewModel(CommandEnvironment environment) {
        super("Reverse an entry", "Reverse entry", environment);
        entry = addField(ViolationTarget.ENTRY, "Entry", FieldKind.ENTRY, "E000001");
        date = addField(ViolationTarget.DATE, "Date", FieldKind.DATE, "");
        description = addField(ViolationTarget.DESCRIPTION, "Description", FieldKind.TEXT, "Reversal of … (default)");
        date.dateProperty().set(LocalDate.now(environment.clock()));
    }

    @Override
    protected Object command(Supplier<EntryId> newEntryIds) {
        EntryId original = EntryId.of(required(entry, "entry to reverse"));
        LocalDate when = requiredDate(date, "reversal date");
        String text = description.value();
        return new ReverseEntry(original, newEntryIds.get(), when, text.isEmpty() ? null : text);
    }

    @Override
    protected StreamId writtenStream(Object command) {
        return StreamId.of(LedgerLookups.ENTRY_PREFIX + ((ReverseEntry) command).reversalEntryId().value());
    }

    @Override
    protected String describeDone(Object command, CommandResult result) {
        ReverseEntry reverse = (ReverseEntry) command;
        return "Reversed " + reverse.originalEntryId() + " with " + reverse.reversalEntryId() + ".";
    }
}
