package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.account;
import static dev.eventscope.domain.ledger.Fixtures.date;
import static dev.eventscope.domain.ledger.Fixtures.decimal;
import static dev.eventscope.domain.ledger.Fixtures.entryId;
import static dev.eventscope.domain.ledger.Fixtures.money;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.eventscope.domain.DeciderScenario;
import dev.eventscope.domain.ledger.AccountCommand.CloseAccount;
import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.AccountCommand.UnfreezeAccount;
import dev.eventscope.domain.ledger.AccountEvent.AccountClosed;
import dev.eventscope.domain.ledger.AccountEvent.AccountFrozen;
import dev.eventscope.domain.ledger.AccountEvent.AccountOpened;
import dev.eventscope.domain.ledger.AccountEvent.AccountUnfrozen;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("An account")
class AccountDeciderTest {

    private static final AccountName BANK = account("assets:bank:checking");
    private static final AccountOpened OPENED =
            new AccountOpened(BANK, AccountType.CASH, date("2024-01-01"), "Main account");
    private static final AccountFrozen FROZEN = new AccountFrozen("bank audit");
    private static final AccountClosed CLOSED = new AccountClosed(date("2024-12-31"));

    private static DeciderScenario<AccountState, AccountCommand, AccountEvent> anAccount() {
        return DeciderScenario.forDecider(AccountDecider.decider());
    }

    private static PostingRecorded recorded(String entry, String date, String amount) {
        return new PostingRecorded(entryId(entry), 1, date(date), "test", money(amount), money(amount),
                List.of("income:sales"), null);
    }

    @Nested
    @DisplayName("when not opened")
    class NotOpened {

        @Test
        void opensWithTypeFromItsName() {
            AccountState state = anAccount().when(new OpenAccount(BANK, date("2024-01-01"), " Main account "))
                    .then(OPENED).stateAfter();
            assertEquals(AccountStatus.OPEN, state.status());
            assertEquals(AccountType.CASH, state.type());
            assertEquals(BANK, state.name());
            assertEquals(Map.of(), state.balances());
        }

        @Test
        void opensRevenueAsIncomeWithoutDescription() {
            anAccount().when(new OpenAccount(account("Revenue:Consulting"), date("2024-02-01"), null))
                    .then(new AccountOpened(account("Revenue:Consulting"), AccountType.INCOME, date("2024-02-01"), null));
        }

        @Test
        void opensANameHledgerGivesNoTypeAsUnclassified() {
            anAccount().when(new OpenAccount(account("Aktiva:Bank"), date("2024-01-01"), null))
                    .then(new AccountOpened(account("Aktiva:Bank"), AccountType.UNCLASSIFIED, date("2024-01-01"), null));
        }

        @Test
        void opensWithTheTypeAJournalDeclares() {
            anAccount().when(new OpenAccount(account("Aktiva:Bank"), date("2024-01-01"), null, AccountType.ASSETS))
                    .then(new AccountOpened(account("Aktiva:Bank"), AccountType.ASSETS, date("2024-01-01"), null));
        }

        @Test
        @DisplayName("session 15: a name with a character that does not show, or combining accents, is refused, as it would look like another account")
        void refusesANameThatWouldLookLikeAnotherAccount() {
            for (String unseen : List.of("\u200B", "\u00AD", "\uFEFF", "\u202E", "\u2066", "\u2028", "\u00A0", "\u2009")) {
                AccountName lookalike = account("assets:bank:check" + unseen + "ing");
                InvalidAccountName refused = anAccount().when(new OpenAccount(lookalike, date("2024-01-01"), null))
                        .thenRefused(InvalidAccountName.class);
                assertEquals(true, refused.getMessage().contains(String.format("U+%04X", (int) unseen.charAt(0))),
                        refused.getMessage());
            }
            InvalidAccountName decomposed = anAccount().when(new OpenAccount(account("expenses:cafe\u0301"), date("2024-01-01"), null))
                    .thenRefused(InvalidAccountName.class);
            assertEquals(true, decomposed.getMessage().contains("composed"), decomposed.getMessage());
        }

