package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.date;
import static dev.eventscope.domain.ledger.Fixtures.entryId;
import static dev.eventscope.domain.ledger.Fixtures.posting;
import static dev.eventscope.domain.ledger.Fixtures.postings;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.eventscope.domain.DeciderScenario;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.EntryEvent.EntryReversed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A journal entry on its own")
class EntryDeciderTest {

    private static final PostEntry RENT = PostEntry.simple(entryId("7"), date("2024-02-01"), "Office rent",
            postings(posting("expenses:rent", "1200 EUR"), posting("assets:bank", "-1200 EUR")));
    private static final EntryPosted POSTED = new EntryPosted(entryId("7"), date("2024-02-01"), null,
            EntryStatus.UNMARKED, null, "Office rent", Map.of(), null, RENT.postings(), null);
    private static final EntryReversed REVERSED = new EntryReversed(entryId("7-R"), date("2024-02-05"));

    private static DeciderScenario<EntryState, EntryCommand, EntryEvent> anEntry() {
        return DeciderScenario.forDecider(EntryDecider.decider());
    }

    @Test
    void isPosted() {
        EntryState state = anEntry().when(RENT).then(POSTED).stateAfter();
        assertEquals(EntryLifecycle.POSTED, state.lifecycle());
        assertEquals(POSTED.toJournalEntry(), state.entry());
    }

    @Test
    void refusesTheSameIdTwice() {
        anEntry().given(POSTED).when(RENT).thenRefused(DuplicateEntry.class);
    }

    @Test
    void refusesADescriptionAJournalCouldNotHold() {
        for (String description : new String[]{"Rent\n    assets:bank  5 EUR", "Rent\r", "Rent\u2028more", "Rent; tag:x",
                "Refund \u202E00.005", "Refund \u2067x\u2069"}) {
            anEntry().when(PostEntry.simple(entryId("9"), date("2024-02-01"), description, RENT.postings()))
                    .thenRefused(InvalidDescription.class);
        }
    }

    @Test
    void keepsAnyOtherDescriptionAsWritten() {
        PostEntry unusual = PostEntry.simple(entryId("9"), date("2024-02-01"), "Café | #1 \"quoted\"\ttabbed", RENT.postings());
        assertEquals(unusual.description(), ((EntryPosted) EntryDecider.decide(unusual, EntryState.INITIAL).get(0)).description());
    }

    @Test
    void refusesToPostWhenUnbalanced() {
        anEntry().when(PostEntry.simple(entryId("8"), date("2024-02-01"), "x",
                postings(posting("expenses:rent", "1 EUR"), posting("assets:bank", "-2 EUR"))))
                .thenRefused(EntryDoesNotBalance.class);
    }

    private static Posting ofKind(String account, String amount, String commodity, PostingKind kind) {
        return new Posting(AccountName.of(account), Money.of(amount, commodity), null, null, kind);
    }

    private static Posting priced(String account, String amount, String commodity, String unitPrice, String priceCommodity) {
        return new Posting(AccountName.of(account), Money.of(amount, commodity),
                new PostingPrice(PriceKind.UNIT, Money.of(unitPrice, priceCommodity)), null);
    }

    @Test
    void balancesAtTheDisplayPrecisionItIsGivenAsHledgerDoes() {
        // 3 AAA @ 33.33492 USD costs 100.00476 USD: off by 0.00476 USD, which hledger 1.25 accepts at 2 decimal places
        List<Posting> postings = List.of(priced("assets:shares", "3", "AAA", "33.33492", "USD"),
                ofKind("assets:cash", "-100.00", "USD", PostingKind.REAL));
        assertDoesNotThrow(() -> EntryDecider.requirePostingsBalance(entryId("1"), "", postings, Map.of("USD", 2)));
        // ...and refuses when a journal writes USD with 3 decimal places somewhere
        EntryDoesNotBalance refused = assertThrows(EntryDoesNotBalance.class,
                () -> EntryDecider.requirePostingsBalance(entryId("1"), "", postings, Map.of("USD", 3)));
        assertEquals(new BigDecimal("0.00476"), refused.imbalance());
        // a commodity with no precision given must sum to exactly zero
        assertThrows(EntryDoesNotBalance.class, () -> EntryDecider.requirePostingsBalance(entryId("1"), "", postings, Map.of()));
        // half a unit of the last place looks zero, as hledger's |q| <= 0.5 * 10^-places
        assertTrue(BalancingRule.looksZero(new BigDecimal("0.005"), 2));
        assertTrue(BalancingRule.looksZero(new BigDecimal("-0.005"), 2));
        assertFalse(BalancingRule.looksZero(new BigDecimal("0.0051"), 2));
        assertFalse(BalancingRule.looksZero(new BigDecimal("0.5"), null));
    }

