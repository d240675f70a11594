package dev.eventscope.audit.tests;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.eventscope.audit.CsvWriter;
import dev.eventscope.codec.EventCodec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The results of journal-entry tests as text (for people), CSV (one row per flagged entry) and JSON (every
 * test with its flags and, for Benford, each account type's digits and conformity figures).
 */
public final class TestResultFormats {

    private TestResultFormats() {
    }

    /** A heading per test with its count, then one line per flagged entry: id, positions, reason. */
    public static void text(List<TestResult> results, PrintWriter out) {
        for (TestResult result : results) {
            out.println(result.title() + " (" + result.name() + "): " + count(result.flagged().size()));
            out.println("  " + result.description());
            for (FlaggedEntry flag : result.flagged()) {
                out.println("  " + flag.entryId() + "  [positions " + positions(flag.positions()) + "]  " + flag.reason());
            }
            for (BenfordGroup group : result.benford()) {
                out.println(String.format(Locale.ROOT, "  %-12s %6d postings  chi-square %8.2f  MAD %.4f  %s", group.accountType(),
                        group.count(), group.chiSquare(), group.mad(), group.conformity().text()));
                out.println("  " + " ".repeat(12) + " digits 1-9: " + group.digitCounts().stream().map(String::valueOf)
                        .collect(Collectors.joining(" ")));
            }
            out.println();
        }
        out.flush();
    }

    /** One header row, then {@code test,entry_id,position,positions,reason} for each flagged entry. */
    public static void csv(List<TestResult> results, PrintWriter out) {
        CsvWriter csv = CsvWriter.withUnixLineEnds(out);
        csv.writeRecord("test", "entry_id", "position", "positions", "reason");
        for (TestResult result : results) {
            for (FlaggedEntry flag : result.flagged()) {
                csv.writeRecord(result.name(), flag.entryId(), Long.toString(flag.position()), positions(flag.positions()),
                        flag.reason());
            }
        }
        csv.flush();
    }

    /** {@code {"tests": [{"name", "title", "description", "flagged": [...], "benford": [...]}]}}. */
    public static void json(List<TestResult> results, PrintWriter out) {
        try {
            JsonGenerator json = EventCodec.newObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter();
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeArrayFieldStart("tests");
            for (TestResult result : results) {
                json.writeStartObject();
                json.writeStringField("name", result.name());
                json.writeStringField("title", result.title());
                json.writeStringField("description", result.description());
                json.writeArrayFieldStart("flagged");
                for (FlaggedEntry flag : result.flagged()) {
                    json.writeStartObject();
                    json.writeStringField("entryId", flag.entryId());
                    json.writeNumberField("position", flag.position());
                    json.writeArrayFieldStart("positions");
                    for (long position : flag.positions()) {
                        json.writeNumber(position);
                    }
                    json.writeEndArray();
                    json.writeStringField("reason", flag.reason());
                    json.writeEndObject();
                }
                json.writeEndArray();
                if (!result.benford().isEmpty()) {
                    writeBenford(result.benford(), json);
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.println();
            out.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void writeBenford(List<BenfordGroup> groups, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("benford");
        for (BenfordGroup group : groups) {
            json.writeStartObject();
            json.writeStringField("accountType", group.accountType());
            json.writeNumberField("count", group.count());
            json.writeArrayFieldStart("digitCounts");
            for (int count : group.digitCounts()) {
                json.writeNumber(count);
            }
            json.writeEndArray();
            json.writeNumberField("chiSquare", round(group.chiSquare()));
            json.writeNumberField("mad", round(group.mad()));
            json.writeStringField("conformity", group.conformity().text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    static String positions(List<Long> positions) {
        return positions.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static String count(int flagged) {
        return flagged == 0 ? "nothing flagged" : flagged == 1 ? "1 entry flagged" : flagged + " entries flagged";
    }
}
