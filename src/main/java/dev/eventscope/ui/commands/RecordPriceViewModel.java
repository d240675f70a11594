package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.PriceCommand.RecordPrice;
import dev.eventscope.journal.PriceInput;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Record a market price, as a journal's {@code P} line: on a date, one unit of a commodity was worth a price. */
public final class RecordPriceViewModel extends CommandFormViewModel {

    private final FormField date;
    private final FormField commodity;
    private final FormField price;

    public RecordPriceViewModel(CommandEnvironment environment) {
        super("Record a market price", "Record price", environment);
        date = addField(ViolationTarget.DATE, "Date", FieldKind.DATE, "");
        commodity = addField(ViolationTarget.COMMODITY, "Commodity", FieldKind.TEXT, "EUR");
        price = addField(ViolationTarget.PRICE, "Price of one unit", FieldKind.TEXT, "1.08 USD");
        date.dateProperty().set(LocalDate.now(environment.clock()));
    }

    @Override
    protected Object command(Supplier<EntryId> newEntryIds) {
        LocalDate on = requiredDate(date, "date of the price");
        String symbol = required(commodity, "commodity priced");
        String amount = required(price, "price (an amount such as 1.08 USD)");
        // read as the P line a journal would hold; an unreadable price is an input problem shown on the form
        return PriceInput.parse(on, symbol, amount);
    }

    @Override
    protected String describeDone(Object command, CommandResult result) {
        RecordPrice recorded = (RecordPrice) command;
        return "Recorded the price of " + recorded.commodity() + " on " + recorded.date() + ": " + recorded.price() + ".";
    }
}
