package dev.eventscope.journal;

import dev.eventscope.domain.ledger.BalancingRule;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.domain.ledger.PriceKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Completes and checks a transaction the way hledger does: fills balance assignments from the running
 * balance, infers the one elided amount per balancing group (one posting per commodity), infers a
 * conversion price for an unpriced two-commodity entry, checks that real postings and balanced virtual
 * postings each balance by the domain's {@link BalancingRule} (at the commodity's display precision), then
 * applies the postings to the running balances and checks assertions in file order.
 *
 * <p>A commodity's display precision is hledger's: declared by a {@code commodity} directive, else the most
 * decimal places of its posting amounts (and {@code P} and {@code D} amounts) in the whole journal. Reading in
 * one pass, the balancer knows only the amounts read so far, which is never more decimal places than the whole
 * journal's, so it accepts every entry hledger accepts; {@link #fixPrecision} gives it the whole journal's
 * precision (found by a first pass) so that it judges exactly as hledger does.
 */
final class TransactionBalancer {

    private final RunningBalances book = new RunningBalances();
    private final Map<String, Integer> inferredPrecision = new LinkedHashMap<>();
    private final Map<String, Integer> declaredPrecision = new LinkedHashMap<>();
    private Map<String, Integer> fixedPrecision;

    /** An amount written with {@code decimalPlaces} in {@code commodity}. */
    void notePrecision(String commodity, int decimalPlaces) {
        inferredPrecision.merge(commodity, decimalPlaces, Math::max);
    }

    /** A {@code commodity} directive's format: it fixes the commodity's precision, whatever amounts are written. */
    void declarePrecision(String commodity, int decimalPlaces) {
        declaredPrecision.put(commodity, decimalPlaces);
    }

    /** From now on, judge with {@code precision} (the whole journal's) instead of the amounts read so far. */
    void fixPrecision(Map<String, Integer> precision) {
        fixedPrecision = Map.copyOf(precision);
    }

    /** The display precision of every commodity seen so far (the whole journal's once it has been read). */
    Map<String, Integer> displayPrecision() {
        if (fixedPrecision != null) {
            return fixedPrecision;
        }
        Map<String, Integer> precision = new LinkedHashMap<>(inferredPrecision);
        precision.putAll(declaredPrecision);
        return precision;
    }

    /**
     * Completes the transaction; when {@code automated} is given, its rules add their postings to the balanced
     * transaction (as {@code hledger --auto} does: after inferring amounts, before balance assertions), and the
     * result must still balance.
     */
    List<JournalPosting> complete(String file, String entryName, int headerLine, List<PostingDraft> drafts,
            String description, AutomatedRules automated) {
        assignBalances(drafts);
        Map<PostingDraft, List<JournalPosting>> completed = new IdentityHashMap<>();
        for (PostingKind group : new PostingKind[] {PostingKind.REAL, PostingKind.BALANCED_VIRTUAL}) {
            List<PostingDraft> members = drafts.stream().filter(draft -> draft.kind == group).collect(Collectors.toList());
            if (!members.isEmpty()) {
                completed.putAll(balanceGroup(file, entryName, headerLine, members));
            }
        }
        List<JournalPosting> postings = new ArrayList<>();
        Map<JournalPosting, PostingDraft> assertedAfter = new IdentityHashMap<>();
        for (PostingDraft draft : drafts) {
            List<JournalPosting> forDraft = completed.get(draft);
            if (forDraft == null && draft.assigned != null) {
                forDraft = draft.assigned.stream().map(amount -> draft.toPosting(amount, null)).collect(Collectors.toList());
            } else if (forDraft == null) {
                Amount amount = draft.amount == null ? new Amount(BigDecimal.ZERO, "") : draft.amount;
                forDraft = List.of(draft.toPosting(amount, draft.price));
            }
            postings.addAll(forDraft);
            if (draft.assertion != null) {
                assertedAfter.put(forDraft.get(forDraft.size() - 1), draft);
            }
        }
        if (automated != null && !automated.isEmpty()) {
            List<JournalPosting> extended = automated.apply(postings, description);
            if (extended.size() != postings.size()) {
                requireBalancedAfterRules(file, entryName, headerLine, extended);
                postings = extended;
            }
        }
        for (JournalPosting posting : postings) {
            book.add(posting.account(), posting.amount());
            PostingDraft asserted = assertedAfter.get(posting);
            if (asserted != null) {
                check(file, asserted);
            }
        }
        return postings;
    }

