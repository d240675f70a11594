package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual postings and hledger's balancing rule (issue 12), each on a small journal written for it: the imported
 * ledger's balances equal {@code hledger bal} at the end and at two cut-off dates, and the export gives a journal
 * whose {@code hledger bal} (and {@code hledger bal --real}) equals the original's.
 */
class JournalVirtualAndBalancingAgreementTest extends JournalAgreementFixture {

    @Nested
    class VirtualPostings {

        @Test
        void count_in_balances_as_hledger_bal_counts_them_and_keep_their_kind() throws Exception {
            Path journal = write("virtual.journal", """
                    2025-01-01 salary, with an envelope budget
                        assets:checking  1000 EUR
                        income:salary  -1000 EUR
                        (budget:food)  300 EUR
                        [budget:unallocated]  -300 EUR
                        [budget:rent]
                    2025-01-05 groceries
                        expenses:food  45.50 EUR
                        assets:checking
                        (budget:food)  -45.50 EUR
                    2025-01-10 a lone unbalanced virtual posting
                        (tracking:miles)  120
                    2025-01-20 balanced virtual postings with an elided amount
                        [budget:rent]  -300 EUR
                        [assets:reserved]
                    """);
            importAndCompare(journal, ledger(), date("2025-01-05"), date("2025-01-12"));
            assertEquals(hledgerReal(journal), realBalances(ledger()), "the trial balance counts real postings only");
            Map<String, PostingKind> kinds = kinds(ledger());
            assertEquals(PostingKind.VIRTUAL, kinds.get("budget:food"));
            assertEquals(PostingKind.BALANCED_VIRTUAL, kinds.get("budget:rent"));
            assertEquals(PostingKind.REAL, kinds.get("assets:checking"));
            Path exported = export(ledger());
            String text = Files.readString(exported);
            assertTrue(text.contains("(budget:food)") && text.contains("[budget:rent]"), text);
            assertEquals(Hledger.balancesAtEnd(journal), Hledger.balancesAtEnd(exported));
            assertEquals(hledgerReal(journal), hledgerReal(exported));
        }

        @Test
        void balanced_virtual_postings_that_do_not_balance_are_refused_naming_the_line() throws Exception {
            Path journal = write("unbalanced.journal", """
                    2025-01-01 ok
                        assets:a  1 EUR
                        equity
                    2025-01-02 bad
                        assets:a  1 EUR
                        equity  -1 EUR
                        [budget:a]  5 EUR
                        [budget:b]  -4 EUR
                    """);
            assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses it too");
            JournalImportException refused = assertThrows(JournalImportException.class, () -> importAndCompare(journal, ledger()));
            assertMentions(refused.getMessage(), "unbalanced.journal:4", "balanced virtual");
        }
    }

    @Nested
    class BalancingAtDisplayPrecision {

        @Test
        void an_entry_off_by_less_than_half_the_last_decimal_imports_as_in_hledger() throws Exception {
            Path journal = write("precision.journal", """
                    2025-01-01 open
                        assets:cash  1000.00 USD
                        equity
                    2025-01-02 shares, costing 100.00476 USD
                        assets:shares  3 AAA @ 33.33492 USD
                        assets:cash  -100.00 USD
                    2025-01-03 more
                        assets:shares  1 AAA @ 10.00 USD
                        assets:cash
                    """);
            importAndCompare(journal, ledger(), date("2025-01-01"), date("2025-01-02"));
        }

        @Test
        void a_later_amount_with_more_decimals_makes_hledger_refuse_it_and_so_do_we_naming_the_line() throws Exception {
            Path journal = write("later.journal", """
                    2025-01-01 shares, costing 100.00476 USD
                        assets:shares  3 AAA @ 33.33492 USD
                        assets:cash  -100.00 USD
                    2025-01-02 three decimals, written after it
                        assets:cash  1.000 USD
                        equity
                    """);
            assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses it too");
            JournalImportException refused = assertThrows(JournalImportException.class, () -> importAndCompare(journal, ledger()));
            assertMentions(refused.getMessage(), "later.journal:1", "does not balance");
            assertFalse(Files.exists(ledger()) && !HledgerAgreement.ours(ledger(), null).isEmpty(), "nothing was written");
        }

        @Test
        void market_price_and_default_commodity_directives_set_the_precision_as_in_hledger() throws Exception {
            for (String directive : List.of("P 2025-01-01 AAA 1.00000 USD", "D 1.00000 USD", "commodity 1.00000 USD")) {
                Path journal = write("directive.journal", directive + """

                        2025-01-02 shares, costing 100.00476 USD
                            assets:shares  3 AAA @ 33.33492 USD
                            assets:cash  -100.00 USD
                        """);
                assertFalse(Hledger.isAvailable() && Hledger.check(journal).succeeded(), "hledger refuses it: " + directive);
                assertThrows(JournalImportException.class, () -> importAndCompare(journal, ledger()), directive);
            }
            Path journal = write("declared.journal", """
                    commodity 1.00 USD
                    2025-01-02 shares, costing 100.00476 USD
                        assets:shares  3 AAA @ 33.33492 USD
                        assets:cash  -100.00 USD
                    2025-01-03 five decimals do not change a declared precision
                        assets:cash  1.00000 USD
                        equity
                    """);
            importAndCompare(journal, ledger(), date("2025-01-02"), date("2025-01-03"));
        }
    }

    private Path export(Path ledger) throws Exception {
        Path exported = folder.resolve("exported.journal");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger);
             Writer out = Files.newBufferedWriter(exported, StandardCharsets.UTF_8)) {
            new JournalExporter(store, BookkeepingCodec.create()).export(out);
        }
        return exported;
    }

    private static Map<String, Map<String, java.math.BigDecimal>> hledgerReal(Path journal) {
        return Hledger.balances(journal, List.of("--real"), null);
    }

    /** The ledger's balances from its real postings only, as the trial balance counts them. */
    private static Map<String, Map<String, java.math.BigDecimal>> realBalances(Path ledger) {
        Map<String, Map<String, java.math.BigDecimal>> balances = new TreeMap<>();
        forEachPosting(ledger, (account, posting) -> {
            if (posting.kind() == PostingKind.REAL) {
                balances.computeIfAbsent(account, any -> new TreeMap<>())
                        .merge(posting.amount().commodity(), posting.amount().amount(), java.math.BigDecimal::add);
            }
        });
        balances.values().forEach(held -> held.replaceAll((commodity, sum) -> Hledger.normalize(sum)));
        balances.values().forEach(held -> held.values().removeIf(sum -> sum.signum() == 0));
        balances.values().removeIf(Map::isEmpty);
        return balances;
    }

    private static Map<String, PostingKind> kinds(Path ledger) {
        Map<String, PostingKind> kinds = new TreeMap<>();
        forEachPosting(ledger, (account, posting) -> kinds.put(account, posting.kind()));
        return kinds;
    }

    private static void forEachPosting(Path ledger, java.util.function.BiConsumer<String, PostingRecorded> action) {
        var codec = BookkeepingCodec.create();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                if (codec.decode(recorded).value().orElse(null) instanceof PostingRecorded posting) {
                    action.accept(recorded.streamId().value().substring("account-".length()), posting);
                }
            }
        }
    }
}
