package dev.eventscope.audit;

import dev.eventscope.domain.ledger.Money;
import dev.eventscope.eventstore.IntegrityReport;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * One CSV row per event in scope under a header row (RFC 4180, UTF-8, CRLF); the columns are listed
 * in {@link #COLUMNS} and documented in docs/audit-reports.md. Header, integrity and summary are not
 * in the CSV: it is the event table, for spreadsheets.
 */
final class CsvReportWriter implements ReportWriter {

    static final List<String> COLUMNS = List.of("position", "recorded_at", "entry_date", "user", "command",
            "event_type", "stream", "entry_id", "related_entry_id", "account", "amount", "commodity", "cost",
            "cost_commodity", "description", "state_before", "state_after", "flag", "event_id", "hash");

    private final BufferedWriter text;
    private final CsvWriter csv;
    private List<ProposedAdjustment> proposals = List.of();

    CsvReportWriter(OutputStream out, ZoneId zone) {
        this.text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.csv = CsvWriter.forSpreadsheets(text);
    }

    @Override
    public void start(ReportHeader header, IntegrityReport integrity, ReportSummary summary) {
        csv.writeRecord(COLUMNS);
        for (ProposedAdjustment proposal : proposals) {
            csv.writeRecord(null, proposal.proposedAt().toString(), null, proposal.proposedBy(), "propose",
                    "Proposed adjustment " + proposal.number(), null, null, null, null, null, null, null, null, proposal.reason(),
                    proposal.entry(), proposal.effect(), proposal.status(), null, null);
        }
    }

    /**
     * Proposed adjustments are rows of the same table before the events (as the other formats print them first):
     * event_type names the proposal, description is its reason, state_before the proposed entry, state_after its
     * effect, flag its status, with who proposed it when; position is empty (nothing is posted).
     */
    @Override
    public void proposedAdjustments(List<ProposedAdjustment> proposals) {
        this.proposals = List.copyOf(proposals);
    }

    @Override
    public void event(ReportRow row) {
        csv.writeRecord(String.valueOf(row.position()), row.recordedAt().toString(),
                row.entryDate() == null ? null : row.entryDate().toString(), row.user(), row.command(),
                row.eventType(), row.stream(), row.entryId(), row.relatedEntryId(), row.account(),
                number(row.amount()), commodity(row.amount()), number(row.cost()), commodity(row.cost()),
                row.description(), row.before(), row.after(), row.flag(), row.eventId(), row.hash());
    }

    /**
     * The restatements as rows of the same table, after the events: event_type "Restatement" for each posting that
     * restated a closed period (its own columns, description naming the period and its closing), then
     * "Restatement effect" per account and commodity (amount: the change).
     */
    @Override
    public void restatements(ReportRestatements restatements) {
        for (ReportRestatements.Period period : restatements.periods()) {
            String about = "restates the period ending " + period.periodEnd() + " (closed at #" + period.closedAtPosition() + ")";
            for (ReportRow row : period.postings()) {
                csv.writeRecord(String.valueOf(row.position()), row.recordedAt().toString(), row.entryDate().toString(),
                        row.user(), row.command(), "Restatement", row.stream(), row.entryId(), row.relatedEntryId(),
                        row.account(), number(row.amount()), commodity(row.amount()), null, null, about, null, null, null,
                        row.eventId(), null);
            }
            for (ReportRestatements.Effect effect : period.effect()) {
                csv.writeRecord(null, null, period.periodEnd().toString(), null, null, "Restatement effect", null, null, null,
                        effect.account(), effect.change().toPlainString(), effect.commodity(), null, null, about, null, null,
                        null, null, null);
            }
        }
    }

    /**
     * The findings and test flags as rows of the same table, after the events: event_type names the finding
     * or the test, position and entry_id are the link, description is the note or reason, flag the severity.
     */
    @Override
    public void workbench(ReportWorkbench workbench) {
        for (ReportWorkbench.LinkedFinding linked : workbench.findings()) {
            dev.eventscope.audit.findings.Finding finding = linked.finding();
            csv.writeRecord(linked.position() == 0 ? null : Long.toString(linked.position()), finding.createdAt().toString(), null,
                    finding.user(), null, "Finding " + finding.id(), null, null, null, null, null, null, null, null, finding.note(),
                    null, null, finding.severity().text() + ": " + finding.target().describe(), null, null);
        }
        for (List<String> flag : WorkbenchRows.flags(workbench)) {
            csv.writeRecord(flag.get(2), null, null, null, null, "Test " + flag.get(0), null, flag.get(1), null, null,
                    null, null, null, null, flag.get(3), null, null, "flagged by " + flag.get(0), null, null);
        }
    }

    /**
     * The statements as rows of the same table, one per statement, account, column and commodity: event_type is
     * "Statement" and the statement's title, account the account (or the section's "total", or "Net"), amount and
     * commodity the amount shown, description the column's heading, flag the section.
     */
    @Override
    public void statements(List<dev.eventscope.statement.Statement> statements) {
        for (dev.eventscope.statement.Statement statement : statements) {
            List<List<String>> records = dev.eventscope.statement.StatementCsv.records(statement);
            List<String> header = records.get(0);
            for (List<String> record : records.subList(1, records.size())) {
                for (int column = 4; column < record.size(); column++) {
                    csv.writeRecord(null, null, null, null, null, "Statement " + statement.title(), null, null, null, record.get(1),
                            record.get(column), record.get(3), null, null, header.get(column), null, null, record.get(0), null, null);
                }
            }
        }
    }

    @Override
    public void finish() {
        csv.flush();
    }

    private static String number(Money money) {
        return money == null ? null : money.amount().toPlainString();
    }

    private static String commodity(Money money) {
        return money == null ? null : money.commodity();
    }
}
