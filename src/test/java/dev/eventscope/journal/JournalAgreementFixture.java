package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the agreement tests of issue 12 share: a temporary folder, journals written into it, and the ledger each
 * test imports into (see {@link HledgerAgreement}).
 */
abstract class JournalAgreementFixture {

    @TempDir
    Path folder;

    Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    Path ledger() {
        return folder.resolve("books.ledger");
    }

    /** The ledger written back as a journal by {@code eventscope export}'s exporter. */
    Path export() throws Exception {
        Path exported = folder.resolve("exported.journal");
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger());
             Writer out = Files.newBufferedWriter(exported, StandardCharsets.UTF_8)) {
            new JournalExporter(store, BookkeepingCodec.create()).export(out);
        }
        return exported;
    }

    /** Writes {@code text} as {@code name}, checks the import refuses it with a message mentioning {@code mentions}. */
    Path assertRefused(String name, String text, String... mentions) throws Exception {
        Path journal = write(name, text);
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger()));
        assertMentions(refused.getMessage(), mentions);
        return journal;
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
