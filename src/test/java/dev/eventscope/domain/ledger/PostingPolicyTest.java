package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.account;
import static dev.eventscope.domain.ledger.Fixtures.date;
import static dev.eventscope.domain.ledger.Fixtures.decimal;
import static dev.eventscope.domain.ledger.Fixtures.entryId;
import static dev.eventscope.domain.ledger.Fixtures.money;
import static dev.eventscope.domain.ledger.Fixtures.posting;
import static dev.eventscope.domain.ledger.Fixtures.postings;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryEvent.EntryReversed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Posting a journal entry")
class PostingPolicyTest {

    private static final String BANK = "assets:bank";
    private static final String RENT = "expenses:rent";
    private static final String SALES = "income:sales";
    private static final String STOCKS = "assets:stocks";
    private static final String USD_CASH = "assets:usd";

    private static PostEntry entry(String id, String date, String description, Posting... postings) {
        return PostEntry.simple(entryId(id), date(date), description, postings(postings));
    }

    private static PostEntry rent(String id, String date) {
        return entry(id, date, "Office rent", posting(RENT, "1200.00 EUR"), posting(BANK, "-1200.00 EUR"));
    }

    private static Books books() {
        return Books.created().open(BANK, RENT, SALES, STOCKS, USD_CASH);
    }

    @Nested
    @DisplayName("when the entry balances")
    class Balanced {

        @Test
        @DisplayName("writes EntryPosted on the entry stream and one PostingRecorded per posting")
        void eventsPerStream() {
            PostEntry command = new PostEntry(entryId("2024-0042"), date("2024-02-01"), date("2024-02-03"),
                    EntryStatus.CLEARED, "INV-7", "Office rent", Map.of("project", "hq"), "February",
                    postings(posting(RENT, "1000.00 EUR"), posting(RENT, "200 EUR"), posting(BANK, "-1200 EUR")));

            EntryDecision decision = books().post(command);

            assertEquals(List.of("ledger", "entry-2024-0042", "account-expenses:rent", "account-assets:bank"),
                    decision.streamNames());
            assertEquals(List.of(), decision.eventsFor("ledger"));
            assertEquals(List.of(new EntryPosted(entryId("2024-0042"), date("2024-02-01"), date("2024-02-03"),
                    EntryStatus.CLEARED, "INV-7", "Office rent", Map.of("project", "hq"), "February",
                    command.postings(), null)), decision.eventsFor("entry-2024-0042"));
            assertEquals(List.of(
                    recorded("2024-0042", 1, "2024-02-01", "Office rent", "1000 EUR", BANK),
                    recorded("2024-0042", 2, "2024-02-01", "Office rent", "200 EUR", BANK)),
                    decision.eventsFor("account-expenses:rent"));
            assertEquals(List.of(recorded("2024-0042", 3, "2024-02-01", "Office rent", "-1200 EUR", RENT)),
                    decision.eventsFor("account-assets:bank"));
        }

        @Test
        @DisplayName("records a posting with its own date on that date, as hledger counts it")
        void postingDate() {
            PostEntry command = entry("7", "2024-02-01", "Office rent",
                    new Posting(AccountName.of(RENT), Money.of("1200", "EUR"), null, null, PostingKind.REAL, date("2024-02-20")),
                    posting(BANK, "-1200 EUR"));
            EntryDecision decision = books().post(command);
            assertEquals(date("2024-02-20"), ((PostingRecorded) decision.eventsFor("account-expenses:rent").get(0)).date());
            assertEquals(date("2024-02-01"), ((PostingRecorded) decision.eventsFor("account-assets:bank").get(0)).date());
        }

        @Test
        @DisplayName("moves the balances of the accounts and marks the entry posted")
        void statesAfter() {
            Books books = books();
            books.post(rent("1", "2024-02-01"));
            books.post(rent("2", "2024-03-01"));
            assertEquals(Map.of("EUR", decimal("-2400")), books.account(BANK).balances());
            assertEquals(Map.of("EUR", decimal("2400")), books.account(RENT).balances());
            assertEquals(2, books.account(BANK).postingCount());
            assertEquals(EntryLifecycle.POSTED, books.entry(entryId("2")).lifecycle());
            assertEquals("Office rent", books.entry(entryId("2")).entry().description());
        }

