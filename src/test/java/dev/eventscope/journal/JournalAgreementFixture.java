package dev.eventscope.journal;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

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

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
