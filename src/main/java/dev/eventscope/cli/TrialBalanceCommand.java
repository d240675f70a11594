package dev.eventscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.audit.CsvWriter;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeSet;

/** {@code eventscope trial-balance --ledger FILE}: debits and credits per account and commodity, with totals. */
@Command(name = "trial-balance", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = {"Shows the trial balance: each account's balance per commodity as a debit (positive) or a credit"
                + " (negative), with the totals per commodity, from the read models (caught up first), or with --replay"
                + " from every posting.",
                "CSV is exactly: a header 'account,commodity,debit,credit', then one row per account and commodity,"
                        + " sorted, amounts as plain decimals (0 on the other side), lines ending in LF."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Shown.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, or not a ledger."})
final class TrialBalanceCommand extends BalancesCommand {

    TrialBalanceCommand(LedgerSessions sessions) {
        super(sessions);
    }

    @Override
    boolean valuedAsTrialBalance() {
        return true;
    }

    @Override
    void write(PrintWriter out, Balances balances) throws Exception {
        SortedMap<String, BigDecimal> debits = balances.debitTotals();
        SortedMap<String, BigDecimal> credits = balances.creditTotals();
        switch (format) {
            case CSV -> {
                CsvWriter csv = CsvWriter.withUnixLineEnds(out);
                csv.writeRecord("account", "commodity", "debit", "credit");
                balances.forEach((account, commodity, amount) -> csv.writeRecord(account, commodity,
                        Balances.debit(amount).toPlainString(), Balances.credit(amount).toPlainString()));
                csv.flush();
            }
            case JSON -> {
                ObjectMapper mapper = EventCodec.newObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("asOf", question.asOf == null ? null : question.asOf.toString());
                if (question.atPosition > 0) {
                    root.put("atPosition", question.atPosition);
                }
                if (question.knownAt.given()) {
                    root.put("knownAt", question.knownAt.knownAt);
                }
                ArrayNode rows = root.putArray("lines");
                balances.forEach((account, commodity, amount) -> rows.addObject().put("account", account)
                        .put("commodity", commodity).put("debit", Balances.debit(amount)).put("credit", Balances.credit(amount)));
                ArrayNode totals = root.putArray("totals");
                for (String commodity : commodities(debits, credits)) {
                    totals.addObject().put("commodity", commodity).put("debit", debits.getOrDefault(commodity, BigDecimal.ZERO))
                            .put("credit", credits.getOrDefault(commodity, BigDecimal.ZERO));
                }
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
            case TEXT -> printText(out, balances, debits, credits);
        }
    }

    private void printText(PrintWriter out, Balances balances, SortedMap<String, BigDecimal> debits,
                           SortedMap<String, BigDecimal> credits) {
        if (balances.isEmpty()) {
            out.println(nothingToShow());
            return;
        }
        TextTable table = new TextTable("ACCOUNT", "COMMODITY", "DEBIT", "CREDIT").alignRight(2).alignRight(3);
        // text shows each amount at its commodity's style, or a commodity without one at the places of the prices the
        // account's amounts were inferred from, as hledger does; CSV and JSON keep the exact decimals
        dev.eventscope.domain.ledger.CommodityStyles styles = question.styles;
        balances.forEach((account, commodity, amount) -> table.addRow(account, commodity,
                blankIfZero(styles.shown(account, commodity, Balances.debit(amount))),
                blankIfZero(styles.shown(account, commodity, Balances.credit(amount)))));
        for (String commodity : commodities(debits, credits)) {
            table.addRow("(total)", commodity, styles.shownTotal(commodity, debits.getOrDefault(commodity, BigDecimal.ZERO)).toPlainString(),
                    styles.shownTotal(commodity, credits.getOrDefault(commodity, BigDecimal.ZERO)).toPlainString());
        }
        table.print(out);
    }

    private static TreeSet<String> commodities(SortedMap<String, BigDecimal> debits, SortedMap<String, BigDecimal> credits) {
        TreeSet<String> commodities = new TreeSet<>(debits.keySet());
        commodities.addAll(credits.keySet());
        return commodities;
    }

    private static String blankIfZero(BigDecimal amount) {
        return amount.signum() == 0 ? "" : amount.toPlainString();
    }
}