        @Test
        @DisplayName("balances units bought at a unit price (@)")
        void unitPrice() {
            EntryDecision decision = books().post(entry("3", "2024-02-01", "Buy shares",
                    posting(STOCKS, "10 AAPL", "@", "150.50 USD"), posting(USD_CASH, "-1505.00 USD")));
            PostingRecorded stocks = (PostingRecorded) decision.eventsFor("account-assets:stocks").get(0);
            assertEquals(money("10 AAPL"), stocks.amount());
            assertEquals(money("1505 USD"), stocks.cost());
        }

        @Test
        @DisplayName("balances a currency exchange at a total price (@@), in either direction")
        void totalPrice() {
            Books books = books();
            assertDoesNotThrow(() -> books.post(entry("4", "2024-02-01", "Exchange",
                    posting(USD_CASH, "110.00 USD", "@@", "100.00 EUR"), posting(BANK, "-100 EUR"))));
            assertDoesNotThrow(() -> books.post(entry("5", "2024-02-02", "Exchange back",
                    posting(USD_CASH, "-110.00 USD", "@@", "99.00 EUR"), posting(BANK, "99 EUR"))));
            assertEquals(Map.of("EUR", decimal("-1")), books.account(BANK).balances());
            assertEquals(Map.of(), books.account(USD_CASH).balances());
        }

        @Test
        @DisplayName("balances several commodities separately, with negative amounts and any scale")
        void severalCommodities() {
            assertDoesNotThrow(() -> books().post(entry("6", "2024-02-01", "Mixed",
                    posting(BANK, "12.50 EUR"), posting(SALES, "-12.5 EUR"),
                    posting(USD_CASH, "-0.10 USD"), posting(SALES, "0.1000 USD"))));
        }
    }

    @Nested
    @DisplayName("when the entry does not balance")
    class Unbalanced {

        @Test
        @DisplayName("names the entry, the commodity and how far it is off")
        void oneCommodity() {
            EntryDoesNotBalance violation = assertThrows(EntryDoesNotBalance.class, () -> books().post(entry(
                    "2024-0042", "2024-02-01", "Office rent", posting(RENT, "1210.00 EUR"), posting(BANK, "-1200 EUR"))));
            assertEquals(entryId("2024-0042"), violation.entryId());
            assertEquals("EUR", violation.commodity());
            assertEquals(decimal("10"), violation.imbalance());
            assertEquals("Entry 2024-0042 \"Office rent\" does not balance: EUR is off by 10.00 (postings sum to"
                    + " 10.00 EUR instead of zero).", violation.getMessage());
        }

        @Test
        @DisplayName("names every commodity that is off")
        void severalCommodities() {
            EntryDoesNotBalance violation = assertThrows(EntryDoesNotBalance.class, () -> books().post(entry(
                    "7", "2024-02-01", "", posting(BANK, "5 EUR"), posting(USD_CASH, "-2.5 USD"))));
            assertEquals(Map.of("EUR", decimal("5"), "USD", decimal("-2.5")), violation.imbalances());
            assertEquals("Entry 7 does not balance: EUR is off by 5.00 and USD is off by -2.50 (postings sum to"
                    + " 5.00 EUR and -2.50 USD instead of zero).", violation.getMessage());
        }

        @Test
        @DisplayName("checks balance after prices: a unit price that does not add up is refused")
        void unitPriceOff() {
            EntryDoesNotBalance violation = assertThrows(EntryDoesNotBalance.class, () -> books().post(entry(
                    "8", "2024-02-01", "Buy", posting(STOCKS, "3 AAPL", "@", "33.333 USD"), posting(USD_CASH, "-100 USD"))));
            assertEquals("USD", violation.commodity());
            assertEquals(decimal("-0.001"), violation.imbalance());
        }

