package dev.eventscope.ui.reports;

import dev.eventscope.session.TestSessions;
import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.ReportScope;
import dev.eventscope.audit.ReportVerification;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.audit.TimeBasis;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.ui.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export and verify dialogs' models over a copy of the small-business sample, with a same-thread executor. */
class ReportDialogViewModelTest {

    @TempDir
    Path folder;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private SqliteEventStore store;
    private Path ledger;
    private ReportDialogViewModel model;

    @BeforeEach
    void open() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("small-business.ledger"));
        store = SqliteEventStore.openReadOnly(ledger);
        model = new ReportDialogViewModel(TestSessions.of(ledger, store), executor, Clock.fixed(Instant.parse("2025-04-01T10:15:30Z"), ZoneOffset.UTC),
                "auditor", new SigningKeys(folder.resolve("keys")), "test");
        model.loadAccounts();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Nested
    @DisplayName("the scope")
    class Scope {

        @Test
        void with_nothing_ticked_it_is_the_whole_ledger_and_the_file_is_named_after_the_ledger_and_day() {
            assertEquals(Optional.empty(), model.validate());
            assertEquals(ReportScope.wholeLedger(), model.scope());
            assertEquals(folder.resolve("small-business-audit-2025-04-01.pdf"), model.outputFileProperty().get());
        }

        @Test
        void a_ticked_restriction_must_be_filled_in() {
            model.accountOnProperty().set(true);
            assertEquals("Type the account the report should cover, or untick Account.", model.validate().orElseThrow());
            model.accountOnProperty().set(false);
            model.entryOnProperty().set(true);
            assertEquals("Type the id of the journal entry, or untick Journal entry.", model.validate().orElseThrow());
            model.entryOnProperty().set(false);
            model.userOnProperty().set(true);
            assertEquals("Type the user whose actions the report should cover, or untick User.", model.validate().orElseThrow());
            model.userOnProperty().set(false);
            model.periodOnProperty().set(true);
            assertEquals("Pick the first or the last day of the period (or both), or untick Period.", model.validate().orElseThrow());
            assertEquals(model.validate().orElseThrow(), model.validationProperty().get());
        }

        @Test
        void an_account_must_exist_in_the_ledger_and_completion_offers_the_known_ones() {
            assertFalse(model.accounts().isEmpty());
            String anAccount = model.accounts().get(0);
            model.accountOnProperty().set(true);
            model.accountProperty().set("nowhere:at-all");
            assertEquals("There is no account named 'nowhere:at-all' in this ledger.", model.validate().orElseThrow());
            model.accountProperty().set(anAccount.split(":")[0]);
            assertEquals(Optional.empty(), model.validate(), "a parent account covers its sub-accounts");
            assertTrue(model.accountsMatching(anAccount.substring(0, 3)).contains(anAccount));
        }

        @Test
        void a_period_that_ends_before_it_starts_is_refused() {
            model.periodOnProperty().set(true);
            model.fromProperty().set(LocalDate.of(2024, 3, 31));
            model.toProperty().set(LocalDate.of(2024, 1, 1));
            assertEquals("The period ends (2024-01-01) before it starts (2024-03-31).", model.validate().orElseThrow());
        }

        @Test
        void restrictions_combine_and_name_the_file() {
            String account = model.accounts().get(0);
            model.accountOnProperty().set(true);
            model.accountProperty().set(account);
            model.userOnProperty().set(true);
            model.userProperty().set("alice");
            model.periodOnProperty().set(true);
            model.fromProperty().set(LocalDate.of(2024, 1, 1));
            model.basisProperty().set(TimeBasis.RECORDED_TIME);
            assertEquals(Optional.empty(), model.validate());
            assertEquals(new ReportScope(account, null, "alice", LocalDate.of(2024, 1, 1), null, TimeBasis.RECORDED_TIME), model.scope());
            assertEquals("small-business-audit-" + account.replace(':', '-') + "-by-alice-2024-01-01-to-end-2025-04-01.pdf",
                    model.outputFileProperty().get().getFileName().toString());
        }

        @Test
        void changing_the_format_changes_the_extension_also_of_a_chosen_file() {
            model.formatProperty().set(ReportFormat.HTML);
            assertEquals("small-business-audit-2025-04-01.html", model.outputFileProperty().get().getFileName().toString());
            model.chooseOutput(folder.resolve("for-the-auditor.html"));
            model.formatProperty().set(ReportFormat.JSON);
            assertEquals(folder.resolve("for-the-auditor.json"), model.outputFileProperty().get());
        }

        @Test
        void a_typed_period_date_that_cannot_be_read_is_said_instead_of_asking_to_pick_one() {
            model.periodOnProperty().set(true);
            model.dateProblemProperty().set("'30/06/2025x' is not a date; type it like 2025-06-30.");
            assertEquals("'30/06/2025x' is not a date; type it like 2025-06-30.", model.validate().orElseThrow());
            model.dateProblemProperty().set("");
            model.fromProperty().set(LocalDate.of(2025, 6, 30));
            assertTrue(model.validate().isEmpty(), model.validate().toString());
        }

        @Test
        void a_file_in_a_folder_that_does_not_exist_is_refused() {
            model.chooseOutput(folder.resolve("missing").resolve("report.pdf"));
            assertEquals("The folder " + folder.resolve("missing") + " does not exist; choose another place for the report.",
                    model.validate().orElseThrow());
        }
    }

    @Test
    void exporting_writes_and_signs_the_report_showing_progress_and_the_key() throws Exception {
        model.formatProperty().set(ReportFormat.HTML);
        List<String> steps = new ArrayList<>();
        model.progressTextProperty().addListener((observable, before, text) -> steps.add(text));
        model.export();
        Path report = model.writtenProperty().get();
        assertEquals(folder.resolve("small-business-audit-2025-04-01.html"), report);
        assertTrue(Files.readString(report).contains("small-business.ledger"));
        assertTrue(Files.exists(report.resolveSibling(report.getFileName() + ".sig")));
        assertTrue(model.resultProperty().get().startsWith("Signed with key "), model.resultProperty().get());
        assertTrue(steps.stream().anyMatch(step -> step.matches("Done: [\\d,]+ of [\\d,]+ events \\(100 %\\)")), steps.toString());
        assertEquals("Done.", model.progressTextProperty().get());
        assertEquals(1.0, model.progressProperty().get());
        assertFalse(model.runningProperty().get());

        VerifyReportViewModel verify = new VerifyReportViewModel(java.util.Optional.of(TestSessions.of(ledger, store)), executor);
        verify.reportProperty().set(report);
        verify.verify();
        assertEquals(ReportVerification.Outcome.VALID, verify.verificationProperty().get().outcome());
        assertEquals("✓ Genuine, and it matches this ledger", verify.headlineProperty().get());

        Files.writeString(report, Files.readString(report).replace("small-business", "big-business"));
        verify.verify();
        assertEquals("✗ Changed after it was signed", verify.headlineProperty().get());
        assertFalse(verify.detailProperty().get().isEmpty());
    }

    @Test
    void a_cancelled_export_leaves_no_file_and_says_so() {
        model.formatProperty().set(ReportFormat.CSV);
        model.progressTextProperty().addListener((observable, before, text) -> model.cancel());
        model.export();
        assertEquals("The export was cancelled; no report was saved.", model.errorProperty().get());
        assertFalse(Files.exists(folder.resolve("small-business-audit-2025-04-01.csv")));
        assertTrue(model.resultProperty().get().isEmpty());
    }

    @Nested
    @DisplayName("the output file")
    class Output {

        @Test
        void the_ledger_itself_and_its_side_files_are_refused_before_anything_is_written() throws Exception {
            byte[] before = Files.readAllBytes(ledger);
            model.chooseOutput(ledger);
            assertTrue(model.validate().orElseThrow().startsWith("Refusing to write the report onto the ledger"),
                    model.validate().toString());
            model.export(true);
            assertTrue(model.errorProperty().get().startsWith("Refusing to write the report onto the ledger"));
            model.chooseOutput(Path.of(ledger + "-wal"));
            assertTrue(model.validate().orElseThrow().contains("wal file"), model.validate().toString());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ledger)), "the ledger is unchanged");
        }

        @Test
        void an_existing_report_is_replaced_only_once_the_user_agrees() throws Exception {
            Path existing = folder.resolve("small-business-audit-2025-04-01.pdf");
            Files.writeString(existing, "an earlier report");
            model.formatProperty().set(ReportFormat.PDF);
            assertEquals(existing, model.outputFileProperty().get());
            assertTrue(model.needsReplaceConfirmation());
            model.export();
            assertTrue(model.errorProperty().get().contains("already exists"), model.errorProperty().get());
            assertEquals("an earlier report", Files.readString(existing));

            model.export(true);
            assertEquals(existing, model.writtenProperty().get(), model.errorProperty().get());
            assertTrue(Files.readString(existing, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        }

        @Test
        void a_file_chosen_in_the_save_dialog_was_confirmed_there() throws Exception {
            Path existing = Files.writeString(folder.resolve("mine.csv"), "old");
            model.formatProperty().set(ReportFormat.CSV);
            model.chooseOutput(existing);
            assertFalse(model.needsReplaceConfirmation());
            model.export();
            assertEquals(existing, model.writtenProperty().get(), model.errorProperty().get());
        }
    }

    @Test
    void a_ledger_in_a_hidden_folder_suggests_the_documents_folder_for_its_report() throws Exception {
        Path hiddenFolder = Files.createDirectories(folder.resolve(".local/share/eventscope/samples"));
        Path sample = Files.copy(ledger, hiddenFolder.resolve("audit-case.ledger"));
        String home = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(folder.resolve("home")).toString());
        try (SqliteEventStore sampleStore = SqliteEventStore.openReadOnly(sample)) {
            Files.createDirectories(folder.resolve("home/Documents"));
            ReportDialogViewModel forSample = new ReportDialogViewModel(TestSessions.of(sample, sampleStore), executor,
                    Clock.fixed(Instant.parse("2025-04-01T10:15:30Z"), ZoneOffset.UTC), "auditor",
                    new SigningKeys(folder.resolve("keys")), "test");
            assertEquals(folder.resolve("home/Documents"), forSample.outputFileProperty().get().getParent());
        } finally {
            System.setProperty("user.home", home);
        }
        assertTrue(ReportDialogViewModel.hidden(hiddenFolder));
        assertFalse(ReportDialogViewModel.hidden(folder));
    }

    @Test
    void progress_lines_name_the_phase_and_the_share_done() {
        assertEquals("Verifying: 1,234 of 5,000 events (24 %)", ReportDialogViewModel.progressLine("verifying", 1_234, 5_000));
    }
}
