package dev.eventscope.domain.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalancesTest {

    private static final List<String> ACCOUNTS = List.of("assets:bank:checking", "assets:bank:savings", "assets:cash",
            "liabilities:card", "income:sales", "expenses:rent", "expenses:food:lunch", "equity:opening");
    private static final List<String> COMMODITIES = List.of("EUR", "USD", "");

    record Post(String account, String commodity, BigDecimal amount) {
    }

    @Provide
    Arbitrary<List<Post>> postings() {
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000"))
                .ofScale(2);
        return Combinators.combine(Arbitraries.of(ACCOUNTS), Arbitraries.of(COMMODITIES), amounts).as(Post::new)
                .list().ofMaxSize(40);
    }

    /** Postings that balance: each one paired with its opposite on another account. */
    @Provide
    Arbitrary<List<Post>> balancedPostings() {
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000"))
                .ofScale(3);
        return Combinators.combine(Arbitraries.of(ACCOUNTS), Arbitraries.of(ACCOUNTS), Arbitraries.of(COMMODITIES), amounts)
                .as((from, to, commodity, amount) -> List.of(new Post(from, commodity, amount), new Post(to, commodity, amount.negate())))
                .list().ofMaxSize(20).map(pairs -> pairs.stream().flatMap(List::stream).toList());
    }

    private static Balances fold(List<Post> postings) {
        Balances.Fold fold = Balances.fold();
        postings.forEach(post -> fold.add(post.account(), post.commodity(), post.amount()));
        return fold.balances();
    }

    /** The plain reference: sums in nested maps, zeros dropped by compareTo. */
    private static SortedMap<String, SortedMap<String, BigDecimal>> reference(List<Post> postings) {
        SortedMap<String, SortedMap<String, BigDecimal>> sums = new TreeMap<>();
        postings.forEach(post -> sums.computeIfAbsent(post.account(), a -> new TreeMap<>())
                .merge(post.commodity(), post.amount(), BigDecimal::add));
        SortedMap<String, SortedMap<String, BigDecimal>> result = new TreeMap<>();
        sums.forEach((account, perCommodity) -> perCommodity.forEach((commodity, amount) -> {
            if (amount.signum() != 0) {
                result.computeIfAbsent(account, a -> new TreeMap<>()).put(commodity, Amounts.normalise(amount));
            }
        }));
        return result;
    }

    @Property
    void the_fold_equals_plain_sums(@ForAll("postings") List<Post> postings) {
        assertEquals(reference(postings), fold(postings).asMap());
    }

    /** Some postings taken back (whole accounts or single commodities fall to zero); the value taken first stays as it was. */
    @Property
    void balances_leave_out_what_fell_to_zero_and_stay_as_taken(@ForAll("postings") List<Post> postings,
                                                                 @ForAll("postings") List<Post> later) {
        List<Post> all = new java.util.ArrayList<>(postings);
        for (int index = 0; index < postings.size(); index += 2) {
            Post post = postings.get(index);
            all.add(new Post(post.account(), post.commodity(), post.amount().negate()));
        }
        Balances.Fold fold = Balances.fold();
        all.forEach(post -> fold.add(post.account(), post.commodity(), post.amount()));
        Balances taken = fold.balances();
        assertEquals(reference(all), taken.asMap());
        later.forEach(post -> fold.add(post.account(), post.commodity(), post.amount()));
        assertEquals(reference(all), taken.asMap(), "the value does not follow the fold");
        List<Post> both = new java.util.ArrayList<>(all);
        both.addAll(later);
        assertEquals(reference(both), fold.balances().asMap());
    }

    @Property
    void adding_a_difference_gives_the_later_balances(@ForAll("postings") List<Post> first,
                                                       @ForAll("postings") List<Post> second) {
        Balances before = fold(first);
        Balances after = fold(second);
        Balances difference = after.minus(before);
        assertEquals(after, before.toFold().addAll(difference).balances());
        assertEquals(Balances.empty(), after.minus(after));
    }

    @Property
    void plus_one_posting_at_a_time_equals_the_fold(@ForAll("postings") List<Post> postings) {
        Balances balances = Balances.empty();
        for (Post post : postings) {
            balances = balances.plus(post.account(), new Money(post.amount(), post.commodity()));
        }
        assertEquals(fold(postings), balances);
    }

    @Property
    void rolled_up_top_level_accounts_hold_the_leaf_totals(@ForAll("postings") List<Post> postings) {
        Balances leaves = fold(postings);
        Balances rolled = leaves.rolledUp();
        Balances.Fold topLevel = Balances.fold();
        rolled.forEach((account, commodity, amount) -> {
            if (!account.contains(":")) {
                topLevel.add("", commodity, amount);
            }
        });
        assertEquals(nonZero(leaves.totals()), topLevel.balances().account(""));
        leaves.forEach((account, commodity, amount) -> assertEquals(amount, leaves.balance(account, commodity)));
    }

    @Property
    void balanced_postings_have_equal_debit_and_credit_totals(@ForAll("balancedPostings") List<Post> postings) {
        Balances balances = fold(postings);
        assertEquals(nonZero(balances.debitTotals()), nonZero(balances.creditTotals()));
        assertTrue(balances.totals().values().stream().allMatch(total -> total.signum() == 0));
    }

    @Property
    void type_totals_add_up_to_the_totals(@ForAll("postings") List<Post> postings) {
        Balances balances = fold(postings);
        Balances.Fold sum = Balances.fold();
        balances.totalsByType(account -> AccountType.of(new AccountName(account)))
                .forEach((type, totals) -> totals.forEach((commodity, amount) -> sum.add("", commodity, amount)));
        assertEquals(nonZero(balances.totals()), sum.balances().account(""));
    }

    private static Map<String, BigDecimal> nonZero(Map<String, BigDecimal> totals) {
        Map<String, BigDecimal> result = new TreeMap<>();
        totals.forEach((commodity, amount) -> {
            if (amount.signum() != 0) {
                result.put(commodity, amount);
            }
        });
        return result;
    }

    @Test
    void a_parent_holds_its_own_postings_and_its_childrens() {
        Balances balances = Balances.of(Map.of(
                "assets:bank:checking", Map.of("EUR", new BigDecimal("100.00")),
                "assets:bank", Map.of("EUR", new BigDecimal("5")),
                "assets:cash", Map.of("EUR", new BigDecimal("-5"), "USD", new BigDecimal("2.50"))));
        Balances rolled = balances.rolledUp();
        assertEquals(new BigDecimal("100"), rolled.balance("assets", "EUR"));
        assertEquals(new BigDecimal("105"), rolled.balance("assets:bank", "EUR"));
        assertEquals(new BigDecimal("2.5"), rolled.balance("assets", "USD"));
        assertEquals(Map.of("EUR", new BigDecimal("105"), "USD", new BigDecimal("2.5")), balances.debitTotals());
        assertEquals(Map.of("EUR", new BigDecimal("5")), nonZero(balances.creditTotals()));
    }

    @Test
    void equal_balances_are_equal_whatever_their_scale_and_zeros() {
        Balances withZeros = Balances.of(Map.of("a:b", Map.of("EUR", new BigDecimal("10.50"), "USD", BigDecimal.ZERO),
                "c", Map.of("EUR", new BigDecimal("0.00"))));
        assertEquals(Balances.of(Map.of("a:b", Map.of("EUR", new BigDecimal("10.5")))), withZeros);
        assertEquals(1, withZeros.lines());
        assertTrue(Balances.of(Map.of("c", Map.of("EUR", BigDecimal.ZERO))).isEmpty());
    }
}
