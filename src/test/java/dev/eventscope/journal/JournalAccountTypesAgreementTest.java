package dev.eventscope.journal;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.journal.testkit.Hledger;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static dev.eventscope.journal.HledgerAgreement.importAndCompare;
import static dev.eventscope.testing.Texts.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Account names of any shape (issue 12): names whose top level is no English account type import, their balances
 * equal {@code hledger bal} at the end and at two cut-off dates, and each account gets the type
 * {@code hledger accounts --types} gives it (declared with {@code type:} tags, inherited by subaccounts, else
 * inferred from the name; unclassified when hledger gives none).
 */
class JournalAccountTypesAgreementTest extends JournalAgreementFixture {

    @Test
    void any_account_name_imports_with_the_type_hledger_gives_it() throws Exception {
        Path journal = write("names.journal", """
                account Aktiva  ; type: A
                account Passiva  ; type: Liability
                account Aktiva:Kasse:Bar  ; type: E
                account assets:weird  ; type: l
                account Erträge
                    ; type: R

                2025-01-01 opening
                    Aktiva:Bank  100 EUR
                    Aktiva:Kasse:Bar:Münzen  5 EUR
                    Passiva:Kredit  -50 EUR
                    Eigenkapital  -55 EUR
                2025-01-10 single letters, as in hledger's benchmark journals
                    a:b  1
                    c  -1
                2025-01-15 transfers and virtual as top levels
                    transfers:savings  20 EUR
                    virtual:x  -20 EUR
                2025-01-20 a type after an English word
                    me:assets  3 EUR
                    assets:weird:sub  -3 EUR
                2025-01-25 English names
                    assets:bank:checking  7 EUR
                    assets:investment  1 EUR
                    debts:card  -2 EUR
                    equity:conversion  -1 EUR
                    Erträge:Zinsen  -5 EUR
                """);
        importAndCompare(journal, ledger(), date("2025-01-10"), date("2025-01-20"));
        Map<String, String> theirs = Hledger.accountTypes(journal);
        Map<String, String> ours = ourTypes(ledger());
        assertEquals(theirs, ours);
        assertEquals("", ours.get("a:b"));
        assertEquals("A", ours.get("Aktiva:Bank"));
        assertEquals("E", ours.get("Aktiva:Kasse:Bar:Münzen"));
        assertEquals("C", ours.get("assets:bank:checking"));
    }

    @Test
    void a_type_tag_naming_no_type_is_refused_naming_the_line_as_hledger_refuses_it() throws Exception {
        Path journal = write("badtype.journal", """
                account Aktiva  ; type: Assets

                2025-01-01 opening
                    Aktiva:Bank  100 EUR
                    Eigenkapital
                """);
        assertTrue(!Hledger.isAvailable() || !Hledger.check(journal).succeeded(), "hledger refuses it too");
        JournalImportException refused = assertThrows(JournalImportException.class,
                () -> importAndCompare(journal, ledger()));
        assertMentions(refused.getMessage(), "badtype.journal:1", "\"Assets\"", "not one of A, L, E");
    }

    private static Map<String, String> ourTypes(Path ledger) {
        Map<String, String> types = new TreeMap<>();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger); EventCursor cursor = store.readAll(0)) {
            var codec = BookkeepingCodec.create();
            while (cursor.hasNext()) {
                RecordedEvent recorded = cursor.next();
                if (codec.decode(recorded).value().orElse(null) instanceof AccountOpened opened) {
                    types.put(opened.name().value(), opened.type().code());
                }
            }
        }
        return types;
    }
}
