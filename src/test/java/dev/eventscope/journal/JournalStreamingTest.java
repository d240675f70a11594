package dev.eventscope.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("streaming a large journal")
class JournalStreamingTest {

    private static final int TRANSACTIONS = 200_000;

    @Test
    @DisplayName("200,000 transactions are read one at a time with progress and a final balance assertion")
    void readsTwoHundredThousandTransactions(@TempDir Path directory) throws IOException {
        Path journal = directory.resolve("large.journal");
        try (BufferedWriter out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8)) {
            out.write("account assets:bank\n\n");
            LocalDate date = LocalDate.of(2000, 1, 1);
            for (int index = 0; index < TRANSACTIONS; index++) {
                out.write(date.plusDays(index / 100) + " * (" + index + ") purchase " + index + "  ; batch: " + (index % 7) + "\n");
                out.write("    expenses:item " + (index % 50) + "  " + (index % 1000) + ".25 EUR\n");
                out.write("    assets:bank\n\n");
            }
            BigDecimal expected = BigDecimal.ZERO;
            for (int index = 0; index < TRANSACTIONS; index++) {
                expected = expected.subtract(new BigDecimal((index % 1000) + ".25"));
            }
            out.write("2100-01-01 check\n    assets:bank  0 EUR = " + expected.toPlainString() + " EUR\n    equity\n");
        }
        List<long[]> progress = new ArrayList<>();
        JournalReadListener listener = new JournalReadListener() {
            @Override
            public void progress(long linesRead, long bytesRead) {
                progress.add(new long[] {linesRead, bytesRead});
            }
        };
        long transactions = 0;
        long postings = 0;
        long declarations = 0;
        int linesReadAtFirstTransaction = -1;
        try (JournalReader reader = JournalReader.open(journal, listener)) {
            while (reader.hasNext()) {
                JournalItem item = reader.next();
                if (item instanceof JournalTransaction transaction) {
                    transactions++;
                    if (linesReadAtFirstTransaction < 0) {
                        linesReadAtFirstTransaction = reader.linesRead();
                    }
                    postings += transaction.postings().size();
                } else {
                    declarations++;
                }
            }
            assertEquals(TRANSACTIONS + 1, reader.transactionCount());
        }
        assertTrue(linesReadAtFirstTransaction <= 6, "the first transaction came after " + linesReadAtFirstTransaction
                + " lines: the reader must not read ahead");
        assertEquals(TRANSACTIONS + 1, transactions);
        assertEquals(2L * TRANSACTIONS + 2, postings);
        assertEquals(1, declarations);
        long[] last = progress.get(progress.size() - 1);
        assertEquals(Files.size(journal), last[1]);
        assertEquals(2 + 4L * TRANSACTIONS + 3, last[0]);
        assertTrue(progress.size() > 500, "progress reported " + progress.size() + " times");
    }
}