    private void requireBalancedAfterRules(String file, String entryName, int headerLine, List<JournalPosting> postings) {
        for (PostingKind group : new PostingKind[] {PostingKind.REAL, PostingKind.BALANCED_VIRTUAL}) {
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            postings.stream().filter(posting -> posting.kind() == group)
                    .forEach(posting -> sums.merge(posting.cost().commodity(), posting.cost().quantity(), BigDecimal::add));
            Map<String, BigDecimal> imbalance = BalancingRule.imbalances(sums, displayPrecision());
            if (!imbalance.isEmpty()) {
                String offBy = imbalance.entrySet().stream()
                        .map(entry -> new Amount(entry.getValue(), entry.getKey()).toString())
                        .collect(Collectors.joining(" and "));
                throw new JournalParseException(file, headerLine, 0, entryName + " does not balance once the automated"
                        + " postings are added: its " + (group == PostingKind.REAL ? "" : "balanced virtual ")
                        + "postings add up to " + offBy + " instead of zero, as hledger --auto would also report");
            }
        }
    }

    /**
     * Fills balance assignments ({@code account  = AMOUNT} with no amount) as hledger 1.25 does: {@code =} sets
     * that commodity's balance; {@code ==}, {@code =*} and {@code ==*} set the whole balance (of the account, or of
     * it with its subaccounts) to exactly the asserted amount, so every other commodity it holds is brought to zero
     * and the posting may get one amount per commodity.
     */
    private void assignBalances(List<PostingDraft> drafts) {
        for (int index = 0; index < drafts.size(); index++) {
            PostingDraft draft = drafts.get(index);
            if (draft.amount != null || draft.assertion == null) {
                continue;
            }
            BalanceAssertion assertion = draft.assertion;
            Amount expected = assertion.expected();
            boolean inclusive = assertion.includingSubaccounts();
            Map<String, BigDecimal> current = new TreeMap<>(inclusive ? book.balancesIncludingSubaccounts(draft.account)
                    : book.balances(draft.account));
            for (PostingDraft earlier : drafts.subList(0, index)) {
                boolean sameAccount = earlier.account.equals(draft.account)
                        || (inclusive && earlier.account.startsWith(draft.account + ":"));
                if (sameAccount) {
                    earlier.amounts().forEach(amount -> current.merge(amount.commodity(), amount.quantity(), BigDecimal::add));
                }
            }
            if (!assertion.total() && !inclusive) {
                BigDecimal held = current.getOrDefault(expected.commodity(), BigDecimal.ZERO);
                draft.amount = new Amount(expected.quantity().subtract(held), expected.commodity());
                continue;
            }
            Map<String, BigDecimal> difference = new TreeMap<>();
            current.forEach((commodity, quantity) -> difference.put(commodity, quantity.negate()));
            difference.merge(expected.commodity(), expected.quantity(), BigDecimal::add);
            List<Amount> amounts = new ArrayList<>();
            difference.forEach((commodity, quantity) -> {
                if (quantity.signum() != 0) {
                    amounts.add(new Amount(quantity, commodity));
                }
            });
            if (amounts.isEmpty()) {
                amounts.add(new Amount(BigDecimal.ZERO, expected.commodity()));
            }
            draft.amount = amounts.get(0);
            draft.assigned = amounts.size() > 1 ? List.copyOf(amounts) : null;
        }
    }

    private Map<PostingDraft, List<JournalPosting>> balanceGroup(String file, String entryName, int headerLine, List<PostingDraft> members) {
        List<PostingDraft> elided = members.stream().filter(draft -> draft.amount == null).collect(Collectors.toList());
        if (elided.size() > 1) {
            PostingDraft second = elided.get(1);
            throw new JournalParseException(file, second.line, 0, entryName + " has more than one posting without an amount ("
                    + elided.get(0).account + " on line " + elided.get(0).line + " and " + second.account
                    + " on line " + second.line + "), so neither amount can be inferred");
        }
        Map<String, BigDecimal> imbalance = BalancingRule.imbalances(sumAtCost(members), displayPrecision());
        Map<PostingDraft, List<JournalPosting>> result = new IdentityHashMap<>();
        if (elided.size() == 1) {
            List<Amount> inferred = new ArrayList<>();
            // hledger keeps a multi-commodity amount ordered by commodity symbol, so its postings come in that order.
            new TreeMap<>(imbalance).forEach((commodity, sum) -> inferred.add(new Amount(sum.negate(), commodity)));
            if (inferred.isEmpty()) {
                inferred.add(new Amount(BigDecimal.ZERO, ""));
            }
            PostingDraft draft = elided.get(0);
            result.put(draft, inferred.stream().map(amount -> draft.toPosting(amount, null)).collect(Collectors.toList()));
        }
        boolean inferPrice = elided.isEmpty() && imbalance.size() == 2
                && members.stream().allMatch(draft -> draft.price == null && draft.assigned == null);
        Price conversion = inferPrice ? conversionPrice(members, new ArrayList<>(imbalance.keySet())) : null;
        for (PostingDraft draft : members) {
            if (draft.amount != null) {
                boolean converted = conversion != null && draft.amount.commodity().equals(conversionFrom(members, imbalance));
                result.put(draft, draft.assigned != null
                        ? draft.assigned.stream().map(amount -> draft.toPosting(amount, null)).collect(Collectors.toList())
                        : List.of(draft.toPosting(draft.amount, converted ? conversion : draft.price)));
            }
        }
        if (conversion == null && elided.isEmpty() && !imbalance.isEmpty()) {
            String offBy = imbalance.entrySet().stream()
                    .map(entry -> new Amount(entry.getValue(), entry.getKey()).toString())
                    .collect(Collectors.joining(" and "));
            throw new JournalParseException(file, headerLine, 0, entryName + " does not balance: its "
                    + (members.get(0).kind == PostingKind.REAL ? "" : "balanced virtual ")
                    + "postings add up to " + offBy + " instead of zero");
        }
        return result;
    }

