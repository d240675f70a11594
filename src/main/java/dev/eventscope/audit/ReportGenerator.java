package dev.eventscope.audit;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.EventCursor;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.eventstore.IntegrityReport;
import dev.eventscope.eventstore.RecordedEvent;

import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes an audit report of a ledger in bounded memory: it verifies the hash chain, then reads the
 * events twice through the store's cursor, first to count, fold balances and collect flagged
 * corrections, then to stream the rows in scope to the chosen format. Both passes stop at the
 * position the verification read through, so a report made while someone posts describes one
 * consistent ledger. Never changes the store.
 */
public final class ReportGenerator {

    /** At most this many flagged corrections are listed; the total is always stated. */
    public static final int FLAGGED_CAP = 1_000;
    private static final long PROGRESS_EVERY = 10_000;

    private final EventCodec codec;
    private final java.util.function.Function<EventStore, ReportWorkbench> workbench;
    private final boolean statements;

    public ReportGenerator(EventCodec codec) {
        this(codec, store -> ReportWorkbench.NONE, false);
    }

    private ReportGenerator(EventCodec codec, java.util.function.Function<EventStore, ReportWorkbench> workbench, boolean statements) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.workbench = Objects.requireNonNull(workbench, "workbench");
        this.statements = statements;
    }

    /** The same generator, adding what {@code workbench} finds for the store (findings, test results) after the events. */
    public ReportGenerator withWorkbench(java.util.function.Function<EventStore, ReportWorkbench> workbench) {
        return new ReportGenerator(codec, workbench, statements);
    }

    /** The same generator, adding a "Statements" section (balance sheet and income statement, {@link ReportStatements}) after the events. */
    public ReportGenerator withStatements() {
        return new ReportGenerator(codec, workbench, true);
    }

    public static ReportGenerator create() {
        return new ReportGenerator(BookkeepingCodec.create());
    }

    /** Writes the report to {@code out} (left open) and returns what it said. */
    public ReportOutcome write(EventStore store, ReportRequest request, OutputStream out, ReportProgress progress) {
        progress.update("verifying", 0, store.lastPosition());
        SealCheck seals = new SealCheck(null);
        IntegrityReport integrity = store.verify(seals);
        // the report covers exactly the ledger the verification read; events posted meanwhile are left for the next report
        long total = integrity.readThrough();
        long altered = integrity.intact() ? 0 : integrity.firstBadPosition();

        ReportAnalysis analysis = new ReportAnalysis(request.scope(), request.zone(), FLAGGED_CAP);
        EventFold firstPass = new EventFold(codec, altered);
        ReportRestatements.Collector restatements = new ReportRestatements.Collector(FLAGGED_CAP);
        forEachEvent(store, total, "summarising", progress, recorded -> {
            ReportRow row = firstPass.next(recorded);
            analysis.add(row, request.scope().includes(row, request.zone()));
            restatements.add(row);
        });
        ReportSummary summary = analysis.summary();
        ReportHeader header = new ReportHeader(PrintableText.of(orUnknown(firstPass.ledgerName())),
                orUnknown(firstPass.ledgerId()), firstPass.baseCommodity(), PrintableText.of(request.ledgerFile()),
                request.scope().describe(), request.generatedAt(), request.zone(), PrintableText.of(request.generatedBy()), request.eventscopeVersion(),
                seals.lastValid().map(SealFindings.ConfirmedSeal::describe).orElse(ReportHeader.NO_SEAL));

        ReportWriter writer = writerFor(request, out);
        if (!request.proposedAdjustments().isEmpty()) {
            writer.proposedAdjustments(request.proposedAdjustments());
        }
        writer.start(header, integrity, summary);
        EventFold secondPass = new EventFold(codec, altered);
        long[] rows = {0};
        forEachEvent(store, total, "writing", progress, recorded -> {
            ReportRow row = secondPass.next(recorded);
            if (request.scope().includes(row, request.zone())) {
                writer.event(row);
                rows[0]++;
            }
        });
        writer.restatements(restatements.result());
        if (statements) {
            progress.update("statements", total, total);
            writer.statements(ReportStatements.of(store, codec, total, firstPass.baseCommodity()));
        }
        // the findings and tests read the ledger the verification read, as every section before them (session 18: the
        // tests ran over the events appended meanwhile too)
        ReportWorkbench extra = workbench.apply(new dev.eventscope.eventstore.EventsThrough(store, total));
        if (!extra.isEmpty()) {
            writer.workbench(extra);
        }
        writer.finish();
        progress.update("done", total, total);
        return new ReportOutcome(integrity, summary, rows[0]);
    }

    private static ReportWriter writerFor(ReportRequest request, OutputStream out) {
        return switch (request.format()) {
            case CSV -> new CsvReportWriter(out, request.zone());
            case JSON -> new JsonReportWriter(out);
            case HTML -> new HtmlReportWriter(out);
            case PDF -> new PdfReportWriter(out, request.paper());
        };
    }

    private static void forEachEvent(EventStore store, long total, String phase, ReportProgress progress,
                                     java.util.function.Consumer<RecordedEvent> action) {
        long done = 0;
        progress.update(phase, 0, total);
        try (EventCursor cursor = store.readAll(0)) {
            while (cursor.hasNext()) {
                RecordedEvent event = cursor.next();
                if (event.position() > total) {
                    break;
                }
                action.accept(event);
                if (++done % PROGRESS_EVERY == 0) {
                    progress.update(phase, done, total);
                }
            }
        }
    }

    private static String orUnknown(String value) {
        return value == null ? "(unknown: no LedgerCreated event)" : value;
    }
}
