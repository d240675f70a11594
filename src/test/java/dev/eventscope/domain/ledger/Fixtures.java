package dev.eventscope.domain.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Short ways to write amounts, postings and dates in tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** {@code money("10.00 EUR")}. */
    static Money money(String amountAndCommodity) {
        int space = amountAndCommodity.indexOf(' ');
        return new Money(new BigDecimal(amountAndCommodity.substring(0, space)), amountAndCommodity.substring(space + 1));
    }

    static AccountName account(String name) {
        return AccountName.of(name);
    }

    static EntryId entryId(String value) {
        return EntryId.of(value);
    }

    static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    static Posting posting(String account, String amount) {
        return Posting.of(account(account), money(amount));
    }

    /** {@code posting("assets:stocks", "10 AAPL", "@", "150.00 USD")}. */
    static Posting posting(String account, String amount, String priceSymbol, String price) {
        PostingPrice postingPrice = "@@".equals(priceSymbol)
                ? PostingPrice.total(money(price))
                : PostingPrice.unit(money(price));
        return new Posting(account(account), money(amount), postingPrice, null);
    }

    static List<Posting> postings(Posting... postings) {
        return Arrays.asList(postings);
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
