package dev.eventscope.cli;

import dev.eventscope.domain.ledger.Balances;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.audit.CsvWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.codec.EventCodec;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code eventscope balance --ledger FILE}: every account's balance per commodity, at a date or a position. */
@Command(name = "balance", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = {"Shows every account's balance per commodity (accounts whose balance is zero are left out),"
                + " from the read models (caught up first), or with --replay from every posting.",
                "CSV is exactly: a header 'account,commodity,amount', then one row per account and commodity, sorted,"
                        + " amounts as plain decimals, lines ending in LF."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Shown.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, or not a ledger."})
final class BalanceCommand extends BalancesCommand {

    BalanceCommand(LedgerSessions sessions) {
        super(sessions);
    }

    @Override
    void write(PrintWriter out, Balances balances) throws Exception {
        switch (format) {
            case CSV -> {
                CsvWriter csv = CsvWriter.withUnixLineEnds(out);
                csv.writeRecord("account", "commodity", "amount");
                balances.forEach((account, commodity, amount) -> csv.writeRecord(account, commodity, amount.toPlainString()));
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
                ArrayNode rows = root.putArray("balances");
                balances.forEach((account, commodity, amount) ->
                        rows.addObject().put("account", account).put("commodity", commodity).put("amount", amount));
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            }
            case TEXT -> printText(out, balances);
        }
    }

    private void printText(PrintWriter out, Balances balances) {
        if (balances.isEmpty()) {
            out.println(nothingToShow());
            return;
        }
        TextTable table = new TextTable("ACCOUNT", "AMOUNT", "COMMODITY").alignRight(1);
        // text shows each amount at its commodity's style, or a commodity without one at the places of the prices the
        // account's amounts were inferred from, as hledger does; CSV and JSON keep the exact decimals
        balances.forEach((account, commodity, amount) -> table.addRow(account,
                question.styles.shown(account, commodity, amount).toPlainString(), commodity));
        balances.totals().forEach((commodity, total) -> table.addRow("(total)",
                question.styles.shownTotal(commodity, total).toPlainString(), commodity));
        table.print(out);
    }
}
