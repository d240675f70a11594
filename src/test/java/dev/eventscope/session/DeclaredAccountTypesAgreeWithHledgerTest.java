package dev.eventscope.session;

import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.DeclaredAccountTypes;
import dev.eventscope.journal.testkit.Hledger;
import dev.eventscope.journal.testkit.HledgerStatement;
import dev.eventscope.projection.ProgressListener;
import dev.eventscope.statement.ColumnValuation;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementBuilder;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.timetravel.Point;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.eventscope.session.HledgerStatementLines.hledgerFlags;
import static dev.eventscope.session.HledgerStatementLines.lines;
import static dev.eventscope.session.HledgerStatementLines.scales;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Journals that declare account types ({@code account NAME  ; type: T}): our balance sheet and income statement put
 * the same accounts in the same sections as hledger 1.25's {@code bse}, {@code bs} and {@code is} (session 17,
 * statements.md "Declared account types"). hledger 1.25 chooses a section by a query over the declarations, not by
 * each account's own type; every journal marked {@code differs} here also checks that sections chosen by each account's
 * own type (what Eventscope did before it recorded the declarations) would not have agreed, so it fails on that code.
 */
class DeclaredAccountTypesAgreeWithHledgerTest {

    /** The journals, each a case hledger 1.25 decides by its declarations; "differs" where each account's own type disagrees. */
    private static final Map<String, String> JOURNALS = Map.of(
            // one declared asset takes every name-typed asset off the balance sheet
            "other-declared-asset", """
                    account other  ; type:A

                    2025-01-01 opening
                        assets:savings   10 EUR
                        other             5 EUR
                        assets:checking   1 EUR
                        equity          -16 EUR
                    2025-04-02 interest
                        assets:savings    1 EUR
                        income:interest  -1 EUR
                    """,
            // a declared name matches its sub-accounts case-sensitively; a name-typed liability declared X is in both sections
            "case-and-both-sections", """
                    account Assets  ; type:A
                    account liabilities:loan  ; type:X

                    2025-01-01 x
                        assets:x          10 EUR
                        ASSETS:y           1 EUR
                        Assets:z           2 EUR
                        liabilities:loan   3 EUR
                        liabilities:card   4 EUR
                        equity           -20 EUR
                    """,
            // a liability under assets; a declared conversion account is in no section; an expense declared an asset
            "liability-under-assets", """
                    account assets:loan  ; type:L
                    account trading  ; type:V
                    account expenses:foo  ; type:A

                    2025-01-01 x
                        assets:loan        -10 EUR
                        assets:cash          4 EUR
                        trading              3 EUR
                        equity:conversion    1 EUR
                        expenses:foo         1 EUR
                        expenses:bar         1 EUR
                    """,
            // hledger's own account-types test shape: a differently typed account between two declared as L
            "nested-declarations", """
                    account a  ; type:L
                    account a:aa  ; type:X
                    account a:aa:aaa  ; type:L
                    account a:AA:bbb  ; type:R

                    2025-01-01 x
                        a         -10 EUR
                        a:aa        4 EUR
                        a:aa:aaa    3 EUR
                        a:aa:bbb    1 EUR
                        a:AA:bbb    1 EUR
                        a:aa:ccc    1 EUR
                    """,
            // German top-level names with the long forms, an account directive without a type, English names left out
            "german-long-forms", """
                    account assets:checking
                    account Aktiva  ; type: Asset
                    account Passiva  ; type: liability
                    account Aufwand  ; type: Expense
                    account Ertrag:Zins  ; type: Revenue
                    account Eigenkapital  ; type: equity

                    2025-01-01 x
                        assets:checking       -10 EUR
                        Aktiva:Bank             4 EUR
                        Passiva:Kredit         -3 EUR
                        Aufwand:Miete           5 EUR
                        Ertrag:Zins:Sparbuch   -1 EUR
                        Ertrag:Sonst           -2 EUR
                        Eigenkapital            3 EUR
                        revenues:x             -1 EUR
                        liabilities:y           1 EUR
                        equity:z                4 EUR
                    """,
            // one account declared twice with two types is in both sections; a TYPE: tag is not a type
            "declared-twice", """
                    account other  ; type:A
                    account x  ; type:A
                    account x  ; type:L
                    account parent  ; TYPE:a

                    2025-01-01 x
                        assets:a    10 EUR
                        x            1 EUR
                        parent:y     1 EUR
                        equity     -12 EUR
                    """,
            // the common modern journal: a cash account declared, parents declared; these agreed before and must still
            "cash-declared-only", """
                    account Assets:Checking  ; type: C

                    2025-01-01 x
                        assets:savings    10 EUR
                        Assets:Checking    1 EUR
                        Assets:Other       2 EUR
                        equity           -13 EUR
                    """,
            // only the top declared: an export that typed each account by itself would declare assets:checking alone
            "top-declared-only", """
                    account assets  ; type: A

                    2025-01-01 x
                        assets:checking     10 EUR
                        assets:receivable    5 EUR
                        equity             -15 EUR
                    """,
            "parents-declared", """
                    account assets  ; type: A
                    account assets:bank  ; type: C
                    account liabilities  ; type: L
                    account equity  ; type: E
                    account income  ; type: R
                    account expenses  ; type: X

                    2025-01-01 opening
                        assets:bank            100 EUR
                        assets:receivable       20 EUR
                        liabilities:card       -30 EUR
                        equity:opening         -90 EUR
                    2025-05-10 rent
                        expenses:rent           40 EUR
                        income:salary          -60 EUR
                        assets:bank             20 EUR
                    """);

