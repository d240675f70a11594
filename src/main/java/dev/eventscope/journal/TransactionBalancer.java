package dev.eventscope.journal;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.domain.ledger.BalancingRule;
import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.domain.ledger.PriceKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Completes and checks a transaction the way hledger does: infers the one elided amount per balancing group (one
 * posting per commodity), infers a conversion price for an unpriced two-commodity entry, and checks that real
 * postings and balanced virtual postings each balance by the domain's {@link BalancingRule} (at the commodity's
 * display precision). Balance assertions and assignments are hledger's too, in date order: a first, checking
 * reading records the journal for {@link DatedBalanceCheck}, which checks the assertions and finds the assigned
 * amounts; a second reading takes those amounts ({@link #checked}).
 *
 * <p>A commodity's display precision is hledger's: declared by a {@code commodity} directive, else the most
 * decimal places of its posting amounts (and {@code P} and {@code D} amounts) in the whole journal. Reading in
 * one pass, the balancer knows only the directives and amounts read so far: usually fewer decimal places than the
 * whole journal's, but more when a {@code commodity} directive further on declares fewer (a commodity file included
 * after the transactions). So the checking reading does not refuse an entry that does not balance at the precision
 * known so far: it judges it again at the whole journal's precision when it ends ({@link #finishChecking}), and
 * refuses it only then (until session 18 it refused it at once, a valid journal hledger reads); the second reading
 * balances at the whole journal's precision ({@link #checked}, {@link #fixPrecision}), exactly as hledger does.
 */
final class TransactionBalancer {

    /** The kinds of posting that must balance, each among itself. */
    private static final PostingKind[] BALANCED_KINDS = {PostingKind.REAL, PostingKind.BALANCED_VIRTUAL};

    private DatedBalanceCheck collector;
    private AssignedAmounts assigned = AssignedAmounts.NONE;
    private long transactions;
    private final Map<String, Integer> inferredPrecision = new LinkedHashMap<>();
    private final Map<String, Integer> declaredPrecision = new LinkedHashMap<>();
    /** The last {@code D} directive's commodity and places (hledger 1.25 keeps one), or empty. */
    private Map<String, Integer> defaultCommodityPrecision = Map.of();
    private Map<String, Integer> fixedPrecision;
    /**
     * Entries the checking reading found unbalanced before the whole journal's precision was known, with their sums
     * at cost: judged again when it ends ({@link #finishChecking}).
     */
    private final List<DeferredImbalance> deferredImbalances = new ArrayList<>();

    /** The refusal is made only if it is thrown: a journal may hold many such entries, and each stack trace costs. */
    private record DeferredImbalance(Supplier<JournalParseException> refusal, Map<String, BigDecimal> sums) {
    }

    /** {@link #displayPrecision()} while reading, kept until an amount or directive changes it (null: to be made). */
    private Map<String, Integer> precisionSoFar;

    /**
     * The transaction a message names: "the transaction on DATE "DESCRIPTION"", made only for a message (not once
     * per transaction read).
     */
    record EntryName(LocalDate date, String description) {
        @Override
        public String toString() {
            return "the transaction on " + date + (description.isEmpty() ? "" : " \"" + PrintableText.shortened(description) + "\"");
        }
    }

    /** An amount written with {@code decimalPlaces} in {@code commodity}. */
    void notePrecision(String commodity, int decimalPlaces) {
        Integer known = inferredPrecision.get(commodity);
        if (known == null || known < decimalPlaces) {
            inferredPrecision.put(commodity, decimalPlaces);
            precisionSoFar = null;
        }
    }

    /** A {@code commodity} directive's format: it fixes the commodity's precision, whatever amounts are written. */
    void declarePrecision(String commodity, int decimalPlaces) {
        declaredPrecision.put(commodity, decimalPlaces);
        precisionSoFar = null;
    }

    /**
     * A {@code D} directive's sample: as in hledger 1.25 ({@code journalCommodityStyles}: declared, then the default
     * commodity's, then inferred styles) its places style the commodity over every amount written in it, and a
     * {@code commodity} directive's over them; only the journal's last {@code D} counts.
     */
    void defaultCommodityPrecision(String commodity, int decimalPlaces) {
        defaultCommodityPrecision = Map.of(commodity, decimalPlaces);
        precisionSoFar = null;
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
        if (precisionSoFar == null) {
            Map<String, Integer> precision = new LinkedHashMap<>(inferredPrecision);
            precision.putAll(defaultCommodityPrecision);
            precision.putAll(declaredPrecision);
            precisionSoFar = Collections.unmodifiableMap(precision);
        }
        return precisionSoFar;
    }

    /** A balanced transaction's postings, and which of them came from which draft (an elided one may give several). */
    record Balanced(List<JournalPosting> postings, Map<PostingDraft, List<JournalPosting>> byDraft,
                    Map<JournalPosting, PostingDraft> assertedAfter) {
    }

    /**
     * Completes the next transaction ({@code date} is its date). While checking ({@link #checking}), a transaction
     * with a balance assignment is kept for the date-order walk and returned with provisional amounts (the
     * assignment's own amount, zero where elided), and every other one is balanced and recorded for it; once the
     * journal is checked ({@link #checked}), assignments take the amounts the walk gave them. When {@code
     * automated} is given, its rules add their postings to the balanced transaction (as {@code hledger --auto}
     * does: after inferring amounts, before balance assertions), and the result must still balance.
     */
    List<JournalPosting> complete(String file, EntryName entryName, int headerLine, List<PostingDraft> drafts,
            String description, AutomatedRules automated, LocalDate date) {
        long sequence = ++transactions;
        boolean assigns = false;
        for (PostingDraft draft : drafts) {
            assigns |= draft.amount == null && draft.assertion != null;
        }
        if (assigns) {
            // hledger 1.25 removes every price of a transaction with a balance assignment before it fills and balances
            // it (an elided amount then takes each commodity as it is), and prints the transaction without them
            for (PostingDraft draft : drafts) {
                draft.price = null;
            }
        }
        if (collector != null && assigns) {
            collector.defer(date, new DatedBalanceCheck.Deferred(sequence, file, entryName, headerLine, drafts,
                    description, automated));
            return drafts.stream().map(draft -> draft.toPosting(draft.amount != null ? draft.amount
                    : draft.assertion != null ? draft.assertion.expected() : new Amount(BigDecimal.ZERO, ""), draft.price))
                    .collect(Collectors.toList());
        }
        if (assigns) {
            assigned.fill(sequence, file, headerLine, drafts);
        }
        Balanced balanced = balance(file, entryName, headerLine, drafts, description, automated);
        if (collector != null) {
            collector.record(file, date, balanced.postings(), balanced.assertedAfter());
        }
        return balanced.postings();
    }

    /** From now on, transactions are recorded for {@link #finishChecking()}. */
    void checking() {
        collector = new DatedBalanceCheck();
    }

    /** Checks assertions and fills assignments in date order over everything recorded since {@link #checking()}. */
    AssignedAmounts finishChecking() {
        // hledger balances every transaction before it checks any assertion: the first entry that does not balance at
        // the whole journal's precision is refused first
        for (DeferredImbalance deferred : deferredImbalances) {
            if (!BalancingRule.imbalances(deferred.sums(), displayPrecision()).isEmpty()) {
                throw deferred.refusal().get();
            }
        }
        deferredImbalances.clear();
        // the walk balances each transaction with an assignment at the whole journal's precision, and refuses at once
        DatedBalanceCheck walk = collector;
        collector = null;
        return walk.finish(this).atPrecision(displayPrecision());
    }

    /**
     * Assignments take {@code amounts}, found by an earlier checking reading of the same journal, and entries balance at
     * the whole journal's precision it found (every reader of journals, as hledger and the import do).
     */
    void checked(AssignedAmounts amounts) {
        assigned = amounts;
        if (amounts.displayPrecision() != null) {
            fixPrecision(amounts.displayPrecision());
        }
    }

    /** Infers elided amounts and checks that the transaction balances; every assignment has its amount by now. */
    Balanced balance(String file, EntryName entryName, int headerLine, List<PostingDraft> drafts,
            String description, AutomatedRules automated) {
        Map<PostingDraft, List<JournalPosting>> completed = new IdentityHashMap<>();
        for (PostingKind group : BALANCED_KINDS) {
            List<PostingDraft> members = new ArrayList<>(drafts.size());
            for (PostingDraft draft : drafts) {
                if (draft.kind == group) {
                    members.add(draft);
                }
            }
            if (!members.isEmpty()) {
                balanceGroup(file, entryName, headerLine, members, completed);
            }
        }
        List<JournalPosting> postings = new ArrayList<>();
        Map<JournalPosting, PostingDraft> assertedAfter = new IdentityHashMap<>();
        for (PostingDraft draft : drafts) {
            List<JournalPosting> forDraft = completed.get(draft);
            if (forDraft == null && draft.assigned != null) {
                forDraft = postings(draft, draft.assigned);
            } else if (forDraft == null) {
                Amount amount = draft.amount == null ? new Amount(BigDecimal.ZERO, "") : draft.amount;
                forDraft = List.of(draft.toPosting(amount, draft.price));
            }
            completed.put(draft, forDraft);
            postings.addAll(forDraft);
            if (draft.assertion != null) {
                assertedAfter.put(forDraft.get(forDraft.size() - 1), draft);
            }
        }
        if (automated != null && !automated.isEmpty()) {
            List<JournalPosting> extended = automated.apply(postings, description, entryName.date());
            if (extended.size() != postings.size()) {
                requireBalancedAfterRules(file, entryName, headerLine, extended);
                postings = extended;
            }
        }
        return new Balanced(postings, completed, assertedAfter);
    }

    private void requireBalancedAfterRules(String file, EntryName entryName, int headerLine, List<JournalPosting> postings) {
        for (PostingKind group : BALANCED_KINDS) {
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

    /** Puts each member's postings into {@code result}: the group's members balanced, an elided amount inferred. */
    private void balanceGroup(String file, EntryName entryName, int headerLine, List<PostingDraft> members,
            Map<PostingDraft, List<JournalPosting>> result) {
        List<PostingDraft> elided = new ArrayList<>(1);
        boolean unpriced = true;
        for (PostingDraft draft : members) {
            if (draft.amount == null) {
                elided.add(draft);
            }
            unpriced &= draft.price == null && draft.assigned == null;
        }
        if (elided.size() > 1) {
            PostingDraft second = elided.get(1);
            throw new JournalParseException(file, second.line, 0, entryName + " has more than one posting without an amount ("
                    + elided.get(0).account + " on line " + elided.get(0).line + " and " + second.account
                    + " on line " + second.line + "), so neither amount can be inferred",
                    new JournalParseException.TwoAmountsMissing(elided.get(0).account, elided.get(0).line, second.account,
                            second.line));
        }
        Map<String, BigDecimal> imbalance = BalancingRule.imbalances(sumAtCost(members), displayPrecision());
        if (elided.size() == 1) {
            List<Amount> inferred = new ArrayList<>();
            // hledger keeps a multi-commodity amount ordered by commodity symbol, so its postings come in that order.
            new TreeMap<>(imbalance).forEach((commodity, sum) -> inferred.add(new Amount(sum.negate(), commodity)));
            if (inferred.isEmpty()) {
                inferred.add(new Amount(BigDecimal.ZERO, ""));
            }
            result.put(elided.get(0), postings(elided.get(0), inferred));
        }
        boolean inferPrice = elided.isEmpty() && imbalance.size() == 2 && unpriced;
        Price conversion = inferPrice ? conversionPrice(members, new ArrayList<>(imbalance.keySet())) : null;
        for (PostingDraft draft : members) {
            if (draft.amount != null) {
                boolean converted = conversion != null && draft.amount.commodity().equals(conversionFrom(members, imbalance));
                result.put(draft, draft.assigned != null ? postings(draft, draft.assigned)
                        : List.of(draft.toPosting(draft.amount, converted ? conversion : draft.price)));
            }
        }
        if (conversion == null && elided.isEmpty() && !imbalance.isEmpty()) {
            String offBy = imbalance.entrySet().stream()
                    .map(entry -> new Amount(entry.getValue(), entry.getKey()).toString())
                    .collect(Collectors.joining(" and "));
            boolean virtual = members.get(0).kind != PostingKind.REAL;
            Supplier<JournalParseException> refusal = () -> new JournalParseException(file, headerLine, 0, entryName
                    + " does not balance: its " + (virtual ? "balanced virtual " : "") + "postings add up to " + offBy
                    + " instead of zero", new JournalParseException.Unbalanced(virtual, offBy));
            if (collector == null || fixedPrecision != null) {
                throw refusal.get();
            }
            // the precision read so far may be more than the whole journal's (a commodity directive further on)
            deferredImbalances.add(new DeferredImbalance(refusal, sumAtCost(members)));
        }
    }

    /** The postings of {@code draft} with {@code amounts}, unpriced (an inferred or assigned amount has no price). */
    private static List<JournalPosting> postings(PostingDraft draft, List<Amount> amounts) {
        List<JournalPosting> postings = new ArrayList<>(amounts.size());
        for (Amount amount : amounts) {
            postings.add(draft.toPosting(amount, null));
        }
        return postings;
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
        int displayed = Math.max(2, precision.getOrDefault(from, 0) + precision.getOrDefault(to, 0));
        return new Price(PriceKind.UNIT, new Amount(inferredUnitPrice(toSum, fromSum, displayed), to));
    }

    /** Decimal places of an inferred unit price: hledger divides its {@code Decimal}s to 255 places (a {@code Word8}). */
    static final int INFERRED_UNIT_PRICE_PLACES = 255;

    /**
     * The unit price hledger 1.25 infers for an unpriced two-commodity entry whose first commodity has several postings:
     * the other commodity's sum divided by this one's, to 255 decimal places rounded half to even, as hledger's
     * {@code Decimal} division gives it; hledger shows it at its display precision, {@code max 2 (from + to)} places
     * ({@code displayedPlaces}), so an exact quotient keeps at least those places ({@code 1.10}), a longer one all of its.
     * Until session 18 the import kept only the display precision's places, so {@code 3 x EUR 20} against
     * {@code USD -20} cost 3 x 20 x 0.33 = 19.80 USD: refused once USD was written with cents elsewhere in the journal,
     * and otherwise recorded with a price hledger does not use.
     */
    static BigDecimal inferredUnitPrice(BigDecimal toSum, BigDecimal fromSum, int displayedPlaces) {
        BigDecimal price = toSum.divide(fromSum, INFERRED_UNIT_PRICE_PLACES, RoundingMode.HALF_EVEN).abs().stripTrailingZeros();
        return price.scale() < displayedPlaces ? price.setScale(displayedPlaces) : price;
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
}
