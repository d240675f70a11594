package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.testing.TemporaryFolders;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input never gets past the import as anything but its named error: real journals (this repository's own) with
 * random damage — lines cut short, stray tabs, impossible dates, huge numbers, byte-order marks and CR/CRLF mixed in,
 * bytes that are not UTF-8, special characters, includes of missing files and of the journal itself — are either
 * read (and imported) or refused with one {@link JournalParseException} / {@link JournalImportException} naming the
 * file and a line; an import refused into a ledger that holds entries leaves the ledger file byte for byte as it
 * was. Deep include chains, include cycles and a 10 MB line are examples of their own. Sized to run in well under
 * 30 s in CI: the reader takes most tries, the ledger import fewer.
 */
class JournalFuzzProperties {

    private static final String NAME = "fuzz.journal";
    private static final List<byte[]> SEEDS = seeds();
    private static final TemporaryFolders FOLDERS = new TemporaryFolders();
    private static Path work;
    private static Path baseLedger;
    private static byte[] baseLedgerBytes;

    /** One kind of damage, at a place given as a fraction of the text's length (so it lands anywhere). */
    enum Damage { CUT_LINE, STRAY_TAB, BAD_DATE, HUGE_NUMBER, BOM, CRLF, LONE_CR, NOT_UTF8, SPECIAL, DELETE, DUPLICATE,
        INCLUDE_MISSING, INCLUDE_ITSELF }

    record Mutation(Damage damage, double where, int pick) {
    }

    record Mutated(int seed, List<Mutation> mutations) {
    }

    @BeforeContainer
    static void createLedgerWithEntries() throws IOException {
        work = FOLDERS.create("journal-fuzz");
        Path journal = work.resolve("base.journal");
        Files.write(journal, SEEDS.get(0));
        baseLedger = work.resolve("base.ledger");
        importInto(baseLedger, journal);
        baseLedgerBytes = Files.readAllBytes(baseLedger);
    }

    @AfterContainer
    static void removeWork() {
        FOLDERS.deleteAll();
    }

    @Property(tries = 300)
    void a_damaged_journal_is_read_or_refused_naming_its_file_and_line(@ForAll("damaged") Mutated damaged)
            throws IOException {
        Path folder = Files.createTempDirectory(work, "read");
        Path journal = folder.resolve(NAME);
        Files.write(journal, apply(damaged));
        try (JournalReader reader = JournalReader.open(journal, JournalReadListener.NONE)) {
            reader.forEachRemaining(item -> { });
        } catch (JournalParseException refused) {
            // every damage is in the journal itself (an include of a missing file, or of itself, is refused there)
            assertEquals(NAME, refused.file(), refused.getMessage());
            assertTrue(refused.line() >= 1 && !refused.problem().isBlank(), refused.getMessage());
        }
    }

    @Property(tries = 40)
    void a_damaged_journal_refused_by_the_import_leaves_a_ledger_with_entries_byte_for_byte_unchanged(
            @ForAll("damaged") Mutated damaged) throws IOException {
        Path folder = Files.createTempDirectory(work, "import");
        Path journal = folder.resolve(NAME);
        Files.write(journal, apply(damaged));
        Path ledger = folder.resolve("books.ledger");
        Files.copy(baseLedger, ledger);
        try {
            importInto(ledger, journal);
        } catch (JournalImportException refused) {
            assertTrue(refused.getMessage().matches("(?s)[^:\\n]+:\\d+: .+ Nothing was imported; the ledger is unchanged\\."),
                    refused.getMessage());
            assertArrayEquals(baseLedgerBytes, Files.readAllBytes(ledger), "the ledger changed: " + refused.getMessage());
            assertTrue(Files.notExists(Path.of(ledger + "-wal")) || Files.size(Path.of(ledger + "-wal")) == 0,
                    "a write-ahead log was left behind");
        }
    }

    @Example
    void a_deep_include_chain_is_read_and_a_cycle_is_refused_naming_the_include_line() throws IOException {
        Path folder = Files.createTempDirectory(work, "includes");
        int depth = 300;
        for (int level = 0; level < depth; level++) {
            String next = level + 1 < depth ? "include part" + (level + 1) + ".journal\n" : "";
            Files.writeString(folder.resolve("part" + level + ".journal"),
                    "2024-01-" + String.format("%02d", 1 + level % 28) + " level " + level + "\n    a  1 EUR\n    b\n" + next);
        }
        try (JournalReader reader = JournalReader.open(folder.resolve("part0.journal"), JournalReadListener.NONE)) {
            assertEquals(depth, reader.transactions().count());
        }
        Files.writeString(folder.resolve("a.journal"), "2024-01-01\n    a  1 EUR\n    b\ninclude b.journal\n");
        Files.writeString(folder.resolve("b.journal"), "; b\ninclude a.journal\n");
        JournalParseException cycle = assertThrows(JournalParseException.class,
                () -> JournalReader.open(folder.resolve("a.journal"), JournalReadListener.NONE).close());
        assertEquals("b.journal", cycle.file());
        assertEquals(2, cycle.line());
    }

    @Example
    void a_ten_megabyte_description_is_read_and_a_ten_megabyte_number_is_refused_with_its_line() throws IOException {
        Path folder = Files.createTempDirectory(work, "long");
        String huge = "x".repeat(10 * 1024 * 1024);
        Path described = folder.resolve("described.journal");
        Files.writeString(described, "2024-01-01 " + huge + "\n    a  1 EUR\n    b\n");
        try (JournalReader reader = JournalReader.open(described, JournalReadListener.NONE)) {
            assertEquals(1, reader.transactions().count());
        }
        Path number = folder.resolve("number.journal");
        Files.writeString(number, "; a comment\n2024-01-01 digits\n    a  " + "9".repeat(10 * 1024 * 1024) + " EUR\n    b\n");
        // ten million digits took minutes to read (BigDecimal's parsing is quadratic): now refused at once, briefly
        JournalParseException refused = assertThrows(JournalParseException.class,
                () -> JournalReader.open(number, JournalReadListener.NONE).close());
        assertEquals(3, refused.line(), refused.getMessage());
        assertTrue(refused.getMessage().contains("10485760 digits") && refused.getMessage().length() < 300,
                refused.getMessage());
    }

    @Provide
    Arbitrary<Mutated> damaged() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Damage.class),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 1000)).as(Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1),
                mutation.list().ofMinSize(1).ofMaxSize(4)).as(Mutated::new);
    }

    private static byte[] apply(Mutated damaged) {
        byte[] text = SEEDS.get(damaged.seed());
        for (Mutation mutation : damaged.mutations()) {
            text = apply(text, mutation);
        }
        return text;
    }

    private static byte[] apply(byte[] text, Mutation mutation) {
        int at = (int) Math.min(text.length, Math.floor(mutation.where() * text.length));
        int lineStart = lastIndexOf(text, (byte) '\n', at) + 1;
        int lineEnd = indexOf(text, (byte) '\n', at);
        int pick = mutation.pick();
        return switch (mutation.damage()) {
            case CUT_LINE -> splice(text, at, lineEnd, new byte[0]);
            case STRAY_TAB -> splice(text, at, at, new byte[] {'\t'});
            case BAD_DATE -> splice(text, lineStart, lineStart, utf8(List.of("2025-13-45 ", "2025-02-30 ", "99999-01-01 ",
                    "0000-00-00 ", "2025/1/ ", "1/1/14 ", "2025-01-01=2025-02-31 ").get(pick % 7)));
            case HUGE_NUMBER -> splice(text, at, at, utf8(List.of("1" + "0".repeat(400), "1e999999999", "-0.",
                    "9".repeat(2000) + "." + "9".repeat(2000), "1,,,000", "1e-999999999", "$-1e3").get(pick % 7)));
            case BOM -> splice(text, lineStart, lineStart, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            case CRLF -> splice(text, lineEnd, lineEnd, new byte[] {'\r'});
            case LONE_CR -> splice(text, at, at, new byte[] {'\r'});
            case NOT_UTF8 -> splice(text, at, at, List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE9}).get(pick % 4));
            case SPECIAL -> splice(text, at, at, utf8(List.of("=", "==*", "@", "@@", "(", ")", "{", "}", "[", "]", ";", "*",
                    "!", "~", "\"", ",", ".", "-", "\u00a0", "\u0000", "\u200b", "  ", "=  ", "{=").get(pick % 24)));
            case DELETE -> splice(text, at, Math.min(text.length, at + 1 + pick % 40), new byte[0]);
            case DUPLICATE -> splice(text, lineStart, lineStart, Arrays.copyOfRange(text, lineStart, Math.min(text.length,
                    lineEnd + 1)));
            case INCLUDE_MISSING -> splice(text, lineStart, lineStart, utf8("include missing-" + pick + ".journal\n"));
            case INCLUDE_ITSELF -> splice(text, lineStart, lineStart, utf8("include " + NAME + "\n"));
        };
    }

    private static byte[] splice(byte[] text, int from, int to, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + inserted.length);
        out.write(text, 0, from);
        out.writeBytes(inserted);
        out.write(text, to, text.length - to);
        return out.toByteArray();
    }

    private static int lastIndexOf(byte[] text, byte wanted, int before) {
        for (int index = Math.min(before, text.length) - 1; index >= 0; index--) {
            if (text[index] == wanted) {
                return index;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] text, byte wanted, int from) {
        for (int index = from; index < text.length; index++) {
            if (text[index] == wanted) {
                return index;
            }
        }
        return text.length;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void importInto(Path ledger, Path journal) {
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            new JournalImporter(LedgerCommandService.create(store)).importJournal(journal,
                    new JournalImporter.Options(null, null, "E", true, false), CommandContext.byUser("fuzz"),
                    ImportProgress.NONE);
        }
    }

    /** This repository's own journals that stand alone (no includes): the texts the damage is done to. */
    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("virtual-budget", "display-precision", "lots-assertions-aliases",
                "unclassified-accounts")) {
            try {
                seeds.add(Files.readAllBytes(Path.of("src/test/resources/journals", name + ".journal")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(seeds);
    }
}
