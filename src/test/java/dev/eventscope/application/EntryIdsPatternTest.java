package dev.eventscope.application;

import dev.eventscope.domain.ledger.AccountCommand;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerCommand;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 16.10: new entry ids follow the ledger's own numbering. */
class EntryIdsPatternTest {

    @TempDir
    Path folder;

    @Test
    void a_ledger_numbered_je_year_number_gets_the_next_number_zero_padded() throws Exception {
        Path copy = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit.ledger"));
        try (SqliteEventStore store = SqliteEventStore.open(copy)) {
            String newest = EntryIds.newestEntryId(store).orElseThrow();
            assertEquals(true, newest.matches("JE-2025-\\d{4}"), newest);
            int number = Integer.parseInt(newest.substring("JE-2025-".length()));
            String next = EntryIds.next(store);
            assertEquals(true, next.compareTo(String.format("JE-2025-%04d", number)) > 0 && next.startsWith("JE-2025-"), next);
        }
    }

    @Test
    void a_ledger_without_numbered_entries_gets_e_and_six_digits() {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("new.ledger"))) {
            LedgerCommandService service = LedgerCommandService.create(store);
            service.execute(new LedgerCommand.CreateLedger("new", "EUR"), CommandContext.byUser("alice"));
            service.execute(new AccountCommand.OpenAccount(AccountName.of("assets:bank"), java.time.LocalDate.of(2025, 1, 1), null),
                    CommandContext.byUser("alice"));
            assertEquals("E000001", EntryIds.next(store));
        }
    }
}
