package dev.eventscope.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.eventstore.IntegrityReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full report as one JSON object (schema in docs/audit-reports.md), streamed with Jackson's
 * generator: {@code report}, {@code schemaVersion}, {@code header}, {@code integrity}, {@code summary},
 * {@code flagged}, {@code events}. The object is written compactly and never ends with a newline, so a
 * signature can be appended as its last member (see {@link ReportSigner}).
 */
final class JsonReportWriter implements ReportWriter {

    static final String REPORT_KIND = "eventscope-audit-report";
    static final int SCHEMA_VERSION = 1;

    private final JsonGenerator json;
    private List<ProposedAdjustment> proposals = List.of();

    JsonReportWriter(OutputStream out) {
        try {
            this.json = EventCodec.newObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not start the JSON report: " + failed.getMessage(), failed);
        }
    }

    @Override
    public void start(ReportHeader header, IntegrityReport integrity, ReportSummary summary) {
        try {
            json.writeStartObject();
            json.writeStringField("report", REPORT_KIND);
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeObjectFieldStart("header");
            json.writeStringField("ledgerName", header.ledgerName());
            json.writeStringField("ledgerId", header.ledgerId());
            json.writeStringField("baseCommodity", header.baseCommodity());
            json.writeStringField("file", header.file());
            json.writeStringField("scope", header.scope());
            json.writeStringField("generatedAt", header.generatedAt().toString());
            json.writeStringField("timeZone", header.zone().getId());
            json.writeStringField("generatedBy", header.generatedBy());
            json.writeStringField("eventscopeVersion", header.eventscopeVersion());
            json.writeStringField("lastSeal", header.lastSeal());
            json.writeEndObject();

            json.writeObjectFieldStart("integrity");
            json.writeBooleanField("intact", integrity.intact());
            json.writeNumberField("verifiedThroughPosition", integrity.lastPosition());
            json.writeStringField("headHash", integrity.headHash());
            if (integrity.intact()) {
                json.writeNullField("alteredPosition");
                json.writeNullField("kind");
            } else {
                json.writeNumberField("alteredPosition", integrity.firstBadPosition());
                json.writeStringField("kind", integrity.kind().name());
            }
            json.writeNumberField("eventsChecked", integrity.eventsChecked());
            json.writeStringField("statement", IntegrityText.headline(integrity) + " " + IntegrityText.detail(integrity));
            json.writeEndObject();

            json.writeObjectFieldStart("summary");
            json.writeNumberField("ledgerEvents", summary.ledgerEvents());
            json.writeNumberField("events", summary.events());
            json.writeNumberField("entries", summary.entries());
            json.writeNumberField("accounts", summary.accounts());
            json.writeArrayFieldStart("users");
            for (String user : summary.users()) {
                json.writeString(user);
            }
            json.writeEndArray();
            json.writeNumberField("reversals", summary.reversals());
            json.writeNumberField("lateCorrections", summary.lateCorrections());
            json.writeArrayFieldStart("balances");
            for (AccountBalance balance : summary.balances()) {
                json.writeStartObject();
                json.writeStringField("account", balance.account());
                json.writeStringField("commodity", balance.commodity());
                json.writeNumberField("opening", balance.opening());
                json.writeNumberField("closing", balance.closing());
                json.writeNumberField("change", balance.change());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();

            json.writeObjectFieldStart("flagged");
            json.writeNumberField("total", summary.flaggedTotal());
            json.writeBooleanField("truncated", summary.flaggedTruncated());
            json.writeArrayFieldStart("items");
            for (FlaggedCorrection flagged : summary.flagged()) {
                json.writeStartObject();
                json.writeNumberField("position", flagged.position());
                json.writeStringField("kind", flagged.kind().name());
                json.writeStringField("entryId", flagged.entryId());
                date(json, "entryDate", flagged.entryDate());
                instant(json, "recordedAt", flagged.recordedAt());
                json.writeStringField("user", flagged.user());
                json.writeStringField("explanation", flagged.explanation());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();

            writeProposedAdjustments();
            json.writeArrayFieldStart("events");
        } catch (IOException failed) {
            throw writeFailed(failed);
        }
    }

    @Override
    public void proposedAdjustments(List<ProposedAdjustment> proposals) {
        this.proposals = List.copyOf(proposals);
    }

    /** {@code "proposedAdjustments"} before {@code "events"}, only when the request has some (a report without stays as before). */
    private void writeProposedAdjustments() throws IOException {
        if (proposals.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("proposedAdjustments");
        for (ProposedAdjustment proposal : proposals) {
            json.writeStartObject();
            json.writeNumberField("number", proposal.number());
            json.writeStringField("entry", proposal.entry());
            json.writeStringField("reason", proposal.reason());
            json.writeStringField("proposedBy", proposal.proposedBy());
            instant(json, "proposedAt", proposal.proposedAt());
            json.writeStringField("status", proposal.status());
            json.writeStringField("effect", proposal.effect());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void event(ReportRow row) {
        try {
            json.writeStartObject();
            json.writeNumberField("position", row.position());
            json.writeStringField("eventId", row.eventId());
            instant(json, "recordedAt", row.recordedAt());
            date(json, "entryDate", row.entryDate());
            json.writeStringField("user", row.user());
            json.writeStringField("command", row.command());
            json.writeStringField("eventType", row.eventType());
            json.writeStringField("stream", row.stream());
            json.writeStringField("entryId", row.entryId());
            json.writeStringField("relatedEntryId", row.relatedEntryId());
            json.writeStringField("account", row.account());
            money(json, "amount", row.amount());
            money(json, "cost", row.cost());
            json.writeStringField("description", row.description());
            json.writeStringField("stateBefore", row.before());
            json.writeStringField("stateAfter", row.after());
            json.writeStringField("flag", row.flag());
            json.writeStringField("hash", row.hash());
            json.writeEndObject();
        } catch (IOException failed) {
            throw writeFailed(failed);
        }
    }

    /** After the events: {@code "restatements"}, one object per closed period with its postings and effect. */
    @Override
    public void restatements(ReportRestatements restatements) {
        try {
            closeEvents();
            json.writeArrayFieldStart("restatements");
            for (ReportRestatements.Period period : restatements.periods()) {
                json.writeStartObject();
                date(json, "periodEnd", period.periodEnd());
                json.writeNumberField("closedAtPosition", period.closedAtPosition());
                instant(json, "closedAt", period.closedAt());
                json.writeStringField("closedBy", period.closedBy());
                json.writeNumberField("omitted", period.omitted());
                json.writeArrayFieldStart("postings");
                for (ReportRow row : period.postings()) {
                    json.writeStartObject();
                    json.writeNumberField("position", row.position());
                    instant(json, "recordedAt", row.recordedAt());
                    json.writeStringField("user", row.user());
                    json.writeStringField("command", row.command());
                    json.writeStringField("entryId", row.entryId());
                    json.writeStringField("reversesEntryId", row.relatedEntryId());
                    date(json, "entryDate", row.entryDate());
                    json.writeStringField("account", row.account());
                    money(json, "amount", row.amount());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("effect");
                for (ReportRestatements.Effect effect : period.effect()) {
                    json.writeStartObject();
                    json.writeStringField("account", effect.account());
                    json.writeStringField("commodity", effect.commodity());
                    json.writeNumberField("change", effect.change());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException failed) {
            throw writeFailed(failed);
        }
    }

    /** After the events: {@code "findings"} (with the position each links to) and {@code "tests"} (flags and Benford figures). */
    @Override
    public void workbench(ReportWorkbench workbench) {
        try {
            closeEvents();
            json.writeArrayFieldStart("findings");
            for (ReportWorkbench.LinkedFinding linked : workbench.findings()) {
                json.writeStartObject();
                json.writeStringField("id", linked.finding().id());
                json.writeStringField("user", linked.finding().user());
                json.writeStringField("createdAt", linked.finding().createdAt().toString());
                json.writeStringField("severity", linked.finding().severity().text());
                json.writeStringField("target", linked.finding().target().toString());
                json.writeStringField("link", linked.finding().target().describe());
                if (linked.position() > 0) {
                    json.writeNumberField("position", linked.position());
                }
                json.writeStringField("note", linked.finding().note());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("tests");
            for (dev.eventscope.audit.tests.TestResult result : workbench.tests()) {
                json.writeStartObject();
                json.writeStringField("name", result.name());
                json.writeStringField("title", result.title());
                json.writeStringField("description", result.description());
                json.writeArrayFieldStart("flagged");
                for (dev.eventscope.audit.tests.FlaggedEntry flag : result.flagged()) {
                    json.writeStartObject();
                    json.writeStringField("entryId", flag.entryId());
                    json.writeNumberField("position", flag.position());
                    json.writeStringField("reason", flag.reason());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("benford");
                for (dev.eventscope.audit.tests.BenfordGroup group : result.benford()) {
                    json.writeStartObject();
                    json.writeStringField("accountType", group.accountType());
                    json.writeNumberField("count", group.count());
                    json.writeNumberField("chiSquare", Math.round(group.chiSquare() * 1e6) / 1e6);
                    json.writeNumberField("mad", Math.round(group.mad() * 1e6) / 1e6);
                    json.writeStringField("conformity", group.conformity().text());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException failed) {
            throw writeFailed(failed);
        }
    }

    /** {@code "statements"}: each with its title, columns, and per section the rows' and total's amounts per column. */
    @Override
    public void statements(java.util.List<dev.eventscope.statement.Statement> statements) {
        try {
            closeEvents();
            json.writeArrayFieldStart("statements");
            for (dev.eventscope.statement.Statement statement : statements) {
                json.writeStartObject();
                json.writeStringField("statement", statement.kind().commandName());
                json.writeStringField("title", statement.title());
                json.writeArrayFieldStart("columns");
                for (String heading : statement.columnHeadings()) {
                    json.writeString(heading);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("sections");
                for (dev.eventscope.statement.Statement.Section section : statement.sections()) {
                    json.writeStartObject();
                    json.writeStringField("name", section.name());
                    json.writeArrayFieldStart("rows");
                    for (dev.eventscope.statement.Statement.Row row : section.rows()) {
                        json.writeStartObject();
                        json.writeStringField("account", row.account());
                        amounts(row.amounts());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeFieldName("total");
                    json.writeStartObject();
                    amounts(section.totals());
                    json.writeEndObject();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeFieldName(statement.netName().toLowerCase(java.util.Locale.ROOT));
                json.writeStartObject();
                amounts(statement.net());
                json.writeEndObject();
                if (statement.valuation().isPresent()) {
                    json.writeArrayFieldStart("pricesUsed");
                    for (String price : statement.valuation().get().legend(statement.columnHeadings())) {
                        json.writeString(price);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException failed) {
            throw writeFailed(failed);
        }
    }

    /** {@code "amounts": [{"EUR": 12.50}, ...]}, one object per column. */
    private void amounts(java.util.List<java.util.SortedMap<String, java.math.BigDecimal>> perColumn) throws IOException {
        json.writeArrayFieldStart("amounts");
        for (java.util.SortedMap<String, java.math.BigDecimal> column : perColumn) {
            json.writeStartObject();
            for (java.util.Map.Entry<String, java.math.BigDecimal> amount : column.entrySet()) {
                json.writeNumberField(amount.getKey(), amount.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private boolean eventsClosed;

    private void closeEvents() throws IOException {
        if (!eventsClosed) {
            json.writeEndArray();
            eventsClosed = true;
        }
    }

    @Override
    public void finish() {
        try {
            json.writeEndObject();
            json.flush();
        } catch (IOException failed) {
            throw writeFailed(failed);
        }
    }

    private static void money(JsonGenerator json, String name, Money money) throws IOException {
        if (money == null) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        json.writeNumberField("amount", money.amount());
        json.writeStringField("commodity", money.commodity());
        json.writeEndObject();
    }

    private static void date(JsonGenerator json, String name, LocalDate date) throws IOException {
        json.writeStringField(name, date == null ? null : date.toString());
    }

    private static void instant(JsonGenerator json, String name, Instant instant) throws IOException {
        json.writeStringField(name, instant == null ? null : instant.toString());
    }

    private static UncheckedIOException writeFailed(IOException failed) {
        return new UncheckedIOException("Could not write the JSON report: " + failed.getMessage(), failed);
    }
}
