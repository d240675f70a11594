package dev.eventscope.ui.reports;

import dev.eventscope.application.CommandDraft;
import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.sandbox.Sandbox;
import dev.eventscope.sandbox.SandboxBase;
import dev.eventscope.sandbox.SandboxContents;
import dev.eventscope.sandbox.SandboxFiles;
import dev.eventscope.sandbox.SandboxFixture;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 20: a report exported from the app carries the user's proposed adjustments of the ledger, when there are any. */
class ReportWithProposalsTest {

    @TempDir
    Path folder;

    @Test
    void the_exported_report_lists_the_users_proposals() throws Exception {
        Path ledger = folder.resolve("books.ledger");
        SandboxFixture.write(ledger);
        // a user of its own, so no other test's sandbox of a ledger with the same id is read
        String user = "report-" + UUID.randomUUID();
        String reason = "audit fee not accrued, case " + UUID.randomUUID();
        SandboxFiles files = SandboxFiles.forCurrentUser();
        try (LedgerSession session = TestSessions.SQLITE.openReadOnly(ledger)) {
            assertFalse(export(session, user).contains("Proposed adjustments"), "no sandbox, no section");
            Sandbox sandbox = Sandbox.open(session, new SandboxContents(Sandbox.ledgerId(session), user, SandboxBase.HEAD, List.of()))
                    .propose(CommandDraft.of(PostEntry.simple(EntryId.of("A1"), LocalDate.of(2025, 1, 31), "Accrued audit fee", List.of(
                            Posting.of(AccountName.of("expenses:fees"), Money.of("300", "EUR")),
                            Posting.of(AccountName.of("assets:bank"), Money.of("-300", "EUR"))))), reason, user, Instant.parse("2025-02-10T09:00:00Z"));
            files.write(sandbox.contents());
            try {
                String html = export(session, user);
                assertTrue(html.contains("<h2 id=\"proposed-adjustments\">Proposed adjustments</h2>"), html);
                assertTrue(html.contains(reason), "the proposal's reason is in the report");
                assertTrue(html.contains("<td>post A1 2025-01-31 Accrued audit fee</td>"), html);
            } finally {
                files.delete(Sandbox.ledgerId(session), user);
            }
        }
    }

    private String export(LedgerSession session, String user) throws Exception {
        ReportDialogViewModel model = new ReportDialogViewModel(session, new SameThreadExecutor(),
                Clock.fixed(Instant.parse("2025-11-01T10:00:00Z"), ZoneOffset.UTC), user, new SigningKeys(folder.resolve("keys")), "test");
        model.loadAccounts();
        model.formatProperty().set(ReportFormat.HTML);
        model.chooseOutput(folder.resolve(UUID.randomUUID() + ".html"));
        model.export();
        return Files.readString(model.writtenProperty().get());
    }
}
