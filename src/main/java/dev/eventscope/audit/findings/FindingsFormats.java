package dev.eventscope.audit.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventscope.audit.CsvWriter;

import java.io.PrintWriter;
import java.util.List;

/** Findings as text (for people), CSV and JSON (for export): id, user, time, severity, link and note. */
public final class FindingsFormats {

    private FindingsFormats() {
    }

    public static void text(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            out.println("No findings.");
        }
        for (Finding finding : findings) {
            out.println(finding.id() + "  " + finding.severity().text().toUpperCase(java.util.Locale.ROOT) + "  " + finding.target().describe()
                    + "  (" + finding.user() + ", " + finding.createdAt() + ")");
            out.println("        " + finding.note().replace("\n", "\n        "));
        }
        out.flush();
    }

    public static void csv(List<Finding> findings, PrintWriter out) {
        CsvWriter csv = CsvWriter.withUnixLineEnds(out);
        csv.writeRecord("id", "user", "created_at", "severity", "target", "link", "note");
        for (Finding finding : findings) {
            csv.writeRecord(finding.id(), finding.user(), finding.createdAt().toString(), finding.severity().text(),
                    finding.target().toString(), finding.target().describe(), finding.note());
        }
        csv.flush();
    }

    public static void json(List<Finding> findings, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("findings");
        for (Finding finding : findings) {
            array.addObject().put("id", finding.id()).put("user", finding.user()).put("createdAt", finding.createdAt().toString())
                    .put("severity", finding.severity().text()).put("target", finding.target().toString())
                    .put("link", finding.target().describe()).put("note", finding.note());
        }
        out.println(root.toPrettyString());
        out.flush();
    }
}
