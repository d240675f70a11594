package dev.eventscope.domain.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One account's balances after each posting ({@link Balances#plus(Map, Money)}, session 19: one copy of a canonical
 * map) against the three copies it stands in for ({@link #referencePlus}: the code before), and an account state's
 * balances against the same fold: equal maps, the same commodities in the same order, every amount with the same
 * scale (a {@link BigDecimal}'s {@code equals} compares it), zeros left out.
 */
class BalancesPlusProperties {

    @Property(tries = 3_000)
    void each_posting_gives_the_balances_the_three_copies_gave(@ForAll("postings") List<Money> postings) {
        Map<String, BigDecimal> balances = Balances.copyOf(Map.of());
        Map<String, BigDecimal> reference = referenceCopyOf(Map.of());
        AccountState state = opened();
        int index = 0;
        for (Money money : postings) {
            balances = Balances.plus(balances, money);
            reference = referencePlus(reference, money);
            state = AccountDecider.evolve(state, new AccountEvent.PostingRecorded(EntryId.of("E" + ++index), index,
                    LocalDate.of(2026, 1, 1), "", money, money, List.of(), null, PostingKind.REAL));
            assertEquals(reference, balances, "after " + money);
            assertEquals(new ArrayList<>(reference.keySet()), new ArrayList<>(balances.keySet()), "order after " + money);
            assertEquals(reference.toString(), balances.toString(), "text after " + money);
            assertEquals(reference.hashCode(), balances.hashCode());
            assertEquals(reference, state.balances(), "state after " + money);
            assertSame(balances.getClass(), state.balances().getClass());
            // a canonical map is kept as it is
            assertSame(state.balances(), Balances.copyOf(state.balances()));
        }
        Map<String, BigDecimal> last = balances;
        assertThrows(UnsupportedOperationException.class, () -> last.put("X", BigDecimal.ONE));
        assertThrows(UnsupportedOperationException.class, () -> last.entrySet().clear());
    }

    @Property(tries = 2_000)
    void any_map_is_copied_as_before(@ForAll("maps") Map<String, BigDecimal> written, @ForAll("money") Money money) {
        assertEquals(referenceCopyOf(written), Balances.copyOf(written));
        assertEquals(new ArrayList<>(referenceCopyOf(written).keySet()), new ArrayList<>(Balances.copyOf(written).keySet()));
        // a map that is not canonical goes the long way, to the same result
        assertEquals(referencePlus(written, money), Balances.plus(written, money));
        assertEquals(referencePlus(written, money), Balances.plus(Balances.copyOf(written), money));
    }

    private static AccountState opened() {
        return AccountDecider.evolve(AccountState.INITIAL, new AccountEvent.AccountOpened(AccountName.of("assets:cash"),
                AccountType.ASSETS, LocalDate.of(2026, 1, 1), null));
    }

    /** {@code Balances.plus} before session 19. */
    private static Map<String, BigDecimal> referencePlus(Map<String, BigDecimal> balances, Money money) {
        TreeMap<String, BigDecimal> sum = new TreeMap<>(balances);
        sum.merge(money.commodity(), money.amount(), BigDecimal::add);
        return referenceCopyOf(sum);
    }

    /** {@code Balances.copyOf} before session 19. */
    private static Map<String, BigDecimal> referenceCopyOf(Map<String, BigDecimal> balances) {
        TreeMap<String, BigDecimal> canonical = new TreeMap<>();
        balances.forEach((commodity, amount) -> {
            BigDecimal normalised = Amounts.normalise(amount);
            if (normalised.signum() != 0) {
                canonical.put(commodity, normalised);
            }
        });
        return Collections.unmodifiableMap(canonical);
    }

    @Provide
    Arbitrary<List<Money>> postings() {
        return money().list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Money> money() {
        // few commodities and small amounts, so that balances often come back to zero; trailing zeros and scales
        return Combinators.combine(Arbitraries.of("EUR", "USD", "AAPL", "", "€"), amounts())
                .as((commodity, amount) -> new Money(amount, commodity));
    }

    @Provide
    Arbitrary<Map<String, BigDecimal>> maps() {
        return Arbitraries.maps(Arbitraries.of("EUR", "USD", "AAPL", "", "B"), amounts()).ofMaxSize(4)
                .map(LinkedHashMap::new);
    }

    private static Arbitrary<BigDecimal> amounts() {
        return Combinators.combine(Arbitraries.longs().between(-30, 30), Arbitraries.integers().between(-1, 3))
                .as(BigDecimal::valueOf);
    }
}
