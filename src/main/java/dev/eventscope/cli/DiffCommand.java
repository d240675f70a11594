package dev.eventscope.cli;

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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope diff --ledger FILE --from POINT --to POINT [--stream ID]}. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Shows what changed between two points: balances per account and commodity, or one stream's fields.",
        footer = {"%nPOINT: #1200 (after position 1200), 2025-03-31 (as of an entry date),",
                "@2025-04-02T09:00:00Z (at a recorded time), v12 (after version 12; with --stream), now."},
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

    @Option(names = "--from", required = true, paramLabel = "POINT", description = "The earlier point.")
    private String from;

    @Option(names = "--to", defaultValue = "now", paramLabel = "POINT", description = "The later point (default: now).")
    private String to;

    @Option(names = {"-s", "--stream"}, paramLabel = "ID", description = "Compare this stream's state field by field.")
    private String stream;

    public DiffCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() {
        Point fromPoint;
        Point toPoint;
        try {
            fromPoint = Point.parse(from);
            toPoint = Point.parse(to);
        } catch (InvalidPoint invalid) {
            throw new CommandProblem(invalid.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerSession session = ledger.openSession(sessions, false)) {
            if (stream != null) {
                if (fromPoint instanceof Point.AsOfDate || toPoint instanceof Point.AsOfDate) {
                    // an account as of a date is read from the register: the read models must be there and current
                    session.projections().open(ProjectionsCommand.progressBar(spec.commandLine().getErr()));
                }
                List<FieldChange> changes = session.timeTravel().diff(StreamId.of(stream), fromPoint, toPoint);
                if (changes.isEmpty()) {
                    out.println("No field of " + stream + " differs between " + fromPoint + " and " + toPoint + ".");
                }
                TextTable table = new TextTable("FIELD", "BEFORE", "AFTER");
                changes.forEach(change -> table.addRow(change.path(), blank(change.before()), blank(change.after())));
                if (!changes.isEmpty()) {
                    table.print(out);
                }
            } else {
                session.projections().open(ProjectionsCommand.progressBar(spec.commandLine().getErr()));
                List<BalanceChange> changes = session.timeTravel().diff(fromPoint, toPoint);
                if (changes.isEmpty()) {
                    out.println("No balance differs between " + fromPoint + " and " + toPoint + ".");
                } else {
                    TextTable table = new TextTable("ACCOUNT", "COMMODITY", "BEFORE", "AFTER", "CHANGE")
                            .alignRight(2).alignRight(3).alignRight(4);
                    changes.forEach(change -> table.addRow(change.account(), change.commodity(),
                            change.before().toPlainString(), change.after().toPlainString(), change.change().toPlainString()));
                    table.print(out);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
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
            out.println("  " + path + " = " + (node.isNumber() ? node.decimalValue().toPlainString() : node.asText()));
        }
    }
}