        @Test
        void refusesANameMoreThanAHundredLevelsDeepAndOpensOneOfAHundred() {
            // session 21: every part of a new name up to a colon is compared with the ledger's accounts, so a name
            // 100,000 levels deep kept an import busy for hours; a depth of 101 was opened before the limit
            String deepest = String.join(":", java.util.Collections.nCopies(100, "a"));
            assertEquals(account(deepest), anAccount().when(new OpenAccount(account(deepest), date("2024-01-01"), null))
                    .stateAfter().name());
            InvalidAccountName refused = anAccount().when(new OpenAccount(account(deepest + ":a"), date("2024-01-01"),
                    null)).thenRefused(InvalidAccountName.class);
            assertEquals(true, refused.getMessage().contains("more than 100 segments"), refused.getMessage());
        }

        @Test
        void refusesASegmentMixingLookAlikeScripts() {
            // session 16: a Cyrillic "\u0430" in "assets", a Cyrillic "\u0441" in "checking", a Greek omicron in "food",
            // Cyrillic beside Greek
            for (String lookalike : List.of("\u0430ssets:bank", "assets:bank:\u0441hecking", "expenses:f\u03BFod",
                    "assets:\u0431\u0430\u043D\u03BA", "assets:\u0585range")) {
                InvalidAccountName refused = anAccount().when(new OpenAccount(account(lookalike), date("2024-01-01"), null))
                        .thenRefused(InvalidAccountName.class);
                assertEquals(true, refused.getMessage().contains("mixes letters of the scripts"), refused.getMessage());
            }
            InvalidAccountName named = anAccount().when(new OpenAccount(account("\u0430ssets"), date("2024-01-01"), null))
                    .thenRefused(InvalidAccountName.class);
            assertEquals(true, named.getMessage().contains("'\u0430ssets' mixes letters of the scripts Latin and Cyrillic, which look alike"),
                    named.getMessage());
        }

        @Test
        void opensSegmentsInOneScriptEachAndTheMixesScriptsNeed() {
            for (String name : List.of("assets:\u0431\u0430\u043D\u043A", "expenses:\u03C6\u03B1\u03B3\u03B7\u03C4\u03CC",
                    "expenses:\u65E5\u672C\u306E\u30AB\u30D5\u30A7 Tokyo", "expenses:\uC11C\uC6B8 \u98DF\u5802",
                    "assets:Bank \u05DC\u05D0\u05D5\u05DE\u05D9", "assets:bank 2024-01 (EUR)", "expenses:caf\u00E9",
                    "\u8CC7\u7522:\u0411\u0430\u043D\u043A\u83AB\u65AF\u79D1", "Assets:\u0627\u0644\u0642\u0627\u0647\u0631\u0629\u94F6\u884C",
                    // a word in each script, as real journals name cards and banks: only a word may not mix them
                    "expenses:\u041A\u0430\u0440\u0442\u0430 VISA", "assets:\u03A4\u03C1\u03AC\u03C0\u03B5\u03B6\u03B1 ABC",
                    "assets:\u0421\u0431\u0435\u0440\u0431\u0430\u043D\u043A-Online")) {
                anAccount().when(new OpenAccount(account(name), date("2024-01-01"), null))
                        .then(new AccountOpened(account(name), account(name).type(), date("2024-01-01"), null));
            }
        }

        @Test
        void opensNamesInAnyScriptWithComposedLettersAndTheJoinersScriptsNeed() {
            for (String name : List.of("expenses:caf\u00E9", "assets:\u0628\u0627\u0646\u06A9\u200C\u0647\u0627",
                    "Aktiva:Bank und Kasse", "expenses: travel")) {
                anAccount().when(new OpenAccount(account(name), date("2024-01-01"), null))
                        .then(new AccountOpened(account(name), account(name).type(), date("2024-01-01"), null));
            }
        }

