package dev.eventscope.journal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Journals written to exhaust the reader (session 21, adversary): each ends in one sentence naming the file and line,
 * without filling the heap or reading for ever; and a glob's files that include one another are read as hledger reads
 * them, not refused as a loop.
 */
@DisplayName("hostile journals end in one sentence, in bounded memory and time")
class HostileJournalsTest {

    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static List<JournalItem> readAll(Path journal) throws IOException {
        List<JournalItem> items = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal, JournalReadListener.NONE)) {
            reader.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void a_line_longer_than_16_MiB_is_refused_with_its_line_rather_than_read_into_memory() throws IOException {
        // a 2 GB sparse file of NUL bytes, or a 100 MB line, filled a 512 MB heap (OutOfMemoryError, and the new
        // ledger left behind); here 17 MiB of NUL bytes after one good line
        Path journal = write("huge.journal", "; a comment\n");
        try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
            file.setLength(file.length() + (17L << 20));
        }
        JournalParseException refused = assertThrows(JournalParseException.class, () -> readAll(journal));
        assertEquals(2, refused.line(), refused.getMessage());
        assertMentions(refused.getMessage(), "huge.journal:2", "longer than 16 MiB");
    }

    @Test
    void an_entry_of_more_than_a_hundred_thousand_postings_is_refused_at_the_posting_beyond_the_limit() throws IOException {
        // session 21: one entry of 1,000,000 postings filled a 512 MB heap after a minute (its events are decided and
        // appended together); session 22 refuses it while it is read, naming the entry's line and the limit
        StringBuilder text = new StringBuilder("2025-01-01 opening\n  assets:bank  1 EUR\n  equity:opening\n\n"
                + "2025-01-02 huge\n");
        for (int posting = 0; posting < 100_000; posting++) {
            text.append("  expenses:a").append(posting % 10).append("  0.01 EUR\n");
        }
        text.append("  assets:bank\n");
        Path journal = write("huge-entry.journal", text.toString());

        JournalParseException refused = assertThrows(JournalParseException.class, () -> readAll(journal));
        assertEquals(100_006, refused.line(), refused.getMessage());
        assertMentions(refused.getMessage(), "huge-entry.journal:100006", "starts on line 5", "more than 100,000 postings",
                "split it");
    }

    @Test
    void an_entry_of_a_hundred_thousand_postings_is_read() throws IOException {
        StringBuilder text = new StringBuilder("2025-01-02 large\n");
        for (int posting = 0; posting < 99_999; posting++) {
            text.append("  expenses:a").append(posting % 10).append("  0.01 EUR\n");
        }
        text.append("  assets:bank\n");
        Path journal = write("large-entry.journal", text.toString());

        assertDoesNotThrow(() -> readAll(journal));
    }

    @Test
    void a_file_included_twice_at_every_level_is_refused_once_it_would_be_read_more_than_a_thousand_times() throws IOException {
        // never a loop, but 42 such files would read the last one 2^41 times (the import ran until killed)
        for (int level = 0; level < 11; level++) {
            write("bomb" + level + ".journal", "include bomb" + (level + 1) + ".journal\ninclude bomb" + (level + 1)
                    + ".journal\n");
        }
        write("bomb11.journal", "; the last one\n");
        JournalParseException refused = assertThrows(JournalParseException.class,
                () -> readAll(folder.resolve("bomb0.journal")));
        assertMentions(refused.getMessage(), "bomb10.journal:", "bomb11.journal more than 1,000 times");
    }

    @Test
    void includes_more_than_a_thousand_levels_deep_are_refused_naming_the_line() throws IOException {
        // each level held a file and a 64 KiB buffer open: 5,001 levels took 560 MB
        for (int level = 0; level <= 1_001; level++) {
            write("chain" + level + ".journal", "include chain" + (level + 1) + ".journal\n");
        }
        write("chain1002.journal", "2025-01-01 x\n    a  1\n    b\n");
        JournalParseException refused = assertThrows(JournalParseException.class,
                () -> readAll(folder.resolve("chain0.journal")));
        assertMentions(refused.getMessage(), "chain1000.journal:1", "1,001 includes deep");
        write("chain1000.journal", "2025-01-01 x\n    a  1\n    b\n");
        assertEquals(1, readAll(folder.resolve("chain0.journal")).stream()
                .filter(JournalTransaction.class::isInstance).count(), "a thousand levels deep are read");
    }

    @Test
    void a_glob_s_file_that_includes_another_file_of_the_glob_is_not_a_loop() throws IOException {
        // hledger 1.25 prints a, b (from a's include), then b (the glob's second file); the base refused it as a loop,
        // because every file the glob matched counted as being read while it waited its turn
        write("g/a.journal", "2025-01-01 a\n    x  1\n    y\n\ninclude b.journal\n");
        write("g/b.journal", "2025-01-02 b\n    x  1\n    y\n");
        Path journal = write("main.journal", "include g/*.journal\n");
        List<String> read = readAll(journal).stream().filter(JournalTransaction.class::isInstance)
                .map(item -> ((JournalTransaction) item).description()).toList();
        assertEquals(List.of("a", "b", "b"), read);
    }

    @Test
    void a_real_loop_through_a_glob_is_still_refused() throws IOException {
        write("h/a.journal", "include ../main.journal\n");
        Path journal = write("main.journal", "include h/*.journal\n");
        JournalParseException refused = assertThrows(JournalParseException.class, () -> readAll(journal));
        assertMentions(refused.getMessage(), "a.journal:1", "loop");
    }

    @Test
    void an_include_through_a_linked_folder_and_dot_dot_reads_the_file_the_system_names_as_hledger_does() throws IOException {
        // session 24 (adversary): "include deep/../x.journal" where deep links to sub/inner names sub/x.journal (the
        // system, and hledger 1.25, go up from the link's target); it was cut to x.journal beside the journal, another file
        write("sub/x.journal", "2025-01-01 in sub\n    assets:cash  1 EUR\n    equity:open\n");
        Files.createDirectories(folder.resolve("sub/inner"));
        write("x.journal", "2025-01-01 beside the journal\n    assets:cash  2 EUR\n    equity:open\n");
        Files.createSymbolicLink(folder.resolve("deep"), Path.of("sub/inner"));
        Path journal = write("main.journal", "include deep/../x.journal\n");
        String read = readAll(journal).toString();
        assertMentions(read, "in sub");
        assertFalse(read.contains("beside the journal"), read);
    }

    @Test
    void a_journal_written_to_between_its_check_and_its_import_is_refused_and_nothing_is_imported() throws IOException {
        // base: the entry appended while the import read the journal went in, its balance assertion (1 EUR, false)
        // never checked, and the import was recorded under the SHA-256 of a third reading
        int entries = 10_000; // more than the import's reading may be ahead of the posting (16 batches of 256 items)
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= entries; i++) {
            text.append("2025-01-01 e").append(i).append("\n    assets:bank  1 EUR\n    equity:opening\n");
        }
        Path journal = write("growing.journal", text.toString());
        AtomicLong asked = new AtomicLong();
        ImportProgress appendAfterTheCheck = new ImportProgress() {
            @Override
            public boolean cancelled() {
                // asked once per item by the checking pass, then once per entry by the import: the first question
                // of the import comes after the check has read the whole journal
                if (asked.incrementAndGet() == entries + 1) {
                    try {
                        Files.writeString(journal, "2025-12-31 forged\n    assets:bank  1 EUR = 1 EUR\n"
                                + "    equity:opening\n", java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return false;
            }
        };
        Path ledger = folder.resolve("l.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            JournalImportException refused = assertThrows(JournalImportException.class, () -> new JournalImporter(
                    LedgerCommandService.create(store)).importJournal(journal, JournalImporter.Options.defaults(),
                    CommandContext.byUser("alice"), appendAfterTheCheck));
            assertMentions(refused.getMessage(), "growing.journal:", "changed while it was imported",
                    "Nothing was imported");
            assertEquals(0, store.lastPosition(), "nothing was written");
        }
    }

    @Test
    void a_byte_order_mark_in_the_middle_of_a_journal_is_named_not_quoted_invisibly() throws IOException {
        // two files joined: the second's byte-order mark starts line 5; the base quoted the line with it, unseen
        Path journal = write("joined.journal", "2025-01-01 a\n    x  1 EUR\n    y\n\n\uFEFF2025-01-02 b\n    x  1 EUR\n"
                + "    y\n");
        JournalParseException refused = assertThrows(JournalParseException.class, () -> readAll(journal));
        assertMentions(refused.getMessage(), "joined.journal:5", "\"\\uFEFF2025-01-02 b\"",
                "starts with the invisible character U+FEFF, a byte-order mark");
    }

    @Test
    void a_nul_in_an_account_name_is_refused_at_the_posting_s_line_and_written_out_not_echoed_raw() throws IOException {
        // session 21 (adversary2): the base refused at the transaction's line (1) and echoed the NUL into the terminal
        Path journal = write("nul.journal", "2025-01-01 nul test\n    ; a note\n    assets:ba\0nk   10 EUR\n    equity\n");
        Path ledger = folder.resolve("nul.ledger");
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            JournalImportException refused = assertThrows(JournalImportException.class, () -> new JournalImporter(
                    LedgerCommandService.create(store)).importJournal(journal, JournalImporter.Options.defaults(),
                    CommandContext.byUser("alice"), dev.eventscope.journal.ImportProgress.NONE));
            assertEquals(3, refused.line(), refused.getMessage());
            assertMentions(refused.getMessage(), "nul.journal:3", "\"assets:ba\\u0000nk\"", "control character U+0000",
                    "Nothing was imported");
            assertEquals(-1, refused.getMessage().indexOf('\0'), "no raw NUL in the sentence: " + refused.getMessage());
            assertEquals(0, store.lastPosition(), "nothing was written");
        }
    }
}
