package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.application.MarketPriceHistory;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.HledgerRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code P} directives become price events in the {@code prices} stream, in the journal's order, and an export writes
 * them back: {@code hledger prices} lists the same prices for the journal and for its export.
 */
class JournalPricesTest extends JournalAgreementFixture {

    private static final String JOURNAL = String.join("\n",
            "Y 2025",
            "commodity 1,000.00 EUR",
            "commodity $1,000.00",
            "P 01/10 12:30 \"AB1\" 1,234.5 EUR  ; a time and a quoted commodity",
            "P 2025-01-10 EUR $1.10",
            "P 2025/02/01 EUR $1.05",
            "P 2025-02-01 EUR $1.070",
            "P 2025-01-15 JPY $0.0065",
            "",
            "2025-01-05 open",
            "    assets:eur        100.00 EUR",
            "    assets:usd        $50.00",
            "    equity",
            "");

    private Path importJournal(String text) throws Exception {
        Path journal = write("prices.journal", text);
        try (SqliteEventStore store = SqliteEventStore.open(ledger())) {
            new JournalImporter(LedgerCommandService.create(store)).importJournal(journal, JournalImporter.Options.defaults(),
                    CommandContext.byUser("alice"), ImportProgress.NONE);
        }
        return journal;
    }

    @Test
    void every_p_directive_becomes_a_price_event_in_journal_order() throws Exception {
        importJournal(JOURNAL);
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger())) {
            assertEquals(List.of(
                    new PriceRecorded(LocalDate.of(2025, 1, 10), "AB1", Money.of("1234.5", "EUR"), 1),
                    new PriceRecorded(LocalDate.of(2025, 1, 10), "EUR", Money.of("1.10", "$"), 2),
                    new PriceRecorded(LocalDate.of(2025, 2, 1), "EUR", Money.of("1.05", "$"), 2),
                    new PriceRecorded(LocalDate.of(2025, 2, 1), "EUR", Money.of("1.07", "$"), 3),
                    new PriceRecorded(LocalDate.of(2025, 1, 15), "JPY", Money.of("0.0065", "$"), 4)),
                    MarketPriceHistory.read(store, BookkeepingCodec.create()).recorded());
            assertEquals(5, store.streamVersion(dev.eventscope.eventstore.StreamId.of("prices")));
        }
    }

    @Test
    void the_export_writes_the_prices_back_as_hledger_lists_them() throws Exception {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        Path journal = importJournal(JOURNAL);
        Path exported = folder.resolve("exported.journal");
        StringWriter text = new StringWriter();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger())) {
            new JournalExporter(store, BookkeepingCodec.create()).export(text);
        }
        Files.writeString(exported, text.toString());
        assertTrue(text.toString().contains("P 2025-02-01 EUR $1.070\n"), "the price keeps its three places:\n" + text);
        assertEquals(hledgerPrices(journal), hledgerPrices(exported));
        assertEquals(5, hledgerPrices(exported).size());
    }

    @Test
    void a_refused_price_names_the_file_and_line_and_imports_nothing() throws Exception {
        Path journal = write("bad.journal", "2025-01-05 open\n    a  1 EUR\n    b\n\nP 2025-01-10 EUR -1.10 USD\n");
        try (SqliteEventStore store = SqliteEventStore.open(ledger())) {
            JournalImportException refused = assertThrows(JournalImportException.class, () -> new JournalImporter(
                    LedgerCommandService.create(store)).importJournal(journal, JournalImporter.Options.defaults(),
                    CommandContext.byUser("alice"), ImportProgress.NONE));
            assertEquals(5, refused.line());
            assertTrue(refused.getMessage().contains("bad.journal"), refused.getMessage());
            assertTrue(refused.getMessage().contains("The market price -1.10 USD of EUR is negative"), refused.getMessage());
            assertEquals(0, store.lastPosition(), "nothing was imported");
        }
    }

    @Test
    void a_typed_price_is_read_as_a_p_directive_would_be() {
        assertEquals(new dev.eventscope.domain.ledger.PriceCommand.RecordPrice(LocalDate.of(2025, 1, 31), "EUR",
                Money.of("1.08", "USD"), 2), PriceInput.parse(LocalDate.of(2025, 1, 31), "EUR", "1.08 USD"));
        assertEquals("$", PriceInput.parse(LocalDate.of(2025, 1, 31), "EUR", "$1.0834").price().commodity());
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class,
                () -> PriceInput.parse(LocalDate.of(2025, 1, 31), "EUR", "1.08 USD 3"));
        assertTrue(unreadable.getMessage().startsWith("The price '1.08 USD 3' "), unreadable.getMessage());
    }

    /** The prices of {@code hledger prices}, read back as P directives (without their lines). */
    private static List<List<Object>> hledgerPrices(Path journal) {
        HledgerRun run = Hledger.run(List.of("-f", journal.toString(), "prices"));
        assertTrue(run.succeeded(), run.describe());
        List<List<Object>> prices = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(new StringReader(run.standardOutput()), "prices", JournalReadListener.NONE)) {
            while (reader.hasNext()) {
                if (reader.next() instanceof JournalDirective.MarketPrice price) {
                    prices.add(List.of(price.date(), price.commodity(), price.price()));
                }
            }
        }
        return prices;
    }
}