        @Test
        void cannotBeFrozen() {
            AccountNotOpen violation = anAccount().when(new FreezeAccount(BANK, "audit")).thenRefused(AccountNotOpen.class);
            assertEquals("Account assets:bank:checking has not been opened, so it cannot be frozen.",
                    violation.getMessage());
        }

        @Test
        void cannotBeUnfrozen() {
            anAccount().when(new UnfreezeAccount(BANK)).thenRefused(AccountNotOpen.class);
        }

        @Test
        void cannotBeClosed() {
            assertEquals("be closed", anAccount().when(new CloseAccount(BANK, date("2024-12-31")))
                    .thenRefused(AccountNotOpen.class).attempted());
        }
    }

    @Nested
    @DisplayName("when open")
    class Open {

        private final DeciderScenario<AccountState, AccountCommand, AccountEvent> open = anAccount().given(OPENED);

        @Test
        void refusesToOpenAgain() {
            AccountAlreadyOpen violation = open.when(new OpenAccount(BANK, date("2024-05-01"), null))
                    .thenRefused(AccountAlreadyOpen.class);
            assertEquals("Account assets:bank:checking is already open since 2024-01-01.", violation.getMessage());
        }

        @Test
        void freezesWithAReason() {
            AccountState state = open.when(new FreezeAccount(BANK, " bank audit ")).then(FROZEN).stateAfter();
            assertEquals(AccountStatus.FROZEN, state.status());
            assertEquals("bank audit", state.frozenReason());
        }

        @Test
        void refusesToFreezeWithoutAReason() {
            assertEquals("reason for freezing account assets:bank:checking",
                    open.when(new FreezeAccount(BANK, " ")).thenRefused(RequiredValueMissing.class).what());
        }

        @Test
        void refusesToUnfreeze() {
            AccountNotFrozen violation = open.when(new UnfreezeAccount(BANK)).thenRefused(AccountNotFrozen.class);
            assertEquals("Account assets:bank:checking is not frozen, so there is nothing to unfreeze.",
                    violation.getMessage());
        }

        @Test
        void closesAtZeroBalance() {
            AccountState state = open.given(recorded("1", "2024-03-01", "10 EUR"), recorded("2", "2024-04-01", "-10.00 EUR"))
                    .when(new CloseAccount(BANK, date("2024-12-31"))).then(CLOSED).stateAfter();
            assertEquals(AccountStatus.CLOSED, state.status());
            assertEquals(date("2024-12-31"), state.closedOn());
        }

        @Test
        void refusesToCloseWithABalanceNamingEachCommodity() {
            AccountHasBalance violation = open
                    .given(recorded("1", "2024-03-01", "10.5 EUR"), recorded("2", "2024-03-02", "-3 USD"),
                            recorded("3", "2024-03-03", "5 GBP"), recorded("4", "2024-03-04", "-5 GBP"))
                    .when(new CloseAccount(BANK, date("2024-12-31"))).thenRefused(AccountHasBalance.class);
            assertEquals(Map.of("EUR", decimal("10.5"), "USD", decimal("-3")), violation.balances());
            assertEquals("Account assets:bank:checking cannot be closed because it still holds 10.50 EUR and -3.00 USD;"
                    + " bring every commodity to zero first.", violation.getMessage());
        }

        @Test
        void refusesToCloseBeforeItWasOpened() {
            ClosingDateTooEarly violation = open.when(new CloseAccount(BANK, date("2023-12-31")))
                    .thenRefused(ClosingDateTooEarly.class);
            assertEquals("Account assets:bank:checking cannot be closed on 2023-12-31 because it was opened on"
                    + " 2024-01-01.", violation.getMessage());
        }

        @Test
        void refusesToCloseBeforeItsLastPosting() {
            ClosingDateTooEarly violation = open
                    .given(recorded("1", "2024-06-01", "10 EUR"), recorded("2", "2024-03-01", "-10 EUR"))
                    .when(new CloseAccount(BANK, date("2024-05-31"))).thenRefused(ClosingDateTooEarly.class);
            assertEquals(date("2024-06-01"), violation.earliestDate());
            assertEquals("Account assets:bank:checking cannot be closed on 2024-05-31 because it has a posting dated"
                    + " 2024-06-01.", violation.getMessage());
        }