    @TempDir
    Path folder;

    @BeforeEach
    void hledgerIsInstalled() {
        Assumptions.assumeTrue(Hledger.isAvailable(), "hledger is not installed (.ci/run installs it)");
    }

    @ParameterizedTest(name = "{0} {1} -p \"{2}\" {3} --depth {4}")
    @CsvSource(delimiter = '|', value = {
            "other-declared-asset   | balance-sheet |      | NONE      | 0 | differs",
            "other-declared-asset   | income        | 2025 | QUARTERLY | 1 | agrees",
            "other-declared-asset   | balance-sheet | 2025 | QUARTERLY | 1 | differs",
            "case-and-both-sections | balance-sheet |      | NONE      | 0 | differs",
            "case-and-both-sections | income        |      | NONE      | 0 | agrees",
            "liability-under-assets | balance-sheet |      | NONE      | 0 | differs",
            "liability-under-assets | income        |      | NONE      | 1 | differs",
            "nested-declarations    | balance-sheet |      | NONE      | 0 | differs",
            "nested-declarations    | income        |      | NONE      | 0 | agrees",
            "nested-declarations    | income        |      | NONE      | 2 | agrees",
            "german-long-forms      | balance-sheet |      | NONE      | 0 | differs",
            "german-long-forms      | income        |      | NONE      | 1 | differs",
            "declared-twice         | balance-sheet |      | NONE      | 0 | differs",
            "cash-declared-only     | balance-sheet |      | NONE      | 0 | agrees",
            "top-declared-only      | balance-sheet |      | NONE      | 0 | agrees",
            "parents-declared       | balance-sheet | 2025 | QUARTERLY | 2 | agrees",
            "parents-declared       | income        | 2025 | MONTHLY   | 0 | agrees"})
    void sections_as_hledger_chooses_them(String name, String kind, String periodOrNull, Interval interval, int depth,
                                          String byOwnType) throws IOException {
        String period = periodOrNull == null ? "" : periodOrNull;
        Path journal = folder.resolve(name + ".journal");
        Files.writeString(journal, JOURNALS.get(name));
        Path ledger = importInto(journal);
        StatementKind statementKind = StatementKind.ofCommandName(kind);
        StatementsAgreeWithHledgerTest.compare(journal, ledger, statementKind, period, interval, depth);
        HledgerStatement hledger = HledgerStatement.run(journal, statementKind == StatementKind.INCOME ? "is" : "bse",
                hledgerFlags(period, interval, depth));
        List<String> sectionsByOwnType = lines(byOwnType(ledger, statementKind, period, interval, depth), scales(hledger));
        if (byOwnType.equals("differs")) {
            assertNotEquals(lines(hledger), sectionsByOwnType, "sections by each account's own type would agree: not a case");
        } else {
            assertEquals(lines(hledger), sectionsByOwnType, "sections by each account's own type");
        }
    }

    @Test
    void the_import_records_every_declaration_in_order_and_an_import_without_types_records_none() throws IOException {
        Path journal = folder.resolve("declared-twice.journal");
        Files.writeString(journal, JOURNALS.get("declared-twice"));
        Path plain = folder.resolve("plain.journal");
        Files.writeString(plain, """
                2025-02-01 y
                    assets:a    1 EUR
                    equity     -1 EUR
                """);
        Path ledger = importInto(journal);
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            assertEquals(Map.of(AccountType.ASSETS, List.of("other", "x"), AccountType.LIABILITIES, List.of("x")),
                    session.declaredAccountTypes().byType());
        }
        try (LedgerSession session = TestSessions.SQLITE.open(importInto(plain))) {
            assertEquals(DeclaredAccountTypes.NONE, session.declaredAccountTypes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"top-declared-only", "parents-declared", "other-declared-asset", "nested-declarations",
            "declared-twice", "german-long-forms"})
    void an_export_declares_the_types_as_the_journal_did_so_hledger_draws_the_same_sections(String name) throws IOException {
        Path journal = folder.resolve(name + ".journal");
        Files.writeString(journal, JOURNALS.get(name));
        Path exported = folder.resolve(name + "-exported.journal");
        try (LedgerSession session = TestSessions.SQLITE.open(importInto(journal));
             java.io.Writer out = Files.newBufferedWriter(exported)) {
            session.exportJournal(out);
        }
        for (String command : List.of("bse", "is")) {
            assertEquals(lines(HledgerStatement.run(journal, command, List.of())),
                    lines(HledgerStatement.run(exported, command, List.of())), "hledger " + command + " of the export");
        }
        StatementsAgreeWithHledgerTest.compare(journal, importInto(exported), StatementKind.BALANCE_SHEET, "", Interval.NONE, 0);
    }

    private Path importInto(Path journal) {
        return StatementsAgreeWithHledgerTest.importInto(folder, journal);
    }

    /** The statement with each account in the section of its own type, as Eventscope drew it before session 17. */
    private static Statement byOwnType(Path ledger, StatementKind kind, String period, Interval interval, int depth) {
        StatementRequest request = new StatementRequest(kind, ReportPeriod.parse(period), interval, depth,
                StatementClock.ENTRY_DATE, Optional.empty());
        try (LedgerSession session = TestSessions.SQLITE.open(ledger)) {
            session.projections().open(ProgressListener.NONE);
            return new StatementBuilder(session::accountType, ColumnValuation.NONE).build(kind,
                    session.statements().columns(request, session.queries(), session.lastPosition()), depth,
                    date -> session.timeTravel().ledgerBalancesAt(new Point.AsOfDate(date)).balances());
        }
    }
}
