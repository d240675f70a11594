package dev.eventscope.bootstrap;

import dev.eventscope.application.Aggregate;
import dev.eventscope.application.EntryIds;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryState;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code post} and {@code reverse} against concurrent writers, batches with a bad entry, and hostile options (issue 17). */
class PostCommandAdversarialTest {

    private static final Pattern POSTED = Pattern.compile("Posted entry (E\\d+)");

    @TempDir
    Path folder;
    Path ledger;

    @BeforeEach
    void givenALedgerWithThreeEntries() throws Exception {
        Path journal = folder.resolve("shop.journal");
        Files.writeString(journal, RealCli.SHOP_JOURNAL);
        ledger = folder.resolve("shop.ledger");
        RealCli imported = RealCli.run("import", journal.toString(), "--ledger", ledger.toString());
        assertEquals(0, imported.exitCode(), imported.err());
    }

    private long entries() {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            return EntryIds.entryCount(store);
        }
    }

    private String balances() {
        return RealCli.run("balance", "-l", ledger.toString(), "--format", "csv").out();
    }

    private EntryState entry(String id) {
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            return LedgerCommandService.create(store).repository()
                    .load(Aggregate.ENTRY, StreamId.of(LedgerStreams.entry(EntryId.of(id)))).state();
        }
    }

    @Nested
    @DisplayName("writers posting at the same time with automatic ids")
    class Concurrent {

        @Test
        void every_post_succeeds_and_every_id_is_distinct() throws Exception {
            int writers = 8;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RealCli>> runs = new ArrayList<>();
            try {
                for (int i = 0; i < writers; i++) {
                    String description = "Coffee " + i;
                    runs.add(pool.submit(() -> {
                        start.await();
                        return RealCli.run("post", "-l", ledger.toString(), "--date", "2025-02-05", "--description", description,
                                "--posting", "expenses:rent  1 EUR", "--posting", "assets:bank");
                    }));
                }
                start.countDown();
                Set<String> ids = new HashSet<>();
                for (Future<RealCli> future : runs) {
                    RealCli posted = future.get(300, TimeUnit.SECONDS);
                    assertEquals(0, posted.exitCode(), posted.err());
                    Matcher id = POSTED.matcher(posted.out());
                    assertTrue(id.find(), posted.out());
                    ids.add(id.group(1));
                }
                assertEquals(writers, ids.size(), ids.toString());
                assertEquals(3 + writers, entries());
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void reversals_at_the_same_time_get_distinct_ids() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                Future<RealCli> first = pool.submit(() -> {
                    start.await();
                    return RealCli.run("reverse", "E000002", "-l", ledger.toString(), "--on", "2025-02-10");
                });
                Future<RealCli> second = pool.submit(() -> {
                    start.await();
                    return RealCli.run("reverse", "E000003", "-l", ledger.toString(), "--on", "2025-02-10");
                });
                start.countDown();
                RealCli one = first.get(300, TimeUnit.SECONDS);
                RealCli other = second.get(300, TimeUnit.SECONDS);
                assertEquals(0, one.exitCode(), one.err());
                assertEquals(0, other.exitCode(), other.err());
                assertEquals(5, entries());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("several entries on standard input")
    class Batch {

        @Test
        void a_refused_second_entry_leaves_the_first_unwritten() {
            String before = balances();
            RealCli refused = RealCli.runWithInput("""
                    2025-02-06 Snack
                        expenses:rent  1 EUR
                        assets:bank
                    2025-02-07 Typo
                        expenses:rent  5 EUR
                        assets:bank  -4 EUR
                    """, "post", "-l", ledger.toString(), "-");

            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "does not balance");
            assertFalse(refused.out().contains("Posted"), refused.out());
            assertEquals(3, entries());
            assertEquals(before, balances());
        }

        @Test
        void an_entry_to_an_unknown_account_after_good_ones_writes_nothing() {
            RealCli refused = RealCli.runWithInput("""
                    2025-02-06 Snack
                        expenses:rent  1 EUR
                        assets:bank
                    2025-02-07 Tea
                        expenses:rent  1 EUR
                        assets:bank
                    2025-02-08 Somewhere new
                        expenses:travel  5 EUR
                        assets:bank
                    """, "post", "-l", ledger.toString(), "-");

            assertEquals(4, refused.exitCode());
            assertEquals(3, entries());
        }

        @Test
        void all_good_entries_are_posted_with_consecutive_ids() {
            RealCli posted = RealCli.runWithInput("""
                    2025-02-06 Snack
                        expenses:rent  1 EUR
                        assets:bank
                    2025-02-07 Tea
                        expenses:rent  2 EUR
                        assets:bank
                    """, "post", "-l", ledger.toString(), "-");

            assertEquals(0, posted.exitCode(), posted.err());
            assertMentions(posted.out(), "Posted entry E000004 (2025-02-06 Snack)", "Posted entry E000005 (2025-02-07 Tea)");
            assertEquals(5, entries());
        }

        @Test
        void standard_input_and_entry_options_together_are_a_usage_error() {
            RealCli refused = RealCli.runWithInput("2025-02-06 A\n    expenses:rent  1 EUR\n    assets:bank\n",
                    "post", "-l", ledger.toString(), "--description", "Ignored?", "-");

            assertEquals(2, refused.exitCode());
            assertMentions(refused.err(), "not both");
            assertEquals(3, entries());
        }

        @Test
        void one_id_for_several_entries_is_a_usage_error() {
            RealCli refused = RealCli.runWithInput("2025-02-06 A\n    expenses:rent  1 EUR\n    assets:bank\n"
                    + "2025-02-07 B\n    expenses:rent  1 EUR\n    assets:bank\n", "post", "-l", ledger.toString(), "--id", "X1", "-");

            assertEquals(2, refused.exitCode());
            assertMentions(refused.err(), "--id", "2 entries");
            assertEquals(3, entries());
        }
    }

    @Nested
    @DisplayName("what standard input may hold (session 22)")
    class StandardInput {

        /** More than 16 MiB of comment lines, then a good entry: the entry must not be reached. */
        @Test
        void more_than_sixteen_mebibytes_are_refused_naming_the_limit_before_anything_is_read_as_entries() {
            String before = balances();
            byte[] comment = "; a comment line that pads the input\n".getBytes(StandardCharsets.US_ASCII);
            byte[] entry = "2025-02-06 Snack\n    expenses:rent  1 EUR\n    assets:bank\n".getBytes(StandardCharsets.US_ASCII);
            int copies = (16 << 20) / comment.length + 1;
            byte[] input = new byte[copies * comment.length + entry.length];
            for (int copy = 0; copy < copies; copy++) {
                System.arraycopy(comment, 0, input, copy * comment.length, comment.length);
            }
            System.arraycopy(entry, 0, input, copies * comment.length, entry.length);

            RealCli refused = RealCli.runWithInput(new ByteArrayInputStream(input), "post", "-l", ledger.toString(), "-");

            assertEquals(2, refused.exitCode(), refused.out() + refused.err());
            assertMentions(refused.err(), "Standard input holds more than 16 MiB", "eventscope import", "Nothing was posted");
            assertFalse(refused.out().contains("Posted"), refused.out());
            assertEquals(3, entries());
            assertEquals(before, balances());
        }

        /** An input that never ends (as {@code post - < /dev/zero}) is refused after 16 MiB, not read until the heap is full. */
        @Test
        void an_endless_input_is_refused_after_the_limit() {
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    return ';';
                }

                @Override
                public int read(byte[] into, int offset, int length) {
                    Arrays.fill(into, offset, offset + length, (byte) ';');
                    return length;
                }
            };
            RealCli refused = RealCli.runWithInput(endless, "post", "-l", ledger.toString(), "-");

            assertEquals(2, refused.exitCode(), refused.err());
            assertMentions(refused.err(), "more than 16 MiB");
            assertEquals(3, entries());
        }

        /** A Latin-1 snippet: an import refuses such a journal; {@code post -} posted "Caf\uFFFD" (session 22). */
        @Test
        void bytes_that_are_not_utf8_are_refused_with_their_line_not_turned_into_replacement_characters() {
            byte[] latin1 = "2025-02-06 Caf\u00e9\n    expenses:rent  1 EUR\n    assets:bank\n".getBytes(StandardCharsets.ISO_8859_1);

            RealCli refused = RealCli.runWithInput(new ByteArrayInputStream(latin1), "post", "-l", ledger.toString(), "-");

            assertEquals(4, refused.exitCode(), refused.out() + refused.err());
            assertMentions(refused.err(), "<standard input>:1", "not UTF-8", "0xE9");
            assertFalse(refused.out().contains("Posted"), refused.out());
            assertEquals(3, entries());
        }

        @Test
        void utf8_text_is_posted_exactly() {
            RealCli posted = RealCli.runWithInput(new ByteArrayInputStream(
                    "2025-02-06 Caf\u00e9 \u00fcber \u20ac\n    expenses:rent  1 EUR\n    assets:bank\n".getBytes(StandardCharsets.UTF_8)),
                    "post", "-l", ledger.toString(), "-");

            assertEquals(0, posted.exitCode(), posted.err());
            assertEquals("Caf\u00e9 \u00fcber \u20ac", entry("E000004").entry().description());
        }
    }

    @Nested
    @DisplayName("hostile options")
    class Hostile {

        private RealCli post(String description, String... postings) {
            List<String> args = new ArrayList<>(List.of("post", "-l", ledger.toString(), "--date", "2025-02-05",
                    "--description", description));
            for (String posting : postings) {
                args.add("--posting");
                args.add(posting);
            }
            return RealCli.run(args.toArray(String[]::new));
        }

        @Test
        void a_description_with_a_line_break_cannot_add_postings() {
            String before = balances();
            RealCli refused = post("Coffee\n    expenses:rent  1000 EUR\n    assets:bank  -1000 EUR",
                    "expenses:rent  1 EUR", "assets:bank");

            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "description", "line break");
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertEquals(before, balances());
        }

        @Test
        void a_description_with_a_line_break_cannot_add_a_whole_entry() {
            RealCli refused = post("Coffee\n    expenses:rent  1 EUR\n    assets:bank\n2025-02-06 Injected\n    expenses:rent  999 EUR\n",
                    "expenses:rent  1 EUR", "assets:bank");

            assertEquals(4, refused.exitCode());
            assertEquals(3, entries());
        }

        @Test
        void a_semicolon_in_a_description_is_refused_rather_than_turned_into_tags() {
            RealCli refused = post("Rent; invoice:4711 approved:yes", "expenses:rent  1 EUR", "assets:bank");

            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "';'", "comment");
            assertEquals(3, entries());
        }

        @Test
        void an_unusual_but_valid_description_is_stored_exactly_as_typed() {
            String description = "Café \"Zum Löwen\" | #12 (50% off) — 2025-02-06  x";
            RealCli posted = post(description, "expenses:rent  1 EUR", "assets:bank");

            assertEquals(0, posted.exitCode(), posted.err());
            assertEquals(description, entry("E000004").entry().description());
            assertTrue(entry("E000004").entry().tags().isEmpty());
        }

        @Test
        void a_posting_with_a_line_break_cannot_add_an_entry() {
            String before = balances();
            RealCli refused = post("Coffee", "expenses:rent  1 EUR\n2025-02-06 Injected\n    expenses:rent  999 EUR",
                    "assets:bank");

            assertEquals(2, refused.exitCode());
            assertMentions(refused.err(), "--posting", "line break");
            assertEquals(before, balances());
        }

        @Test
        void an_account_name_with_a_carriage_return_is_refused() {
            RealCli refused = post("Coffee", "expenses:rent\r  1 EUR", "assets:bank");

            assertEquals(2, refused.exitCode());
            assertEquals(3, entries());
        }

        @Test
        void an_unbalanced_virtual_posting_is_refused() {
            RealCli refused = post("Coffee", "(expenses:rent)  1 EUR", "expenses:rent  1 EUR", "assets:bank");

            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "virtual");
            assertEquals(3, entries());
        }

        @Test
        void a_posting_that_is_not_a_posting_is_named() {
            RealCli refused = post("Coffee", "expenses:rent  1 EUR", "assets:bank  lots of money");

            assertTrue(refused.exitCode() == 2 || refused.exitCode() == 4, refused.err());
            assertMentions(refused.err(), "assets:bank  lots of money");
            assertEquals(3, entries());
        }

        @Test
        @DisplayName("session 15: a --posting refusal names the options, not the parser's transaction on 2000-01-01 and its lines")
        void a_posting_refusal_names_the_options_and_what_is_wrong_with_them() {
            RealCli unbalanced = post("Coffee", "expenses:rent  1 EUR", "assets:bank  2 EUR");
            RealCli twoWithoutAmount = post("Coffee", "expenses:rent", "assets:bank");
            RealCli notAnAmount = post("Coffee", "expenses:rent  1 EUR", "assets:bank  abc");

            for (RealCli refused : List.of(unbalanced, twoWithoutAmount, notAnAmount)) {
                assertEquals(4, refused.exitCode(), refused.err());
                assertEquals(1, refused.err().lines().count(), refused.err());
                assertFalse(refused.err().contains("2000-01-01"), refused.err());
                assertFalse(refused.err().contains("transaction"), refused.err());
                assertFalse(refused.err().matches("(?s).*\\bline \\d.*"), refused.err());
            }
            assertMentions(unbalanced.err(), "--posting", "do not balance", "3 EUR");
            assertMentions(twoWithoutAmount.err(), "--posting 'expenses:rent'", "--posting 'assets:bank'", "amount");
            assertMentions(notAnAmount.err(), "--posting 'assets:bank  abc'", "not an amount");
            assertEquals(3, entries());
        }

        @Test
        @DisplayName("session 16: an argument starting with @ is kept as written, never replaced by the file it names")
        void an_argument_naming_a_file_after_an_at_sign_is_not_read_from_that_file() throws Exception {
            Path secret = folder.resolve("secret.txt");
            Files.writeString(secret, "the content of another file\n");

            RealCli posted = post("@" + secret, "expenses:rent  1 EUR", "assets:bank");

            assertEquals(0, posted.exitCode(), posted.err());
            assertEquals(4, entries());
            Matcher id = POSTED.matcher(posted.out());
            assertTrue(id.find(), posted.out());
            assertEquals("@" + secret, entry(id.group(1)).entry().description());
        }

        @Test
        void a_reversal_description_with_a_line_break_is_refused() {
            RealCli refused = RealCli.run("reverse", "E000003", "-l", ledger.toString(), "--on", "2025-02-10",
                    "--description", "Undo\n    assets:bank  5 EUR");

            assertEquals(4, refused.exitCode());
            assertMentions(refused.err(), "line break");
            assertEquals(3, entries());
        }
    }
}