        @Test
        @DisplayName("does not let a priced posting count in its own commodity")
        void pricedPostingCountsInPriceCommodity() {
            EntryDoesNotBalance violation = assertThrows(EntryDoesNotBalance.class, () -> books().post(entry(
                    "9", "2024-02-01", "Buy", posting(STOCKS, "10 AAPL", "@", "150 USD"), posting(STOCKS, "-10 AAPL"))));
            assertEquals(Map.of("AAPL", decimal("-10"), "USD", decimal("1500")), violation.imbalances());
        }
    }

    @Nested
    @DisplayName("is refused")
    class Refused {

        @Test
        void whenTheLedgerWasNotCreated() {
            assertThrows(LedgerNotCreated.class, () -> Books.empty().post(rent("1", "2024-02-01")));
        }

        @Test
        void withOnePostingOrNone() {
            TooFewPostings one = assertThrows(TooFewPostings.class,
                    () -> books().post(entry("1", "2024-02-01", "x", posting(BANK, "0 EUR"))));
            assertEquals("Entry 1 has 1 posting, but an entry needs at least two.", one.getMessage());
            assertEquals(0, assertThrows(TooFewPostings.class,
                    () -> books().post(entry("2", "2024-02-01", "x"))).count());
        }

        @Test
        void whenTheEntryIdIsTaken() {
            Books books = books();
            books.post(rent("2024-0042", "2024-02-01"));
            DuplicateEntry violation = assertThrows(DuplicateEntry.class, () -> books.post(rent("2024-0042", "2024-03-01")));
            assertEquals("Entry 2024-0042 is already in the books (2024-02-01 \"Office rent\"); choose another entry id.",
                    violation.getMessage());
        }

        @Test
        void whenDatedOnTheClosedThroughDate() {
            PostingInClosedPeriod violation = assertThrows(PostingInClosedPeriod.class,
                    () -> books().closePeriod("2024-03-31").post(rent("1", "2024-03-31")));
            assertEquals(date("2024-03-31"), violation.closedThrough());
            assertEquals("Entry 1 is dated 2024-03-31, but the books are closed through 2024-03-31; date it later or"
                    + " reopen the period.", violation.getMessage());
        }

        @Test
        void whenAPostingHasItsOwnDateInTheClosedPeriod() {
            Books books = books().closePeriod("2024-03-31");
            PostEntry command = entry("1", "2024-04-02", "Office rent",
                    new Posting(AccountName.of(RENT), Money.of("1200", "EUR"), null, null, PostingKind.REAL, date("2024-03-15")),
                    posting(BANK, "-1200 EUR"));
            assertThrows(PostingInClosedPeriod.class, () -> books.post(command));
        }

        @Test
        void whenDatedBeforeTheClosedThroughDateButNotAfter() {
            Books books = books().closePeriod("2024-03-31");
            assertThrows(PostingInClosedPeriod.class, () -> books.post(rent("1", "2024-01-15")));
            assertDoesNotThrow(() -> books.post(rent("2", "2024-04-01")));
        }

        @Test
        void whenAnAccountWasNeverOpened() {
            AccountNotOpen violation = assertThrows(AccountNotOpen.class, () -> books().post(entry("1", "2024-02-01",
                    "Lunch", posting("expenses:food", "12 EUR"), posting(BANK, "-12 EUR"))));
            assertEquals(account("expenses:food"), violation.account());
            assertEquals("Account expenses:food has not been opened, so it cannot take the posting of entry 1.",
                    violation.getMessage());
        }

        @Test
        void whenAnAccountIsFrozen() {
            AccountIsFrozen violation = assertThrows(AccountIsFrozen.class,
                    () -> books().freeze(BANK, "bank audit").post(rent("1", "2024-02-01")));
            assertEquals("bank audit", violation.reason());
            assertEquals("Account assets:bank is frozen (bank audit), so it cannot take the posting of entry 1;"
                    + " unfreeze it first.", violation.getMessage());
        }

        @Test
        void whenAnAccountIsClosed() {
            AccountIsClosed violation = assertThrows(AccountIsClosed.class,
                    () -> books().close(RENT, "2024-01-31").post(rent("1", "2024-02-01")));
            assertEquals("Account expenses:rent was closed on 2024-01-31, so it cannot take the posting of entry 1.",
                    violation.getMessage());
        }