    private static String conversionFrom(List<PostingDraft> members, Map<String, BigDecimal> imbalance) {
        return members.stream().map(draft -> draft.amount.commodity()).filter(imbalance::containsKey).findFirst().orElseThrow();
    }

    /**
     * hledger's rule: the first commodity (in posting order) is converted into the second; its postings
     * get a total price when there is one of them, else a unit price. Returns null when not applicable.
     */
    private Price conversionPrice(List<PostingDraft> members, List<String> commodities) {
        String from = members.stream().map(draft -> draft.amount.commodity())
                .filter(commodities::contains).findFirst().orElseThrow();
        String to = commodities.get(0).equals(from) ? commodities.get(1) : commodities.get(0);
        List<PostingDraft> fromPostings = members.stream()
                .filter(draft -> draft.amount.commodity().equals(from)).collect(Collectors.toList());
        BigDecimal fromSum = fromPostings.stream().map(draft -> draft.amount.quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal toSum = members.stream().filter(draft -> draft.amount.commodity().equals(to))
                .map(draft -> draft.amount.quantity()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (fromSum.signum() == 0 || toSum.signum() == 0 || fromSum.signum() == toSum.signum()) {
            return null;
        }
        if (fromPostings.size() == 1) {
            return new Price(PriceKind.TOTAL, new Amount(toSum.abs(), to));
        }
        Map<String, Integer> precision = displayPrecision();
        int scale = Math.max(2, precision.getOrDefault(from, 0) + precision.getOrDefault(to, 0));
        return new Price(PriceKind.UNIT, new Amount(toSum.divide(fromSum, scale, RoundingMode.HALF_EVEN).abs(), to));
    }

    private Map<String, BigDecimal> sumAtCost(List<PostingDraft> members) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (PostingDraft draft : members) {
            if (draft.assigned != null) {
                draft.assigned.forEach(amount -> sums.merge(amount.commodity(), amount.quantity(), BigDecimal::add));
            } else if (draft.amount != null) {
                Amount cost = draft.price == null ? draft.amount : draft.price.costOf(draft.amount);
                sums.merge(cost.commodity(), cost.quantity(), BigDecimal::add);
            }
        }
        return sums;
    }

    private void check(String file, PostingDraft draft) {
        String account = draft.account;
        BalanceAssertion assertion = draft.assertion;
        Amount expected = assertion.expected();
        Map<String, BigDecimal> held = assertion.includingSubaccounts() ? book.balancesIncludingSubaccounts(account)
                : book.balances(account);
        BigDecimal actual = held.getOrDefault(expected.commodity(), BigDecimal.ZERO);
        if (actual.compareTo(expected.quantity()) != 0) {
            throw new JournalParseException(file, draft.line, draft.assertionColumn, "the balance assertion on " + account
                    + (assertion.includingSubaccounts() ? " and its subaccounts" : "") + " failed: expected " + expected
                    + " but the balance is " + new Amount(actual, expected.commodity()));
        }
        if (assertion.total()) {
            for (Map.Entry<String, BigDecimal> other : held.entrySet()) {
                if (!other.getKey().equals(expected.commodity()) && other.getValue().signum() != 0) {
                    throw new JournalParseException(file, draft.line, draft.assertionColumn, "the total balance assertion on "
                            + account + " failed: expected only " + expected + " but the account also holds "
                            + new Amount(other.getValue(), other.getKey()));
                }
            }
        }
    }
}
