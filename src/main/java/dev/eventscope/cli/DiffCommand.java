package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.BalanceChange;
import dev.eventscope.timetravel.FieldChange;
import dev.eventscope.timetravel.InvalidPoint;
import dev.eventscope.timetravel.Point;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code eventscope diff --ledger FILE --from POINT --to POINT [--stream ID] [--known-at POINT] [--replay]}, or
 * {@code diff --as-of DATE --known-at POINT}: the books as of DATE as known then against as known now.
 */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Shows what changed between two points: balances per account and commodity, or one stream's fields.",
        footer = {"%nPOINT: #1200 (after position 1200), 2025-03-31 (as of an entry date),",
                "@2025-04-02T09:00:00Z (at a recorded time), v12 (after version 12; with --stream), now.",
                "--known-at applies to the date points: --from 2025-03-31 --known-at 2025-04-15 is 31 March as the",
                "ledger stood at the end of 15 April (UTC). --as-of 2025-03-31 --known-at 2025-04-15 alone compares",
                "31 March as known then with 31 March as known now: every restatement of it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The differences were shown (possibly none).",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line or point, or the file is missing or not a ledger."})
public final class DiffCommand implements Callable<Integer> {

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Option(names = "--from", paramLabel = "POINT", description = "The earlier point.")
    private String from;

    @Option(names = "--to", paramLabel = "POINT", description = "The later point (default: now; with --as-of: that date as known now).")
    private String to;

    @Option(names = "--as-of", paramLabel = "DATE", description = "With --known-at and no --from: compare this date as known"
            + " then with it as known now.")
    private LocalDate asOf;

    @Mixin
    private KnownAtOption knownAt;

    @Option(names = "--replay", description = "Answer both points by replaying every event from the first: the reference answer.")
    private boolean replay;

    @Option(names = {"-s", "--stream"}, paramLabel = "ID", description = "Compare this stream's state field by field.")
    private String stream;

    public DiffCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        Point[] points = points();
        Point fromPoint = points[0];
        Point toPoint = points[1];
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerSession session = ledger.openToAsk(sessions)) {
            RecordedPoints.requireRecorded(session, fromPoint, toPoint);
            if (replay) {
                if (stream != null) {
                    printFieldChanges(out, session.fullReplay().diff(StreamId.of(stream), fromPoint, toPoint), fromPoint, toPoint);
                } else {
                    printBalanceChanges(out, session.fullReplay().diff(fromPoint, toPoint), fromPoint, toPoint);
                }
            } else if (stream != null) {
                if (byDate(fromPoint) || byDate(toPoint)) {
                    // an account as of a date is read from the register: the read models must be there and current
                    session.projections().open(ProjectionsCommand.progressBar(spec.commandLine().getErr()));
                }
                printFieldChanges(out, session.timeTravel().diff(StreamId.of(stream), fromPoint, toPoint), fromPoint, toPoint);
            } else {
                session.projections().open(ProjectionsCommand.progressBar(spec.commandLine().getErr()));
                printBalanceChanges(out, session.timeTravel().diff(fromPoint, toPoint), fromPoint, toPoint);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The two points compared: --from and --to (the knowledge point applied to dates), or --as-of known then and now. */
    private Point[] points() {
        if (from == null) {
            if (asOf == null || !knownAt.given()) {
                throw new CommandProblem("Give --from POINT, or --as-of DATE with --known-at POINT to compare that date as"
                        + " known then with it as known now.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            Point then = knownAt.applyTo(new Point.AsOfDate(asOf));
            return new Point[] {then, to == null ? new Point.AsOfDate(asOf) : knownAt.applyTo(parse(to))};
        }
        if (asOf != null) {
            throw new CommandProblem("--as-of and --from both name the earlier point; give one of them.",
                    ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        return new Point[] {knownAt.applyTo(parse(from)), knownAt.applyTo(parse(to == null ? "now" : to))};
    }

    private static Point parse(String text) {
        try {
            return Point.parse(text);
        } catch (InvalidPoint invalid) {
            throw new CommandProblem(invalid.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    private static boolean byDate(Point point) {
        return point instanceof Point.AsOfDate || point instanceof Point.AsKnownAt;
    }

    private void printFieldChanges(PrintWriter out, List<FieldChange> changes, Point fromPoint, Point toPoint) {
        if (changes.isEmpty()) {
            out.println("No field of " + stream + " differs between " + fromPoint + " and " + toPoint + ".");
            return;
        }
        TextTable table = new TextTable("FIELD", "BEFORE", "AFTER");
        changes.forEach(change -> table.addRow(change.path(), blank(change.before()), blank(change.after())));
        table.print(out);
    }

    private static void printBalanceChanges(PrintWriter out, List<BalanceChange> changes, Point fromPoint, Point toPoint) {
        if (changes.isEmpty()) {
            out.println("No balance differs between " + fromPoint + " and " + toPoint + ".");
            return;
        }
        TextTable table = new TextTable("ACCOUNT", "COMMODITY", "BEFORE", "AFTER", "CHANGE")
                .alignRight(2).alignRight(3).alignRight(4);
        changes.forEach(change -> table.addRow(change.account(), change.commodity(),
                change.before().toPlainString(), change.after().toPlainString(), change.change().toPlainString()));
        table.print(out);
    }

    private static String blank(String value) {
        return value == null ? "(none)" : value;
    }

    /** Prints a JSON object's fields one per line as {@code path = value}. */
    static void printJsonFields(PrintWriter out, String json) {
        var codec = BookkeepingCodec.create();
        printNode(out, "", codec.readTree(json));
    }

    private static void printNode(PrintWriter out, String path, com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> printNode(out, path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                printNode(out, path + "[" + i + "]", node.get(i));
            }
        } else {
            out.println("  " + path + " = " + (node.isNumber() ? node.decimalValue().toPlainString()
                    : PrintableText.shortened(node.asText())));
        }
    }
}
