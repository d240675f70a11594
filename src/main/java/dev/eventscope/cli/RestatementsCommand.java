package dev.eventscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.audit.CsvWriter;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.projection.RegisterLine;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.timetravel.BalanceChange;
import dev.eventscope.timetravel.Restatement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code eventscope restatements --ledger FILE --period-end DATE [--known-at POINT] [--format text|csv|json]}. */
@Command(name = "restatements", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        description = {"Lists every change to the figures of the period ending DATE (every balance as of that date)"
                + " recorded after a knowledge point: by default after the period was closed (its first PeriodClosed);"
                + " entry by entry, with who recorded it, when and by which command, and the effect per account (as"
                + " known then, the change, as known now). Read from the read models (caught up first).",
                "CSV is exactly: a header 'kind,position,recorded_at,user,command,entry,reverses,date,account,commodity,"
                        + "amount,as_known_then,as_known_now,description', one 'posting' row per posting, then one"
                        + " 'effect' row per account and commodity, lines ending in LF."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Shown (possibly none).", "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, an unreadable knowledge point, or not a ledger.",
                "4:The period was never closed and no --known-at was given."})
final class RestatementsCommand implements Callable<Integer> {

    enum Format { TEXT, CSV, JSON }

    private final LedgerSessions sessions;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Option(names = "--period-end", required = true, paramLabel = "DATE", description = "The last day of the period, e.g. 2025-03-31.")
    private LocalDate periodEnd;

    @Mixin
    private KnownAtOption knownAt;

    @Option(names = "--format", paramLabel = "text|csv|json", description = "Output format (default: text).")
    private Format format = Format.TEXT;

    RestatementsCommand(LedgerSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Integer call() throws Exception {
        Optional<dev.eventscope.timetravel.Point> knowledge = knownAt.given() ? Optional.of(knownAt.knowledge()) : Optional.empty();
        Restatement restatement;
        try (LedgerSession session = ledger.openToAsk(sessions)) {
            session.projections().open(ProjectionsCommand.progressBar(spec.commandLine().getErr()));
            restatement = session.timeTravel().restatements(periodEnd, knowledge);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case TEXT -> text(out, restatement);
            case CSV -> csv(out, restatement);
            case JSON -> json(out, restatement);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void text(PrintWriter out, Restatement restatement) {
        out.println("Period ending " + restatement.periodEnd() + ", known at #" + restatement.knownAtPosition()
                + restatement.knownAtRecordedAt().map(recorded -> " (" + recorded + ")").orElse("")
                + ": " + restatement.basis() + ".");
        if (restatement.isEmpty()) {
            out.println("Nothing recorded since changed the figures as of " + restatement.periodEnd() + ".");
            return;
        }
        out.println();
        out.println("Recorded since, dated on or before " + restatement.periodEnd() + ":");
        TextTable lines = new TextTable("POSITION", "RECORDED", "BY", "COMMAND", "ENTRY", "DATE", "ACCOUNT", "AMOUNT",
                "COMMODITY", "DESCRIPTION").alignRight(0).alignRight(7);
        for (RegisterLine line : restatement.lines()) {
            lines.addRow(Long.toString(line.position()), recordedAt(line).toString(), line.user(), blank(line.command()),
                    line.entryId() + (line.reversesEntryId() == null ? "" : " (reverses " + line.reversesEntryId() + ")"),
                    line.date().toString(), line.account(), line.amount().toPlainString(), line.commodity(), line.description());
        }
        lines.print(out);
        out.println();
        out.println("Effect per account:");
        TextTable effect = new TextTable("ACCOUNT", "COMMODITY", "AS KNOWN THEN", "CHANGE", "AS KNOWN NOW")
                .alignRight(2).alignRight(3).alignRight(4);
        for (BalanceChange change : restatement.effect()) {
            effect.addRow(change.account(), change.commodity(), change.before().toPlainString(), change.change().toPlainString(),
                    change.after().toPlainString());
        }
        effect.print(out);
    }

    private static void csv(PrintWriter out, Restatement restatement) {
        CsvWriter csv = CsvWriter.withUnixLineEnds(out);
        csv.writeRecord("kind", "position", "recorded_at", "user", "command", "entry", "reverses", "date", "account",
                "commodity", "amount", "as_known_then", "as_known_now", "description");
        for (RegisterLine line : restatement.lines()) {
            csv.writeRecord("posting", Long.toString(line.position()), recordedAt(line).toString(), line.user(),
                    blank(line.command()), line.entryId(), line.reversesEntryId() == null ? "" : line.reversesEntryId(),
                    line.date().toString(), line.account(), line.commodity(), line.amount().toPlainString(), "", "",
                    line.description());
        }
        for (BalanceChange change : restatement.effect()) {
            csv.writeRecord("effect", "", "", "", "", "", "", "", change.account(), change.commodity(),
                    change.change().toPlainString(), change.before().toPlainString(), change.after().toPlainString(), "");
        }
        csv.flush();
    }

    private static void json(PrintWriter out, Restatement restatement) throws Exception {
        ObjectMapper mapper = EventCodec.newObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("periodEnd", restatement.periodEnd().toString());
        root.put("knownAtPosition", restatement.knownAtPosition());
        root.put("knownAtRecordedAt", restatement.knownAtRecordedAt().map(Object::toString).orElse(null));
        root.put("basis", restatement.basis());
        ArrayNode postings = root.putArray("postings");
        for (RegisterLine line : restatement.lines()) {
            postings.addObject().put("position", line.position()).put("recordedAt", recordedAt(line).toString())
                    .put("user", line.user()).put("command", line.command()).put("entry", line.entryId())
                    .put("reverses", line.reversesEntryId()).put("date", line.date().toString()).put("account", line.account())
                    .put("commodity", line.commodity()).put("amount", line.amount()).put("description", line.description());
        }
        ArrayNode effect = root.putArray("effect");
        for (BalanceChange change : restatement.effect()) {
            effect.addObject().put("account", change.account()).put("commodity", change.commodity())
                    .put("asKnownThen", change.before()).put("change", change.change()).put("asKnownNow", change.after());
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static Instant recordedAt(RegisterLine line) {
        return Instant.EPOCH.plus(line.recordedAtMicros(), java.time.temporal.ChronoUnit.MICROS);
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
