package dev.eventscope.sandbox;

import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.domain.ledger.Balances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The ledger "as posted" (the real events up to the sandbox's base) beside "as adjusted" (plus the accepted
 * proposals), counting postings dated on or before {@code asOf} (null: all): the balances, each difference with the
 * proposals that caused it, the trial balance's debit and credit totals, and the effect on profit.
 * {@code asAdjusted} is the base's balances plus the fold of the proposed postings; {@link Sandbox} checks it
 * against a full replay of the overlay before handing it out.
 */
public record Adjustments(long basePosition, LocalDate asOf, Balances asPosted, Balances asAdjusted,
                          List<DecidedProposal> proposals, Function<String, AccountType> typeOf) {

    /** One account and commodity whose balance the proposals change, and which proposals (by number) change it. */
    public record Difference(String account, String commodity, BigDecimal asPosted, BigDecimal asAdjusted,
                             List<Integer> causedBy) {
        public BigDecimal change() {
            return Amounts.normalise(asAdjusted.subtract(asPosted));
        }
    }

    /** Every changed balance, by account then commodity, linked to the proposals that changed it. */
    public List<Difference> differences() {
        List<Difference> differences = new ArrayList<>();
        asAdjusted.minus(asPosted).forEach((account, commodity, change) -> {
            if (change.signum() == 0) {
                return;
            }
            List<Integer> causes = new ArrayList<>();
            for (DecidedProposal proposal : proposals) {
                if (proposal.accepted() && proposal.effect(asOf).balance(account, commodity).signum() != 0) {
                    causes.add(proposal.proposal().number());
                }
            }
            differences.add(new Difference(account, commodity, asPosted.balance(account, commodity),
                    asAdjusted.balance(account, commodity), List.copyOf(causes)));
        });
        return differences;
    }

    /** Per commodity, what the accepted proposals add to income plus expenses (hledger's signs: below zero, profit rises). */
    public SortedMap<String, BigDecimal> effectOnProfit() {
        SortedMap<String, BigDecimal> effect = new TreeMap<>();
        for (Map.Entry<AccountType, SortedMap<String, BigDecimal>> type
                : asAdjusted.minus(asPosted).totalsByType(typeOf).entrySet()) {
            if (type.getKey() == AccountType.INCOME || type.getKey() == AccountType.EXPENSES) {
                type.getValue().forEach((commodity, amount) -> effect.merge(commodity, amount, BigDecimal::add));
            }
        }
        effect.replaceAll((commodity, amount) -> Amounts.normalise(amount));
        effect.values().removeIf(amount -> amount.signum() == 0);
        return effect;
    }

    /** The proposal's own effect on income plus expenses, per commodity. */
    public SortedMap<String, BigDecimal> effectOnProfit(DecidedProposal proposal) {
        SortedMap<String, BigDecimal> effect = new TreeMap<>();
        proposal.effect(asOf).forEach((account, commodity, amount) -> {
            AccountType type = typeOf.apply(account);
            if (type == AccountType.INCOME || type == AccountType.EXPENSES) {
                effect.merge(commodity, amount, BigDecimal::add);
            }
        });
        effect.replaceAll((commodity, amount) -> Amounts.normalise(amount));
        return effect;
    }
}
