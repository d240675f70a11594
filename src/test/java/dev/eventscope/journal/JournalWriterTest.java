package dev.eventscope.journal;

import static dev.eventscope.journal.JournalText.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("writing journals")
class JournalWriterTest {

    private static final String[] TRICKY = {
        "account assets:bank:checking  ; type: A",
        "commodity 1.000,00 EUR",
        "commodity $1,000.00",
        "",
        "2024-01-01=2024-01-03 * (INV-1) Opening | balances  ; trip: paris, billable:",
        "    ; second line",
        "    assets:bank:checking  1.234,50 EUR = 1.234,50 EUR",
        "    ! assets:cash Café  $-5  ; receipt: 17",
        "      ; more about the cash",
        "    equity:opening",
        "",
        "2024/2/3 ! conversion",
        "    assets:usd  -11 USD",
        "    assets:eur  10 EUR",
        "",
        "2024.02.04 priced",
        "    assets:fund  3 \"ACME 2030\" @ $1.10",
        "    assets:fund  2 \"ACME 2030\" @@ $2.30",
        "    assets:bank:checking",
        "    (budget:fund)  -5 USD",
        "    [savings]  1 GBP",
        "    [checking]  GBP -1",
        "",
        "2024-02-05 reconcile",
        "    assets:bank:checking  = 1.000,00 EUR",
        "    expenses:fees",
        "",
        "2024-02-06",
        "    a  1 X",
        "    a  -1 X",
        "    b",
    };

    private static String write(List<JournalItem> items) {
        StringWriter text = new StringWriter();
        new JournalWriter(text).writeAll(items);
        return text.toString();
    }

    private static List<JournalTransaction> withoutLocations(List<JournalTransaction> transactions) {
        return transactions.stream().map(JournalTransaction::withoutLocation).collect(Collectors.toList());
    }

    @Nested
    @DisplayName("round trip")
    class RoundTrip {

        @Test
        void parseWriteParseGivesEqualTransactions() {
            JournalText first = read(TRICKY);
            String written = write(first.items);
            JournalText second = read(written.split("\n", -1));
            assertEquals(withoutLocations(first.transactions()), withoutLocations(second.transactions()), written);
        }

        @Test
        void writingTwiceGivesTheSameText() {
            String once = write(read(TRICKY).items);
            assertEquals(once, write(read(once.split("\n", -1)).items));
        }

        @Test
        void declarationsSurviveTheRoundTrip() {
            JournalText second = read(write(read(TRICKY).items).split("\n", -1));
            assertEquals(List.of("assets:bank:checking", "EUR", "$"), second.items.stream()
                    .filter(JournalDirective.class::isInstance)
                    .map(item -> item instanceof JournalDirective.AccountDeclaration account ? account.account()
                            : ((JournalDirective.CommodityDeclaration) item).commodity())
                    .toList());
        }
    }

    @Nested
    @DisplayName("text")
    class Text {

        @Test
        void everyAmountIsExplicitWithPointDecimals() {
            JournalTransaction transaction = JournalText.only("2024-01-01 * (7) Shop  ; a: b", "    expenses  1.000,50 EUR",
                    "    assets");
            assertEquals("2024-01-01 * (7) Shop  ; a: b\n"
                    + "    expenses  1000.50 EUR\n"
                    + "    assets  -1000.50 EUR\n", JournalWriter.format(transaction));
        }

        @Test
        void pricesAssertionsVirtualPostingsAndQuotedCommodities() {
            JournalTransaction transaction = JournalText.only("2024-01-01 x", "    ! a  3 \"ACME 2030\" @ $1.10 = 3 \"ACME 2030\"",
                    "    (b)  $-3.30", "    c");
            assertEquals("2024-01-01 x\n"
                    + "    ! a  3 \"ACME 2030\" @ $1.10 = 3 \"ACME 2030\"\n"
                    + "    (b)  $-3.30\n"
                    + "    c  $-3.30\n", JournalWriter.format(transaction));
        }
    }
}
