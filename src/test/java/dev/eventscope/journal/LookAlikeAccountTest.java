package dev.eventscope.journal;

import dev.eventscope.application.CommandContext;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountLookAlikes;
import dev.eventscope.domain.ledger.AccountLooksLikeAnother;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 17: an account whose name looks exactly like another account's (the same confusable skeleton, Unicode TR39)
 * while being written differently is refused when it is opened, by a command or an import, naming both; names in any
 * script that look like no other account open, and names already recorded stay readable.
 */
class LookAlikeAccountTest {

    private static final CommandContext ALICE = CommandContext.byUser("alice");
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    /** "cash" and "ASSETS" written wholly in Cyrillic letters: one script, so no word mixes two. */
    private static final String CYRILLIC_CASH = "\u0441\u0430\u0455\u04BB";
    private static final String CYRILLIC_ASSETS = "\u0410\u0405\u0405\u0415\u0422\u0405";

    @TempDir
    Path folder;

    private static void open(LedgerCommandService service, String account) {
        service.execute(new OpenAccount(AccountName.of(account), JAN_1, null), ALICE);
    }

    @Test
    void an_account_written_wholly_in_another_script_that_looks_like_an_existing_one_is_refused_naming_both() {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("l.ledger"))) {
            LedgerCommandService service = LedgerCommandService.create(store);
            service.execute(new CreateLedger("Books", "EUR"), ALICE);
            open(service, "assets:cash");
            open(service, "ASSETS:bank");
            open(service, "income:sales");
            long head = store.lastPosition();
            AccountLooksLikeAnother whole = assertThrows(AccountLooksLikeAnother.class,
                    () -> open(service, "assets:" + CYRILLIC_CASH));
            assertTrue(whole.getMessage().contains("\"assets:" + CYRILLIC_CASH + "\" cannot be opened: it looks exactly"
                    + " like the account \"assets:cash\" already in the ledger but is written with other characters"
                    + " ('\u0441' U+0441, '\u0430' U+0430, '\u0455' U+0455, '\u04BB' U+04BB)"), whole.getMessage());
            // a part of the name: a new account under a look-alike of "ASSETS"
            AccountLooksLikeAnother part = assertThrows(AccountLooksLikeAnother.class,
                    () -> open(service, CYRILLIC_ASSETS + ":savings"));
            assertTrue(part.getMessage().contains("its part \"" + CYRILLIC_ASSETS + "\" looks exactly like \"ASSETS\" of"
                    + " the account \"ASSETS:bank\""), part.getMessage());
            // Latin alone: a digit one for an "l"
            AccountLooksLikeAnother digit = assertThrows(AccountLooksLikeAnother.class, () -> open(service, "income:sa1es"));
            assertTrue(digit.getMessage().contains("\"income:sales\""), digit.getMessage());
            assertEquals(head, store.lastPosition(), "nothing was written");
        }
    }

    @Test
    void names_in_any_script_that_look_like_no_other_account_open_and_a_latin_look_alike_of_a_cyrillic_one_is_refused() {
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("l.ledger"))) {
            LedgerCommandService service = LedgerCommandService.create(store);
            service.execute(new CreateLedger("Books", "EUR"), ALICE);
            open(service, "assets:bank");
            for (String name : List.of("\u0420\u0430\u0441\u0445\u043E\u0434\u044B:\u0415\u0434\u0430",
                    "\u652F\u51FA:\u98DF\u54C1", "assets:\u0431\u0430\u043D\u043A", "expenses:\u041A\u0430\u0440\u0442\u0430 VISA",
                    "\u0412\u0435\u0441", "Assets:Bank", "assets:bank:checking", "expenses:\u03C6\u03B1\u03B3\u03B7\u03C4\u03CC")) {
                open(service, name);
            }
            // the other direction: Latin letters that look like the Cyrillic "\u0412\u0435\u0441" opened above
            AccountLooksLikeAnother latin = assertThrows(AccountLooksLikeAnother.class, () -> open(service, "Bec"));
            assertTrue(latin.getMessage().contains("the account \"\u0412\u0435\u0441\""), latin.getMessage());
        }
    }

    @Test
    void a_journal_with_both_names_is_refused_naming_both_lines_and_nothing_is_imported() throws Exception {
        Path journal = folder.resolve("lookalike.journal");
        Files.writeString(journal, """
                2025-01-02 Opening
                    assets:cash       100 EUR
                    equity:opening

                2025-01-03 Transfer
                    assets:%s       50 EUR
                    assets:cash
                """.formatted(CYRILLIC_CASH));
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("l.ledger"))) {
            JournalImportException refused = assertThrows(JournalImportException.class, () -> new JournalImporter(
                    LedgerCommandService.create(store)).importJournal(journal, JournalImporter.Options.defaults(), ALICE,
                    ImportProgress.NONE));
            assertEquals(5, refused.line(), refused.getMessage());
            assertTrue(refused.getMessage().contains("looks exactly like the account \"assets:cash\"")
                    && refused.getMessage().contains("The journal uses \"assets:cash\" first at line 1.")
                    && refused.getMessage().endsWith("Nothing was imported; the ledger is unchanged."), refused.getMessage());
            assertEquals(0, store.lastPosition(), "nothing was imported");
        }
    }

    @Test
    void a_journal_may_name_an_account_that_looks_like_one_recorded_before_only_as_written() throws Exception {
        Path first = folder.resolve("first.journal");
        Files.writeString(first, """
                2025-01-02 Opening
                    assets:cash       100 EUR
                    equity:opening
                """);
        Path second = folder.resolve("second.journal");
        Files.writeString(second, """
                2025-02-01 Interest
                    assets:cash       1 EUR
                    income:interest

                2025-02-02 Look-alike
                    assets:%s       1 EUR
                    income:interest
                """.formatted(CYRILLIC_CASH));
        try (SqliteEventStore store = SqliteEventStore.open(folder.resolve("l.ledger"))) {
            JournalImporter importer = new JournalImporter(LedgerCommandService.create(store));
            importer.importJournal(first, JournalImporter.Options.defaults(), ALICE, ImportProgress.NONE);
            long head = store.lastPosition();
            JournalImportException refused = assertThrows(JournalImportException.class, () -> importer.importJournal(
                    second, JournalImporter.Options.defaults(), ALICE, ImportProgress.NONE));
            assertEquals(5, refused.line(), refused.getMessage());
            assertTrue(refused.getMessage().contains("the account \"assets:cash\" already in the ledger")
                    && refused.getMessage().contains("first at line 1."), refused.getMessage());
            assertEquals(head, store.lastPosition(), "nothing of the second journal was imported");
        }
    }

    @Test
    void look_alikes_recorded_before_the_check_stay_usable_as_written() {
        AccountLookAlikes recorded = new AccountLookAlikes();
        recorded.add("assets:cash");
        recorded.add("assets:" + CYRILLIC_CASH);
        recorded.requireNoLookAlike(AccountName.of("assets:" + CYRILLIC_CASH + ":till"));
        recorded.requireNoLookAlike(AccountName.of("assets:cash:till"));
        assertThrows(AccountLooksLikeAnother.class, () -> recorded.requireNoLookAlike(AccountName.of("assets:ca\u0455h")));
    }
}