        @Test
        void keepsBalancesPostingCountAndLastDateFromPostings() {
            AccountState state = open.given(recorded("1", "2024-03-05", "10.25 EUR"),
                    recorded("2", "2024-03-01", "-0.25 EUR"), recorded("3", "2024-03-02", "2 AAPL")).state();
            assertEquals(Map.of("EUR", decimal("10"), "AAPL", decimal("2")), state.balances());
            assertEquals(decimal("10"), state.balance("EUR"));
            assertEquals(decimal("0"), state.balance("CHF"));
            assertEquals(3, state.postingCount());
            assertEquals(date("2024-03-05"), state.lastPostingDate());
        }
    }

    @Nested
    @DisplayName("when frozen")
    class Frozen {

        private final DeciderScenario<AccountState, AccountCommand, AccountEvent> frozen = anAccount().given(OPENED, FROZEN);

        @Test
        void unfreezes() {
            AccountState state = frozen.when(new UnfreezeAccount(BANK)).then(new AccountUnfrozen()).stateAfter();
            assertEquals(AccountStatus.OPEN, state.status());
            assertNull(state.frozenReason());
        }

        @Test
        void refusesToFreezeAgain() {
            AccountAlreadyFrozen violation = frozen.when(new FreezeAccount(BANK, "again"))
                    .thenRefused(AccountAlreadyFrozen.class);
            assertEquals("Account assets:bank:checking is already frozen (bank audit).", violation.getMessage());
        }

        @Test
        void refusesToClose() {
            AccountIsFrozen violation = frozen.when(new CloseAccount(BANK, date("2024-12-31")))
                    .thenRefused(AccountIsFrozen.class);
            assertEquals("Account assets:bank:checking is frozen (bank audit), so it cannot be closed; unfreeze it"
                    + " first.", violation.getMessage());
        }

        @Test
        void refusesToOpenAgain() {
            frozen.when(new OpenAccount(BANK, date("2024-05-01"), null)).thenRefused(AccountAlreadyOpen.class);
        }
    }

    @Nested
    @DisplayName("when closed")
    class Closed {

        private final DeciderScenario<AccountState, AccountCommand, AccountEvent> closed = anAccount().given(OPENED, CLOSED);

        @Test
        void refusesToOpenAgain() {
            AccountIsClosed violation = closed.when(new OpenAccount(BANK, date("2025-01-01"), null))
                    .thenRefused(AccountIsClosed.class);
            assertEquals("Account assets:bank:checking was closed on 2024-12-31, so it cannot be opened again.",
                    violation.getMessage());
        }

        @Test
        void refusesToFreeze() {
            closed.when(new FreezeAccount(BANK, "x")).thenRefused(AccountIsClosed.class);
        }

        @Test
        void refusesToUnfreeze() {
            closed.when(new UnfreezeAccount(BANK)).thenRefused(AccountIsClosed.class);
        }

        @Test
        void refusesToCloseAgain() {
            closed.when(new CloseAccount(BANK, date("2025-01-01"))).thenRefused(AccountIsClosed.class);
        }
    }

    @Test
    @DisplayName("evolve handles every AccountEvent")
    void evolveHandlesEveryEvent() {
        Map<Class<?>, AccountEvent> samples = Stream.of(OPENED, FROZEN, new AccountUnfrozen(), CLOSED,
                        recorded("1", "2024-02-02", "1 EUR"))
                .collect(Collectors.toMap(Object::getClass, Function.identity()));
        assertEquals(Set.of(AccountEvent.class.getPermittedSubclasses()), samples.keySet());
        AccountState open = AccountDecider.evolve(AccountState.INITIAL, OPENED);
        samples.values().forEach(event -> assertDoesNotThrow(() -> AccountDecider.evolve(open, event)));
    }
}