        @Test
        void whenDatedBeforeAnAccountWasOpened() {
            PostingBeforeAccountOpened violation = assertThrows(PostingBeforeAccountOpened.class,
                    () -> books().openOn("expenses:travel", "2024-06-01").post(entry("1", "2024-05-31", "Train",
                            posting("expenses:travel", "80 EUR"), posting(BANK, "-80 EUR"))));
            assertEquals("Entry 1 is dated 2024-05-31, before account expenses:travel was opened on 2024-06-01.",
                    violation.getMessage());
        }
    }

    @Nested
    @DisplayName("then reversing it")
    class Reversing {

        private final Books books = books();

        private ReverseEntry reverse(String original, String reversal, String date) {
            return new ReverseEntry(entryId(original), entryId(reversal), date(date), null);
        }

        @Test
        @DisplayName("posts a new entry with negated postings and marks the original reversed")
        void reverses() {
            books.post(new PostEntry(entryId("1"), date("2024-02-01"), null, EntryStatus.CLEARED, null, "Office rent",
                    Map.of("project", "hq"), null, postings(posting(RENT, "1200 EUR"), posting(BANK, "-1200 EUR"))));

            EntryDecision decision = books.reverse(reverse("1", "1-R", "2024-02-05"));

            assertEquals(List.of("ledger", "entry-1-R", "entry-1", "account-expenses:rent", "account-assets:bank"),
                    decision.streamNames());
            assertEquals(List.of(new EntryPosted(entryId("1-R"), date("2024-02-05"), null, EntryStatus.UNMARKED, null,
                    "Reversal of entry 1 \"Office rent\"", Map.of("project", "hq"), null,
                    postings(posting(RENT, "-1200 EUR"), posting(BANK, "1200 EUR")), entryId("1"))),
                    decision.eventsFor("entry-1-R"));
            assertEquals(List.of(new EntryReversed(entryId("1-R"), date("2024-02-05"))), decision.eventsFor("entry-1"));
            PostingRecorded bank = (PostingRecorded) decision.eventsFor("account-assets:bank").get(0);
            assertEquals(entryId("1"), bank.reversesEntryId());
            assertEquals(money("1200 EUR"), bank.amount());

            assertEquals(Map.of(), books.account(BANK).balances());
            assertEquals(Map.of(), books.account(RENT).balances());
            EntryState original = books.entry(entryId("1"));
            assertEquals(EntryLifecycle.REVERSED, original.lifecycle());
            assertEquals(entryId("1-R"), original.reversedBy());
            assertEquals("Office rent", original.entry().description());
            assertEquals(entryId("1"), books.entry(entryId("1-R")).entry().reversesEntryId());
        }

        @Test
        @DisplayName("keeps prices so that the reversal balances")
        void keepsPrices() {
            books.post(entry("1", "2024-02-01", "Buy", posting(STOCKS, "10 AAPL", "@", "150.50 USD"),
                    posting(USD_CASH, "-1505.00 USD"),
                    posting(USD_CASH, "-110.00 USD", "@@", "100.00 EUR"), posting(BANK, "100 EUR")));
            EntryDecision decision = books.reverse(
                    new ReverseEntry(entryId("1"), entryId("2"), date("2024-02-02"), "Wrong broker"));
            EntryPosted reversal = (EntryPosted) decision.eventsFor("entry-2").get(0);
            assertEquals("Wrong broker", reversal.description());
            assertEquals(PostingPrice.unit(money("150.50 USD")), reversal.postings().get(0).price());
            assertDoesNotThrow(() -> EntryDecider.requirePostingsBalance(reversal.entryId(), "", reversal.postings(), Map.of()));
            assertEquals(Map.of(), books.account(STOCKS).balances());
            assertEquals(Map.of(), books.account(USD_CASH).balances());
        }

