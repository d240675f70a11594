package dev.eventscope.journal.testkit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@DisplayName("the benchmark journal generator")
class LedgerBenchmarkDataTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("puts the main bank account in most entries and declares the asked number of accounts")
    void mainAccountIsHot() throws IOException {
        StringWriter writer = new StringWriter();
        JournalSummary summary = new LedgerBenchmarkData(5_000, 1_000, 3).writeTo(writer);
        String journal = writer.toString();

        long mainPostings = journal.lines().filter(line -> line.startsWith("    " + LedgerBenchmarkData.MAIN_ACCOUNT + "  ")).count();
        long declared = journal.lines().filter(line -> line.startsWith("account ")).count();
        assertTrue(mainPostings > 0.9 * summary.entryCount(), "main account postings: " + mainPostings);
        assertEquals(1_000, declared);
        for (String top : new String[]{"assets:", "liabilities:", "equity:", "income:", "expenses:"}) {
            assertTrue(journal.contains("\naccount " + top), "no " + top + " account");
        }
    }

    @Test
    @DisplayName("writes a journal hledger accepts, assertions included, with the expected balances")
    void hledgerAgrees() throws IOException {
        assumeTrue(Hledger.isAvailable(), "hledger is not installed");
        Path journal = folder.resolve("bench.journal");
        JournalSummary summary = new LedgerBenchmarkData(3_000, 600, 9).writeTo(journal);

        HledgerRun check = Hledger.check(journal, "accounts", "commodities", "ordereddates");
        assertTrue(check.succeeded(), check::describe);
        assertTrue(Files.readString(journal).contains(" = "), "no balance assertion was written");
        assertEquals(summary.finalBalances(), Hledger.balancesAtEnd(journal));
    }
}
