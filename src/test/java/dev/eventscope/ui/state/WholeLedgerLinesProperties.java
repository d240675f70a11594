package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.Balances;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole ledger's lines patched move by move ({@link WholeLedgerLines}) are exactly the lines computed afresh for
 * the balances of each point ({@link WholeLedgerRows#rows}), marked against those of the point before
 * ({@link StateRows#compare}): on random ledgers (accounts two or three levels deep in every section, several
 * commodities, amounts at any scale) and random sequences of long jumps (balances compared in one walk, as after a
 * checkpoint) and small moves (a few register amounts added, as between two near points), where balances appear,
 * vanish, come back, and parents gain and lose their subtotal lines.
 */
class WholeLedgerLinesProperties {

    private static final String[] TOPS = {"assets", "liabilities", "equity", "income", "expenses", "memo"};
    private static final String[] COMMODITIES = {"EUR", "USD", "", "AAPL"};
    private static final Map<String, String> SECTIONS = Map.of("assets", "Assets", "liabilities", "Liabilities",
            "equity", "Equity", "income", "Income", "expenses", "Expenses", "memo", "Other");
    private static final Function<String, String> SECTION_OF = account -> SECTIONS.get(account.split(":")[0]);

    @Property(tries = 300)
    void patched_lines_are_the_lines_computed_afresh_marked_against_the_point_before(@ForAll long seed) {
        Random random = new Random(seed);
        List<String> accounts = accounts(random);
        List<String> commodities = List.of(COMMODITIES).subList(0, 1 + random.nextInt(COMMODITIES.length));
        WholeLedgerLines lines = new WholeLedgerLines(SECTION_OF);
        Balances shown = Balances.empty();
        List<StateRow> freshBefore = null;
        List<StateRow> answeredBefore = null;
        int moves = 1 + random.nextInt(25);
        for (int move = 0; move < moves; move++) {
            Balances now;
            Balances moved = null;
            boolean small = move > 0 && random.nextBoolean();
            if (small) {
                moved = delta(random, shown, accounts, commodities);
                now = shown.plus(moved);
                assertEquals(shown.toFold().addAll(moved).balances(), now, "plus is a fold of both");
            } else {
                now = balances(random, accounts, commodities);
            }
            List<StateRow> fresh = WholeLedgerRows.rows(now, new HashMap<>(), new HashMap<>(), SECTION_OF);
            List<StateRow> answered = small ? lines.moveBy(moved) : lines.moveTo(now);
            // a line said to read as before (so the table is not told of it) is the line shown before, taken over or not
            boolean someReadAsBefore = false;
            for (int index = 0; answeredBefore != null && index < Math.min(answered.size(), answeredBefore.size()); index++) {
                if (((ComparedLines) answered).readsAsBefore(answeredBefore, index)) {
                    assertEquals(answeredBefore.get(index), answered.get(index), "line " + index + " at move " + move);
                    someReadAsBefore = true;
                }
            }
            Statistics.label("some lines read as before").collect(someReadAsBefore);
            List<StateRow> patched = new ArrayList<>(answered);
            assertEquals(StateRows.compare(freshBefore, fresh), patched, "move " + move + (small ? " (small)" : " (jump)"));
            assertEquals(now.lines(), lines.balanceCount(), "balances at move " + move);
            assertEquals(trialBalance(now), text(lines.trialBalance()), "trial balance at move " + move);
            Statistics.label("a line appears or vanishes").collect(patched.stream()
                    .anyMatch(row -> StateRows.ABSENT.equals(row.value()) || StateRows.ABSENT.equals(row.before())));
            shown = now;
            freshBefore = fresh;
            answeredBefore = answered;
        }
    }

    /** A small chart of accounts: shared parents, some accounts with both a balance and sub-accounts. */
    private static List<String> accounts(Random random) {
        List<String> accounts = new ArrayList<>();
        int count = 1 + random.nextInt(14);
        for (int index = 0; index < count; index++) {
            StringBuilder name = new StringBuilder(TOPS[random.nextInt(TOPS.length)]);
            int depth = random.nextInt(3);
            for (int level = 0; level < depth; level++) {
                name.append(':').append("abc".charAt(random.nextInt(3)));
            }
            accounts.add(name.toString());
        }
        return accounts;
    }

    /** Balances at one point: many accounts and commodities empty. */
    private static Balances balances(Random random, List<String> accounts, List<String> commodities) {
        Balances.Fold fold = Balances.fold();
        for (String account : accounts) {
            for (String commodity : commodities) {
                if (random.nextInt(3) > 0) {
                    fold.add(account, commodity, amount(random));
                }
            }
        }
        return fold.balances();
    }

    /** A few register amounts: some cancel a balance shown (it vanishes), some start one (it appears). */
    private static Balances delta(Random random, Balances shown, List<String> accounts, List<String> commodities) {
        Balances.Fold fold = Balances.fold();
        int count = random.nextInt(4);
        for (int index = 0; index < count; index++) {
            String account = accounts.get(random.nextInt(accounts.size()));
            String commodity = commodities.get(random.nextInt(commodities.size()));
            BigDecimal balance = shown.balance(account, commodity);
            fold.add(account, commodity, random.nextInt(3) == 0 ? balance.negate() : amount(random));
        }
        return fold.balances();
    }

    /** Small amounts, often equal, at scales 0 to 3 (1.5 and 1.50 are the same amount), zero now and then. */
    private static BigDecimal amount(Random random) {
        return BigDecimal.valueOf(random.nextInt(9) - 4, random.nextInt(4)).multiply(BigDecimal.TEN.pow(random.nextInt(2)));
    }

    private static Map<String, String> trialBalance(Balances balances) {
        SortedMap<String, BigDecimal> credits = balances.creditTotals();
        Map<String, String> expected = new TreeMap<>();
        balances.debitTotals().forEach((commodity, debit) -> expected.put(commodity,
                MoneyText.of(debit, commodity) + " / " + MoneyText.of(credits.get(commodity), commodity)));
        return expected;
    }

    private static Map<String, String> text(SortedMap<String, BigDecimal[]> trialBalance) {
        Map<String, String> text = new TreeMap<>();
        trialBalance.forEach((commodity, sides) -> text.put(commodity,
                MoneyText.of(sides[0], commodity) + " / " + MoneyText.of(sides[1], commodity)));
        return text;
    }
}