        @Test
        @DisplayName("is refused a second time, naming the first reversal")
        void twiceIsRefused() {
            books.post(rent("1", "2024-02-01"));
            books.reverse(reverse("1", "1-R", "2024-02-05"));
            EntryAlreadyReversed violation = assertThrows(EntryAlreadyReversed.class,
                    () -> books.reverse(reverse("1", "1-R2", "2024-02-06")));
            assertEquals(entryId("1-R"), violation.reversedBy());
            assertEquals("Entry 1 was already reversed by entry 1-R on 2024-02-05; an entry is reversed only once.",
                    violation.getMessage());
        }

        @Test
        @DisplayName("of the reversal itself is allowed once, and refused twice")
        void reversalOfReversal() {
            books.post(rent("1", "2024-02-01"));
            books.reverse(reverse("1", "1-R", "2024-02-05"));
            books.reverse(reverse("1-R", "1-RR", "2024-02-06"));
            assertEquals(Map.of("EUR", decimal("1200")), books.account(RENT).balances());
            assertThrows(EntryAlreadyReversed.class, () -> books.reverse(reverse("1-R", "1-RRR", "2024-02-07")));
        }

        @Test
        void ofAnUnknownEntryIsRefused() {
            EntryNotFound violation = assertThrows(EntryNotFound.class, () -> books.reverse(reverse("404", "R", "2024-02-05")));
            assertEquals("Entry 404 is not in the books, so it cannot be reversed.", violation.getMessage());
        }

        @Test
        void withATakenReversalIdIsRefused() {
            books.post(rent("1", "2024-02-01"));
            books.post(rent("2", "2024-02-02"));
            assertEquals(entryId("2"), assertThrows(DuplicateEntry.class,
                    () -> books.reverse(reverse("1", "2", "2024-02-05"))).entryId());
        }

        @Test
        void datedInAClosedPeriodIsRefused() {
            books.post(rent("1", "2024-02-01"));
            books.closePeriod("2024-02-29");
            PostingInClosedPeriod violation = assertThrows(PostingInClosedPeriod.class,
                    () -> books.reverse(reverse("1", "1-R", "2024-02-15")));
            assertEquals(entryId("1-R"), violation.entryId());
            assertDoesNotThrow(() -> books.reverse(reverse("1", "1-R", "2024-03-01")));
        }

        @Test
        void datedBeforeTheOriginalIsRefused() {
            books.post(rent("1", "2024-02-01"));
            ReversalBeforeOriginal violation = assertThrows(ReversalBeforeOriginal.class,
                    () -> books.reverse(reverse("1", "1-R", "2024-01-31")));
            assertEquals("Entry 1 dated 2024-02-01 cannot be reversed on 2024-01-31, which is before the entry itself.",
                    violation.getMessage());
        }

        @Test
        void throughAFrozenAccountIsRefused() {
            books.post(rent("1", "2024-02-01"));
            books.freeze(BANK, "dispute");
            AccountIsFrozen violation = assertThrows(AccountIsFrozen.class,
                    () -> books.reverse(reverse("1", "1-R", "2024-02-05")));
            assertEquals("Account assets:bank is frozen (dispute), so it cannot take the posting of entry 1-R, which"
                    + " reverses entry 1; unfreeze it first.", violation.getMessage());
        }

        @Test
        void whenTheLedgerWasNotCreatedIsRefused() {
            assertThrows(LedgerNotCreated.class, () -> PostingPolicy.reverse(reverse("1", "2", "2024-01-01"),
                    LedgerState.INITIAL, EntryState.INITIAL, EntryState.INITIAL, Map.of()));
        }

        @Test
        void namesTheAccountsItNeeds() {
            books.post(rent("1", "2024-02-01"));
            assertEquals(List.of(account(RENT), account(BANK)), PostingPolicy.accountsTouched(books.entry(entryId("1"))));
            assertEquals(List.of(), PostingPolicy.accountsTouched(EntryState.INITIAL));
        }
    }

    private static PostingRecorded recorded(String entry, int index, String date, String description, String amount,
            String otherAccount) {
        return new PostingRecorded(entryId(entry), index, date(date), description, money(amount), money(amount),
                List.of(otherAccount), null);
    }
}
