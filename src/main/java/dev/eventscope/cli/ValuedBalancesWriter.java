package dev.eventscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.audit.CsvWriter;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.domain.ledger.PriceUsed;
import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.domain.ledger.ValuedBalances;
import dev.eventscope.domain.ledger.ValuedLine;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Writes valued balances for {@code balance --value} (one value column) and {@code trial-balance --value} (the value
 * as debit or credit): every line with its amount, its value, the commodity of the value and the price used (or why
 * it has none). Text shows values rounded half-even to the value commodity's places; CSV and JSON give them as
 * computed (at most ten decimal places, as hledger keeps them).
 */
final class ValuedBalancesWriter {

    private final boolean trialBalance;
    private final ToIntFunction<String> places;

    /** {@code places}: the decimal places text shows a value in a commodity with. */
    ValuedBalancesWriter(boolean trialBalance, ToIntFunction<String> places) {
        this.trialBalance = trialBalance;
        this.places = places;
    }

    void write(PrintWriter out, BalancesCommand.Format format, ValuedBalances valued, BalanceQuestion question) throws Exception {
        switch (format) {
            case CSV -> csv(out, valued);
            case JSON -> json(out, valued, question);
            case TEXT -> text(out, valued, question.styles);
        }
    }

    static String target(ValuationTarget target) {
        return target instanceof ValuationTarget.InCommodity in ? in.commodity() : "default";
    }

    private void csv(PrintWriter out, ValuedBalances valued) {
        CsvWriter csv = CsvWriter.withUnixLineEnds(out);
        csv.writeRecord(trialBalance ? new String[] {"account", "commodity", "amount", "debit", "credit", "value_commodity", "price"}
                : new String[] {"account", "commodity", "amount", "value", "value_commodity", "price"});
        for (ValuedLine line : valued.lines()) {
            String amount = line.amount().toPlainString();
            if (trialBalance) {
                csv.writeRecord(line.account(), line.commodity(), amount, exported(Balances.debit(line.value())),
                        exported(Balances.credit(line.value())), line.valueCommodity(), line.priceNote());
            } else {
                csv.writeRecord(line.account(), line.commodity(), amount, exported(line.value()), line.valueCommodity(),
                        line.priceNote());
            }
        }
        csv.flush();
    }

    private void json(PrintWriter out, ValuedBalances valued, BalanceQuestion question) throws Exception {
        ObjectMapper mapper = EventCodec.newObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("asOf", question.asOf == null ? null : question.asOf.toString());
        if (question.atPosition > 0) {
            root.put("atPosition", question.atPosition);
        }
        root.put("valuationDate", valued.date().toString());
        root.put("valueIn", target(valued.target()));
        ArrayNode lines = root.putArray("lines");
        for (ValuedLine line : valued.lines()) {
            ObjectNode row = lines.addObject().put("account", line.account()).put("commodity", line.commodity())
                    .put("amount", line.amount()).put("valueCommodity", line.valueCommodity());
            if (trialBalance) {
                row.put("debit", ValuedBalances.exported(Balances.debit(line.value())))
                        .put("credit", ValuedBalances.exported(Balances.credit(line.value())));
            } else {
                row.put("value", ValuedBalances.exported(line.value()));
            }
            row.put("status", line.status().name());
            line.price().ifPresent(price -> price(row.putObject("price"), price));
            if (line.status() == ValuedLine.Status.NO_PRICE) {
                row.put("note", line.priceNote());
            }
        }
        ArrayNode totals = root.putArray("totals");
        totals(valued).forEach((commodity, sums) -> {
            ObjectNode total = totals.addObject().put("commodity", commodity);
            if (trialBalance) {
                total.put("debit", ValuedBalances.exported(sums[0])).put("credit", ValuedBalances.exported(sums[1]));
            } else {
                total.put("value", ValuedBalances.exported(sums[0].subtract(sums[1])));
            }
        });
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static void price(ObjectNode node, PriceUsed price) {
        node.put("from", price.from()).put("to", price.to()).put("rate", price.rate()).put("description", price.describe());
        ArrayNode steps = node.putArray("steps");
        for (PriceUsed.Step step : price.steps()) {
            steps.addObject().put("date", step.price().date().toString()).put("commodity", step.price().commodity())
                    .put("price", PriceUsed.writtenPrice(step.price())).put("priceCommodity", step.price().price().commodity())
                    .put("reversed", step.reversed());
        }
    }

    private void text(PrintWriter out, ValuedBalances valued, dev.eventscope.domain.ledger.CommodityStyles styles) {
        out.println("Valued on " + valued.date() + (valued.target() instanceof ValuationTarget.InCommodity in
                ? " in " + in.commodity() : " in each commodity's default valuation commodity") + ":");
        TextTable table = trialBalance
                ? new TextTable("ACCOUNT", "AMOUNT", "COMMODITY", "DEBIT", "CREDIT", "IN", "PRICE").alignRight(1).alignRight(3).alignRight(4)
                : new TextTable("ACCOUNT", "AMOUNT", "COMMODITY", "VALUE", "IN", "PRICE").alignRight(1).alignRight(3);
        for (ValuedLine line : valued.lines()) {
            // the amount valued, as the unvalued text shows it (its commodity's style; session 23: "10.0 A", was "10")
            String amount = styles.shown(line.account(), line.commodity(), line.amount()).toPlainString();
            if (trialBalance) {
                table.addRow(line.account(), amount, line.commodity(), shownOrBlank(Balances.debit(line.value()), line.valueCommodity()),
                        shownOrBlank(Balances.credit(line.value()), line.valueCommodity()), line.valueCommodity(), line.priceNote());
            } else {
                table.addRow(line.account(), amount, line.commodity(), shown(line.value(), line.valueCommodity()),
                        line.valueCommodity(), line.priceNote());
            }
        }
        totals(valued).forEach((commodity, sums) -> {
            if (trialBalance) {
                table.addRow("(total)", "", "", shown(sums[0], commodity), shown(sums[1], commodity), commodity, "");
            } else {
                table.addRow("(total)", "", "", shown(sums[0].subtract(sums[1]), commodity), commodity, "");
            }
        });
        table.print(out);
        if (!valued.complete()) {
            out.println("Some balances have no market price on " + valued.date() + " and stay in their own commodity.");
        }
    }

    /** Per value commodity: the sum of positive values (debits) and of negative values as a positive number (credits). */
    private static SortedMap<String, BigDecimal[]> totals(ValuedBalances valued) {
        SortedMap<String, BigDecimal[]> totals = new TreeMap<>();
        for (ValuedLine line : valued.lines()) {
            BigDecimal[] sums = totals.computeIfAbsent(line.valueCommodity(), ignored -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(Balances.debit(line.value()));
            sums[1] = sums[1].add(Balances.credit(line.value()));
        }
        return totals;
    }

    private static String exported(BigDecimal value) {
        return ValuedBalances.exported(value).toPlainString();
    }

    private String shown(BigDecimal value, String commodity) {
        return ValuedBalances.shown(value, places.applyAsInt(commodity)).toPlainString();
    }

    private String shownOrBlank(BigDecimal value, String commodity) {
        return value.signum() == 0 ? "" : shown(value, commodity);
    }
}
