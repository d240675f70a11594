package dev.eventscope.journal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.journal.HledgerAgreement.ours;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each journal feature of issue 12, on a small journal written for it: the imported ledger's balances equal
 * {@code hledger bal} at the end and at two cut-off dates.
 */
class JournalAgreementTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Path ledger() {
        return folder.resolve("books.ledger");
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    @DisplayName("a bare amount")
    class BareAmounts {

        @Test
        void is_a_commodity_of_its_own_never_merged_into_another() throws Exception {
            Path journal = write("bare.journal", """
                    2025-01-01 shares
                        assets:a  -1 A
                        equity
                    2025-01-05 no symbol
                        assets:a  -1
                        equity
                    2025-01-09 sheep
                        assets:sheep  2 @@ $600
                        assets:cash  $-600
                    2025-01-12 self price
                        assets:a  10
                        assets:b  -20 EUR
                    """);
            importAndCompare(journal, ledger(), date("2025-01-04"), date("2025-01-09"));
            Map<String, BigDecimal> held = ours(ledger(), null).get("assets:a");
            assertEquals(new BigDecimal("-1"), held.get("A"));
            assertEquals(new BigDecimal("9"), held.get(""));
        }
    }
}
