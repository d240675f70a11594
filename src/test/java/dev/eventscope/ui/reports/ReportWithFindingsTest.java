package dev.eventscope.ui.reports;

import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.audit.findings.FindingTarget;
import dev.eventscope.audit.findings.FindingsFile;
import dev.eventscope.audit.findings.Severity;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: a report exported from the app carries the ledger's findings and the journal-entry tests. */
class ReportWithFindingsTest {

    @TempDir
    Path folder;

    @Test
    void the_exported_report_lists_the_findings_kept_for_the_ledger_and_the_tests() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        String note = "Checked with the controller, case " + UUID.randomUUID();
        try (SqliteEventStore store = SqliteEventStore.openReadOnly(ledger)) {
            String ledgerId = store.readAt(1).orElseThrow().eventId();
            new FindingsFile(FindingsFile.defaultDirectory(), ledgerId, "report-auditor")
                    .add(FindingTarget.entry("JE-2025-0196"), Severity.HIGH, note, Clock.systemUTC());
            ReportDialogViewModel model = new ReportDialogViewModel(dev.eventscope.session.TestSessions.of(ledger, store), new SameThreadExecutor(),
                    Clock.fixed(Instant.parse("2025-11-01T10:00:00Z"), ZoneOffset.UTC), "auditor", new SigningKeys(folder.resolve("keys")), "test");
            model.loadAccounts();
            model.formatProperty().set(ReportFormat.HTML);
            model.export();
            String html = Files.readString(model.writtenProperty().get());
            assertTrue(html.contains(note), "the finding's note is in the report");
            assertTrue(html.contains("<td>entry JE-2025-0196</td><td><a href=\"#p633\">#633</a></td>"), "linked to its event");
            assertTrue(html.contains("<td>reversals-of-reversals</td><td>JE-2025-0196</td>"), "the tests' flags are in the report");
        }
    }
}
