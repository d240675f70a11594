package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PriceCommand.RecordPrice;

import java.io.StringReader;
import java.time.LocalDate;

/**
 * A market price typed by a user (the CLI's {@code price record}, the app's form), read as the {@code P} directive
 * {@code P DATE COMMODITY PRICE} would be, so the price takes every amount form a journal takes ({@code $1.08},
 * {@code 1.08 USD}, {@code 1,08 EUR}).
 */
public final class PriceInput {

    private PriceInput() {
    }

    /**
     * The command recording that one {@code commodity} was worth {@code price} on {@code date}; throws
     * {@link IllegalArgumentException} with one sentence when the commodity or the price cannot be read.
     */
    public static RecordPrice parse(LocalDate date, String commodity, String price) {
        String symbol = commodity == null ? "" : commodity.strip();
        String amount = price == null ? "" : price.strip();
        if (symbol.isEmpty() || amount.isEmpty()) {
            throw new IllegalArgumentException("A market price needs a commodity and a price, such as EUR and '1.08 USD'.");
        }
        if ((symbol + amount).codePoints().anyMatch(Character::isISOControl) || symbol.contains("\"")) {
            throw new IllegalArgumentException("The commodity '" + symbol + "' or the price '" + amount
                    + "' holds a line break, a quote or another control character.");
        }
        String quoted = symbol.codePoints().allMatch(Character::isLetter) ? symbol : "\"" + symbol + "\"";
        String line = "P " + date + " " + quoted + " " + amount + "\n";
        try (JournalReader reader = JournalReader.open(new StringReader(line), "--price", JournalReadListener.NONE)) {
            if (reader.hasNext() && reader.next() instanceof JournalDirective.MarketPrice read && !reader.hasNext()) {
                return JournalImporter.recordPriceCommand(read);
            }
            throw new IllegalArgumentException("The price '" + amount + "' is not one amount, such as '1.08 USD' or '$1.08'.");
        } catch (JournalParseException unreadable) {
            throw new IllegalArgumentException("The price '" + amount + "' cannot be read: " + unreadable.problem(), unreadable);
        }
    }
}
