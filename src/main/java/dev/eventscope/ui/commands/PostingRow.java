package dev.eventscope.ui.commands;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingPrice;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;

/** One row of the postings grid: account, amount, commodity, an optional price ("@ 1.10 USD" or "@@ 110 USD"), and its error. */
public final class PostingRow {

    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty commodity = new SimpleStringProperty("");
    private final StringProperty price = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public PostingRow(String defaultCommodity) {
        commodity.set(defaultCommodity);
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty commodityProperty() {
        return commodity;
    }

    public StringProperty priceProperty() {
        return price;
    }

    public StringProperty errorProperty() {
        return error;
    }

    String accountText() {
        return strip(account.get());
    }

    String amountText() {
        return strip(amount.get());
    }

    String commodityText() {
        return strip(commodity.get());
    }

    /** Nothing typed in the account and amount. */
    boolean isBlank() {
        return accountText().isEmpty() && amountText().isEmpty();
    }

    /** The posting this row describes, with {@code amountOverride} when the amount was left empty; throws {@link PostingInputProblem}. */
    Posting toPosting(Money amountOverride) {
        if (accountText().isEmpty()) {
            throw new PostingInputProblem(this, "The account is missing; type an account name such as assets:bank:checking.");
        }
        AccountName name = AccountName.of(accountText());
        Money money = amountOverride != null ? amountOverride : money();
        return new Posting(name, money, priceOf(), null);
    }

    /** The amount as money; throws {@link PostingInputProblem} when it is missing or not a number. */
    Money money() {
        if (amountText().isEmpty()) {
            throw new PostingInputProblem(this, "The amount is missing; write it like 1234.50 or -80.00.");
        }
        String commodityText = commodityText();
        if (commodityText.isEmpty()) {
            throw new PostingInputProblem(this, "The commodity is missing; write it like EUR.");
        }
        return new Money(number(amountText(), "amount"), commodityText);
    }

    /** The price, or null when none was given. */
    PostingPrice priceOf() {
        String text = strip(price.get());
        if (text.isEmpty()) {
            return null;
        }
        boolean total = text.startsWith("@@");
        String rest = text.replaceFirst("^@@?", "").strip();
        String[] parts = rest.split("\\s+");
        if (rest.isEmpty() || parts.length > 2) {
            throw new PostingInputProblem(this, "The price '" + text + "' is not understood; write it like @ 1.10 USD (per unit) or @@ 110.00 USD (in total).");
        }
        String priceCommodity = parts.length == 2 ? parts[1] : commodityText();
        Money value = new Money(number(parts[0], "price"), priceCommodity);
        return total ? PostingPrice.total(value) : PostingPrice.unit(value);
    }

    private BigDecimal number(String text, String what) {
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException notANumber) {
            throw new PostingInputProblem(this, "The " + what + " '" + text + "' is not a number; write it like 1234.50 or -80.00.");
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
