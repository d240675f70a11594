package dev.eventscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.audit.CsvWriter;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementCsv;
import dev.eventscope.statement.StatementHtml;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import dev.eventscope.statement.StatementText;
import dev.eventscope.statement.StatementValuation;
import dev.eventscope.domain.ledger.ValuedBalances;
import dev.eventscope.timetravel.Point;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/** {@code eventscope statement balance-sheet|income|trial-balance}: a financial statement with columns per period. */
@Command(name = "statement", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = {"Shows a balance sheet (assets, liabilities, equity at each column's end), an income statement"
                + " (revenues and expenses within each column) or a trial balance, accounts rolled up to --depth, as"
                + " hledger's bse and is --tree --no-elide show them (liabilities, equity and income shown positive).",
                "Answered from the read models (caught up first); --replay folds every posting instead, and --at-position N"
                        + " counts only the events recorded up to position N (both clocks at once, by replay).",
                "CSV is exactly: a header 'section,account,level,commodity,<column>...', then one record per account and"
                        + " commodity, each section's 'total' and the 'Net' (trial balance: 'Total') line; amounts as plain"
                        + " decimals in the shown sign; valued (--value, --market), values at ten places and then one 'price'"
                        + " record per commodity converted with the rate of each column.",
                "--value COMM (hledger's -X COMM) and --market (-V) value each column at its last day's market prices, as"
                        + " hledger 1.25 values multi-period reports at period ends; --value-date D values every column on D."
                        + " The prices used are listed under the table."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Shown.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, or not a ledger."})
final class StatementCommand implements Callable<Integer> {

    enum Format { TEXT, CSV, JSON, HTML }

    /** The one interval option given, if any. */
    static final class Columns {
        @Option(names = {"-M", "--monthly"}, description = "One column per month.")
        boolean monthly;
        @Option(names = {"-Q", "--quarterly"}, description = "One column per quarter.")
        boolean quarterly;
        @Option(names = {"-Y", "--yearly"}, description = "One column per year.")
        boolean yearly;

        Interval interval() {
            return monthly ? Interval.MONTHLY : quarterly ? Interval.QUARTERLY : yearly ? Interval.YEARLY : Interval.NONE;
        }
    }

    private final LedgerSessions sessions;

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOption ledger;

    @Parameters(index = "0", paramLabel = "balance-sheet|income|trial-balance", description = "Which statement.")
    String kind;

    @Option(names = {"-p", "--period"}, paramLabel = "PERIOD", description = "2025, 2025Q1, 2025-03, 2025-03-15, or A..B"
            + " (from the start of A to the start of B, B not included, as in hledger; also written 'from A to B', 'A to B',"
            + " 'A-B', 'in A'); default: every entry.")
    String period = "";

    @Option(names = "--depth", paramLabel = "N", description = "Roll accounts up to N levels (default: every level).")
    int depth;

    @ArgGroup(exclusive = true)
    Columns columns = new Columns();

    @Option(names = "--clock", paramLabel = "entry|recorded", description = "Read column ends by entry date (default) or"
            + " by recorded time (what the ledger held at the end of that day, UTC).")
    String clock = "entry";

    @Option(names = "--replay", description = "Fold every posting for each column instead of reading the read models.")
    boolean replay;

    @Option(names = "--at-position", paramLabel = "N", description = "Count only the events recorded up to position N (by replay).")
    long atPosition;

    @Option(names = "--format", paramLabel = "text|csv|json|html", description = "Output format (default: text).")
    Format format = Format.TEXT;

    /** --value COMM / --market / --value-date: each column valued at its end (or on the date), as hledger's bs/is -X/-V. */
    @Mixin
    ValuationOptions valuation;

    StatementCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() throws Exception {
        StatementRequest request = request();
        Statement statement;
        boolean byReplay = replay || atPosition > 0 || LedgerStoreFactory.isServerLedger(ledger.file());
        if (byReplay && request.clock() == StatementClock.RECORDED) {
            throw new CommandProblem("--clock recorded is answered from the read models; leave out --replay and --at-position.",
                    ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        if (byReplay) {
            try (LedgerSession session = ledger.openReadOnly(sessions)) {
                if (atPosition > 0) {
                    RecordedPoints.requireRecorded(session, new Point.AtPosition(atPosition));
                }
                long upTo = atPosition > 0 ? atPosition : Long.MAX_VALUE;
                valuation.requireKnownCommodity(session, upTo, () -> session.fullReplay().balances(upTo));
                statement = session.statements().replayed(request, upTo);
            }
        } else {
            try (LedgerSession session = ledger.openToAsk(sessions)) {
                session.projections().open(ProjectionsCommand.progressBar(spec.commandLine().getErr()));
                // on the recorded clock the statement stands at the end of its last column: nothing later names a commodity
                long upTo = session.statements().position(request);
                valuation.requireKnownCommodity(session, upTo == session.lastPosition() ? Long.MAX_VALUE : upTo,
                        () -> session.timeTravel().ledgerBalancesAt(upTo == session.lastPosition() ? new Point.Latest()
                                : new Point.AtPosition(upTo)).balances());
                statement = session.statements().draw(request);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        write(out, statement);
        out.flush();
        return ExitCodes.OK;
    }

    private StatementRequest request() {
        if (depth < 0) {
            throw new CommandProblem("--depth must be 0 (every level) or more, not " + depth + ".", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        if (atPosition < 0) {
            throw new CommandProblem("--at-position must be a position of 1 or more.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        StatementClock statementClock = switch (clock.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "entry", "date", "entry-date" -> StatementClock.ENTRY_DATE;
            case "recorded", "recorded-time" -> StatementClock.RECORDED;
            default -> throw new CommandProblem("--clock must be entry or recorded, not \"" + clock + "\".",
                    ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        };
        try {
            return new StatementRequest(StatementKind.ofCommandName(kind), ReportPeriod.parse(period), columns.interval(), depth,
                    statementClock, valuation.forStatement());
        } catch (dev.eventscope.statement.InvalidPeriod unreadable) {
            throw new CommandProblem(unreadable.naming("--period"), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        } catch (IllegalArgumentException wrong) { // no such statement
            throw new CommandProblem(wrong.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    private void write(PrintWriter out, Statement statement) throws Exception {
        switch (format) {
            case TEXT -> out.print(statement.columns().isEmpty() ? "No entries in " + describe() + ".\n" : StatementText.of(statement));
            case HTML -> out.print(StatementHtml.page(statement));
            case CSV -> {
                CsvWriter csv = CsvWriter.withUnixLineEnds(out);
                StatementCsv.records(statement).forEach(csv::writeRecord);
                csv.flush();
            }
            case JSON -> out.println(json(statement));
        }
    }

    private String describe() {
        return period.isBlank() ? "the ledger" : "the period " + period;
    }

    private static String json(Statement statement) throws Exception {
        ObjectMapper mapper = EventCodec.newObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        boolean valued = statement.valuation().isPresent();
        root.put("statement", statement.kind().commandName()).put("title", statement.title()).put("depth", statement.depth());
        ArrayNode columns = root.putArray("columns");
        statement.columns().forEach(column -> columns.addObject().put("label", column.label())
                .put("start", column.start() == null ? null : column.start().toString()).put("end", column.end().toString()));
        ArrayNode sections = root.putArray("sections");
        for (Statement.Section section : statement.sections()) {
            ObjectNode node = sections.addObject().put("name", section.name());
            ArrayNode rows = node.putArray("rows");
            section.rows().forEach(row -> amounts(rows.addObject().put("account", row.account()).put("level", row.level()),
                    row.amounts(), valued));
            amounts(node.putObject("total"), section.totals(), valued);
        }
        amounts(root.putObject(statement.netName().toLowerCase(java.util.Locale.ROOT)), statement.net(), valued);
        statement.valuation().ifPresent(how -> prices(root.putObject("valuation"), how));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** How a statement was valued: per column its day and, per commodity met, the price used (rate and steps) or why none. */
    private static void prices(ObjectNode node, StatementValuation valued) {
        node.put("description", valued.description());
        ArrayNode columns = node.putArray("columns");
        for (StatementValuation.ColumnPrices column : valued.columns()) {
            ObjectNode each = columns.addObject().put("date", column.date().toString());
            ArrayNode prices = each.putArray("prices");
            for (StatementValuation.CommodityPrice price : column.prices()) {
                ObjectNode line = prices.addObject().put("commodity", price.commodity()).put("valueCommodity", price.valueCommodity())
                        .put("status", price.status().name());
                price.price().ifPresent(used -> {
                    line.put("rate", ValuedBalances.exported(used.rate())).put("description", used.describe());
                    ArrayNode steps = line.putArray("steps");
                    used.steps().forEach(step -> steps.addObject().put("date", step.price().date().toString())
                            .put("commodity", step.price().commodity()).put("price", step.price().price().amount())
                            .put("priceCommodity", step.price().price().commodity()).put("reversed", step.reversed()));
                });
            }
        }
    }

    /** Per column, the amounts per commodity as {"EUR": 12.50}. */
    private static void amounts(ObjectNode node, List<SortedMap<String, BigDecimal>> perColumn, boolean valued) {
        ArrayNode columns = node.putArray("amounts");
        perColumn.forEach(amounts -> {
            ObjectNode column = columns.addObject();
            // a value at market prices at ten places, as hledger's JSON gives it (exact amounts are unchanged)
            amounts.forEach((commodity, amount) -> column.put(commodity, valued ? ValuedBalances.exported(amount) : amount));
        });
    }
}