    @Test
    void unbalancedVirtualPostingsNeedNotBalanceAndMayStandAlone() {
        assertDoesNotThrow(() -> EntryDecider.requirePostingsBalance(entryId("2"), "", List.of(
                ofKind("assets:cash", "10", "EUR", PostingKind.REAL), ofKind("income:x", "-10", "EUR", PostingKind.REAL),
                ofKind("budget:food", "-10", "EUR", PostingKind.VIRTUAL)), Map.of()));
        assertDoesNotThrow(() -> EntryDecider.requirePostingsBalance(entryId("2"), "", List.of(
                ofKind("budget:food", "25", "EUR", PostingKind.VIRTUAL)), Map.of()));
        assertThrows(TooFewPostings.class, () -> EntryDecider.requirePostingsBalance(entryId("2"), "", List.of(
                ofKind("assets:cash", "0", "EUR", PostingKind.REAL)), Map.of()));
    }

    @Test
    void balancedVirtualPostingsBalanceAmongThemselvesNotWithTheRealOnes() {
        assertDoesNotThrow(() -> EntryDecider.requirePostingsBalance(entryId("3"), "", List.of(
                ofKind("assets:cash", "10", "EUR", PostingKind.REAL), ofKind("income:x", "-10", "EUR", PostingKind.REAL),
                ofKind("budget:food", "-4", "EUR", PostingKind.BALANCED_VIRTUAL),
                ofKind("budget:rest", "4", "EUR", PostingKind.BALANCED_VIRTUAL)), Map.of()));
        EntryDoesNotBalance refused = assertThrows(EntryDoesNotBalance.class, () -> EntryDecider.requirePostingsBalance(
                entryId("3"), "budget", List.of(
                        ofKind("assets:cash", "10", "EUR", PostingKind.REAL),
                        ofKind("budget:food", "-10", "EUR", PostingKind.BALANCED_VIRTUAL),
                        ofKind("income:x", "-10", "EUR", PostingKind.REAL),
                        ofKind("budget:rest", "4", "EUR", PostingKind.BALANCED_VIRTUAL)), Map.of()));
        assertEquals("Entry 3 \"budget\" does not balance: EUR is off by -6.00 (its balanced virtual postings sum to"
                + " -6.00 EUR instead of zero).", refused.getMessage());
    }

    @Test
    void namesAnUnbalancedBareAmountWithoutATrailingOrLeadingSpace() {
        EntryDoesNotBalance refused = assertThrows(EntryDoesNotBalance.class, () -> EntryDecider.requirePostingsBalance(
                entryId("9"), "bare", java.util.List.of(
                        new Posting(AccountName.of("expenses:rent"), Money.of("1", Money.NO_SYMBOL), null, null),
                        new Posting(AccountName.of("assets:bank"), Money.of("-2", Money.NO_SYMBOL), null, null)), Map.of()));
        assertEquals("Entry 9 \"bare\" does not balance: the amount without commodity symbol is off by -1.00 (postings"
                + " sum to -1.00 instead of zero).", refused.getMessage());
    }

    @Test
    void isMarkedReversedOnItsOwnStream() {
        EntryState state = anEntry().given(POSTED)
                .when(new ReverseEntry(entryId("7"), entryId("7-R"), date("2024-02-05"), null))
                .then(REVERSED).stateAfter();
        assertEquals(EntryLifecycle.REVERSED, state.lifecycle());
        assertEquals(entryId("7-R"), state.reversedBy());
        assertEquals(date("2024-02-05"), state.reversedOn());
        assertEquals(POSTED.toJournalEntry(), state.entry());
    }

    @Test
    void refusesToReverseWhatIsNotPostedOrAlreadyReversed() {
        ReverseEntry reverse = new ReverseEntry(entryId("7"), entryId("7-R2"), date("2024-02-06"), null);
        anEntry().when(reverse).thenRefused(EntryNotFound.class);
        anEntry().given(POSTED, REVERSED).when(reverse).thenRefused(EntryAlreadyReversed.class);
    }

    @Test
    void refusesABlankEntryId() {
        RequiredValueMissing violation = assertThrows(RequiredValueMissing.class, () -> EntryId.of(" "));
        assertEquals("The entry id is missing; the books need it to record this.", violation.getMessage());
        assertEquals("2024-0042", EntryId.of(" 2024-0042 ").value());
    }

    @Test
    @DisplayName("evolve handles every EntryEvent")
    void evolveHandlesEveryEvent() {
        Map<Class<?>, EntryEvent> samples = Stream.of(POSTED, REVERSED)
                .collect(Collectors.toMap(Object::getClass, Function.identity()));
        assertEquals(Set.of(EntryEvent.class.getPermittedSubclasses()), samples.keySet());
        EntryState posted = EntryDecider.evolve(EntryState.INITIAL, POSTED);
        samples.values().forEach(event -> assertDoesNotThrow(() -> EntryDecider.evolve(posted, event)));
    }
}
