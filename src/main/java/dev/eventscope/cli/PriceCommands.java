package dev.eventscope.cli;

import dev.eventscope.domain.ledger.PriceCommand.RecordPrice;
import dev.eventscope.domain.ledger.PriceEvent.PriceRecorded;
import dev.eventscope.domain.ledger.MarketPrices;
import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.journal.PriceInput;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code eventscope price record|list}: the ledger's market prices (hledger's {@code P} directives). */
final class PriceCommands {

    private PriceCommands() {
    }

    @Command(name = "price", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            synopsisSubcommandLabel = "COMMAND",
            description = {"Market prices, as hledger's P directives: what one unit of a commodity was worth on a date.",
                    "Example: price record -l books.ledger --date 2025-01-31 --commodity EUR --price '1.08 USD'"})
    static final class Parent extends ParentCommand {
    }

    /** The {@code price} command with its subcommands. */
    static CommandLine commandLine(LedgerSessions sessions) {
        CommandLine price = new CommandLine(new Parent());
        price.addSubcommand(new Record(sessions));
        price.addSubcommand(new ListPrices(sessions));
        return price;
    }

    @Command(name = "record", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Records a market price: on --date one --commodity was worth --price (a later price of the same"
                    + " day and commodities supersedes it, as in hledger).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.",
                    "2:Wrong command line, a price that cannot be read, or not a ledger.", AccountCommands.REFUSED})
    static final class Record extends LedgerCommandBase {
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", required = true, description = "The day the price holds from.")
        LocalDate date;
        @Option(names = "--commodity", paramLabel = "COMMODITY", required = true, description = "The commodity priced, such as EUR.")
        String commodity;
        @Option(names = "--price", paramLabel = "AMOUNT", required = true,
                description = "What one unit is worth, as a journal amount: '1.08 USD' or '$1.08'.")
        String price;

        private RecordPrice command;

        Record(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        Object command() {
            try {
                command = PriceInput.parse(date, commodity, price);
            } catch (IllegalArgumentException unreadable) {
                throw new CommandProblem(unreadable.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            return command;
        }

        @Override
        String done() {
            return "Recorded the price of " + command.commodity() + " on " + command.date() + ": " + command.price();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Lists every market price in the order recorded, as P directives.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Shown.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, or not a ledger."})
    static final class ListPrices implements Callable<Integer> {
        private final LedgerSessions sessions;
        @Spec
        CommandSpec spec;
        @Mixin
        LedgerOption ledger;

        ListPrices(LedgerSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (LedgerSession session = ledger.openReadOnly(sessions)) {
                MarketPrices prices = session.marketPrices();
                if (prices.isEmpty()) {
                    out.println("The ledger records no market prices.");
                }
                for (PriceRecorded price : prices.recorded()) {
                    out.println("P " + price.date() + " " + price.commodity() + " "
                            + dev.eventscope.domain.ledger.PriceUsed.writtenPrice(price).toPlainString() + " " + price.price().commodity());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
