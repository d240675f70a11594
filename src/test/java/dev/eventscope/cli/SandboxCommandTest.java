package dev.eventscope.cli;

import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.bootstrap.SqliteLedgerStoreFactory;
import dev.eventscope.sandbox.SandboxFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxCommandTest {

    private static final LedgerStoreFactory SQLITE = new SqliteLedgerStoreFactory();

    @TempDir
    Path folder;
    Path ledger;
    Path sandboxes;

    @BeforeEach
    void writeLedger() {
        ledger = folder.resolve("books.ledger");
        sandboxes = folder.resolve("sandboxes");
        SandboxFixture.write(ledger);
    }

    /** Runs {@code eventscope sandbox SUBCOMMAND -l books.ledger --sandbox-dir ... --user auditor ARGS}. */
    private CliRun sandbox(String subcommand, String... args) {
        List<String> all = new ArrayList<>(List.of("sandbox", subcommand, "-l", ledger.toString(),
                "--sandbox-dir", sandboxes.toString(), "--user", "auditor"));
        all.addAll(List.of(args));
        return CliRun.run(SQLITE, all.toArray(String[]::new));
    }

    private CliRun eventscope(String... args) {
        return CliRun.run(SQLITE, args);
    }

    private static final String[] ACCRUAL = {"--reason", "audit fee not accrued", "--date", "2025-01-31",
            "--description", "Accrued audit fee", "--posting", "expenses:fees  300 EUR", "--posting", "assets:bank"};

    @Test
    @DisplayName("new, post, list, diff and export leave the ledger's bytes and head as they were; apply posts the proposals")
    void the_whole_flow() throws IOException {
        String bytes = SandboxFixture.sha256(ledger);
        String head = eventscope("verify", "-l", ledger.toString(), "--heads-dir", folder.resolve("heads").toString()).out().lines().findFirst().orElseThrow();

        assertEquals(0, sandbox("new").exitCode());
        CliRun post = sandbox("post", ACCRUAL);
        assertEquals(0, post.exitCode(), post.err());
        assertEquals("Proposed 1: post E3 2025-01-31 Accrued audit fee (accepted).", post.out().strip());
        CliRun open = sandbox("open-account", "liabilities:accrued", "--on", "2025-01-01", "--reason", "for accruals");
        assertEquals(0, open.exitCode(), open.err());

        CliRun list = sandbox("list");
        assertTrue(list.out().contains("audit fee not accrued"), list.out());
        assertTrue(list.out().contains("open account liabilities:accrued on 2025-01-01"), list.out());

        CliRun diff = sandbox("diff");
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(diff.out().lines().anyMatch(line -> line.matches("expenses:fees\\s+EUR\\s+0\\s+300\\s+300\\s+1")), diff.out());
        assertTrue(diff.out().lines().anyMatch(line -> line.matches("assets:bank\\s+EUR\\s+700\\s+400\\s+-300\\s+1")), diff.out());
        assertTrue(diff.out().contains("Effect on income + expenses: 300 EUR"), diff.out());

        CliRun export = sandbox("export");
        assertTrue(export.out().contains("; reason: audit fee not accrued"), export.out());
        assertTrue(export.out().contains("2025-01-31 Accrued audit fee"), export.out());
        assertTrue(export.out().contains("account liabilities:accrued"), export.out());

        assertEquals(bytes, SandboxFixture.sha256(ledger));
        assertTrue(head.contains("head hash"), head);
        assertEquals(head, eventscope("verify", "-l", ledger.toString(), "--heads-dir", folder.resolve("heads").toString())
                .out().lines().findFirst().orElseThrow());

        CliRun apply = sandbox("apply", "--by", "controller");
        assertEquals(0, apply.exitCode(), apply.err());
        assertTrue(apply.out().startsWith("Applied 2 proposals as controller"), apply.out());
        CliRun balance = eventscope("balance", "-l", ledger.toString());
        assertTrue(balance.out().lines().anyMatch(line -> line.matches("expenses:fees\\s+300\\s+EUR")), balance.out());
        CliRun history = eventscope("history", "-l", ledger.toString(), "-s", "account-expenses:fees");
        assertTrue(history.out().contains("controller"), history.out() + history.err());
        CliRun applied = sandbox("list");
        assertTrue(applied.out().contains("applied by controller"), applied.out() + applied.err());
        CliRun again = sandbox("apply");
        assertEquals(2, again.exitCode());
        assertEquals("The sandbox has no accepted proposals to apply.", again.err().strip());
    }

    @Test
    @DisplayName("a ledger file that may not be written can be sandboxed")
    void read_only_ledger() {
        assertTrue(ledger.toFile().setWritable(false));
        try {
            assertEquals(0, sandbox("new").exitCode());
            CliRun post = sandbox("post", ACCRUAL);
            assertEquals(0, post.exitCode(), post.err());
        } finally {
            ledger.toFile().setWritable(true);
        }
    }

    @Test
    @DisplayName("a refused proposal is told exactly as the real command's refusal, and is not kept")
    void refusals() {
        assertEquals(0, eventscope("freeze", "-l", ledger.toString(), "expenses:fees", "--reason", "under review").exitCode());
        assertEquals(0, sandbox("new").exitCode());
        String bytes = SandboxFixture.sha256(ledger);
        List<String[]> commands = List.of(
                new String[]{"post", "--id", "X1", "--date", "2025-02-01", "--posting", "expenses:fees  10 EUR", "--posting", "assets:bank"},
                new String[]{"post", "--id", "X2", "--date", "2025-02-01", "--posting", "expenses:rent  10 EUR",
                        "--posting", "assets:bank  -9 EUR"},
                new String[]{"reverse", "E9", "--on", "2025-02-01"});
        for (String[] command : commands) {
            List<String> real = new ArrayList<>(List.of(command));
            real.addAll(1, List.of("-l", ledger.toString()));
            CliRun refusedForReal = eventscope(real.toArray(String[]::new));
            List<String> proposed = new ArrayList<>(List.of(command).subList(1, command.length));
            proposed.addAll(List.of("--reason", "try"));
            CliRun refusedInSandbox = sandbox(command[0], proposed.toArray(String[]::new));
            assertEquals(4, refusedForReal.exitCode(), refusedForReal.err());
            assertEquals(4, refusedInSandbox.exitCode(), refusedInSandbox.err());
            assertEquals(refusedForReal.err(), refusedInSandbox.err());
        }
        assertTrue(sandbox("list").out().contains("No proposals yet."));
        assertEquals(bytes, SandboxFixture.sha256(ledger));
    }

    @Test
    @DisplayName("after the ledger moved on, a proposal that no longer applies says why, and apply leaves it out")
    void redecided() {
        assertEquals(0, sandbox("new").exitCode());
        assertEquals(0, sandbox("post", ACCRUAL).exitCode());
        assertEquals(0, sandbox("close-period", "--through", "2025-01-31", "--reason", "January done").exitCode());
        assertEquals(0, eventscope("close-period", "-l", ledger.toString(), "--through", "2025-02-28").exitCode());

        CliRun list = sandbox("list");
        assertTrue(list.out().contains("refused: Entry E3 is dated 2025-01-31, but the books are closed through 2025-02-28"),
                list.out());
        assertTrue(sandbox("diff").out().contains("The proposals change no balance."));
    }

    @Test
    @DisplayName("no sandbox, or a damaged one, is one sentence")
    void problems() throws IOException {
        CliRun none = sandbox("list");
        assertEquals(2, none.exitCode());
        assertEquals(List.of("There is no sandbox of books.ledger for auditor; start one with 'eventscope sandbox new -l "
                + ledger + "'."), none.errLines());
        assertEquals(0, sandbox("new").exitCode());
        assertEquals(2, sandbox("new").exitCode());
        Path file;
        try (Stream<Path> files = Files.list(sandboxes)) {
            file = files.filter(path -> path.toString().endsWith(".sandbox.json")).findFirst().orElseThrow();
        }
        Files.writeString(file, "not json");
        CliRun damaged = sandbox("list");
        assertEquals(2, damaged.exitCode());
        assertEquals(1, damaged.errLines().size(), damaged.err());
        assertTrue(damaged.err().startsWith("The sandbox file " + file + " is damaged ("), damaged.err());
        assertEquals("not json", Files.readString(file));
        CliRun beyond = sandbox("new", "--replace", "--at-position", "99");
        assertEquals(2, beyond.exitCode());
        assertFalse(beyond.err().isBlank());
    }

    @Test
    @DisplayName("a sandbox at an earlier position decides there; moved to the head, its proposals are decided again")
    void moving_the_base() {
        CliRun early = sandbox("new", "--at-position", "5");
        assertEquals(0, early.exitCode(), early.err());
        assertTrue(early.out().startsWith("Sandbox of auditor at position 5 (position 5)."), early.out());
        // proposed at the head, so that it is kept, then decided at position 5 where entry E1 does not exist yet
        assertEquals(0, sandbox("new", "--move").exitCode());
        assertEquals(0, sandbox("reverse", "E1", "--on", "2025-01-31", "--id", "R1", "--reason", "rent belongs to February").exitCode());
        CliRun moved = sandbox("new", "--move", "--at-position", "5");
        assertTrue(moved.out().contains("refused: "), moved.out());
        assertTrue(moved.out().contains("E1"), moved.out());
        // refused where E1 does not exist: named by its id alone; accepted: by its date and description
        assertTrue(moved.out().contains("reverse E1 on 2025-01-31 as R1"), moved.out());
        CliRun back = sandbox("new", "--move");
        assertTrue(back.out().contains("Sandbox of auditor at the head"), back.out());
        assertTrue(back.out().lines().anyMatch(line -> line.contains("reverse E1 of 2025-01-05 \"Rent\" on 2025-01-31 as R1") && line.contains("accepted")), back.out());
        CliRun diff = sandbox("diff", "--as-of", "2025-01-31");
        assertTrue(diff.out().lines().anyMatch(line -> line.matches("expenses:rent\\s+EUR\\s+500\\s+0\\s+-500\\s+1")), diff.out());
        assertTrue(sandbox("diff", "--as-of", "2025-01-30").out().contains("The proposals change no balance."));
    }

    @Test
    @DisplayName("the audit report lists the proposed adjustments, each with its reason, effect and verdict, and still verifies")
    void report_section() throws IOException {
        assertEquals(0, sandbox("new").exitCode());
        assertEquals(0, sandbox("post", ACCRUAL).exitCode());
        // refused (a reversal may not be dated before its entry), so not kept and not reported
        assertEquals(4, sandbox("reverse", "E1", "--on", "2024-12-31", "--id", "R1", "--reason", "wrong year").exitCode());
        Path report = folder.resolve("report.html");
        CliRun written = eventscope("report", "-l", ledger.toString(), "--format", "html", "-o", report.toString(),
                "--with-proposals-of", "auditor", "--sandbox-dir", sandboxes.toString(), "--key-dir", folder.resolve("keys").toString());
        assertEquals(0, written.exitCode(), written.err());
        String html = Files.readString(report);
        assertTrue(html.contains("<h2 id=\"proposed-adjustments\">Proposed adjustments</h2>"), html);
        assertTrue(html.contains("<td>post E3 2025-01-31 Accrued audit fee</td><td>audit fee not accrued</td>"), html);
        assertTrue(html.contains("<td>accepted</td><td>assets:bank -300 EUR; expenses:fees 300 EUR; income + expenses 300 EUR</td>"),
                html);
        assertFalse(html.contains("wrong year"));
        CliRun verified = eventscope("verify-report", report.toString(), "-l", ledger.toString(),
                "--key-dir", folder.resolve("keys").toString());
        assertEquals(0, verified.exitCode(), verified.out() + verified.err());
        for (String format : List.of("pdf", "csv", "json")) {
            Path other = folder.resolve("report." + format);
            CliRun each = eventscope("report", "-l", ledger.toString(), "--format", format, "-o", other.toString(),
                    "--with-proposals-of", "auditor", "--sandbox-dir", sandboxes.toString(), "--key-dir", folder.resolve("keys").toString());
            assertEquals(0, each.exitCode(), each.err());
            if (!format.equals("pdf")) {
                assertTrue(Files.readString(other).contains("audit fee not accrued"), format);
            }
            CliRun signed = eventscope("verify-report", other.toString(), "-l", ledger.toString(), "--key-dir", folder.resolve("keys").toString());
            assertEquals(0, signed.exitCode(), format + ": " + signed.out() + signed.err());
        }
    }

    @Test
    @DisplayName("sandbox diff --statement: the statement as posted beside as adjusted, each changed line with its proposals")
    void statement_diff() {
        assertEquals(0, sandbox("new").exitCode());
        assertEquals(0, sandbox("post", ACCRUAL).exitCode());
        CliRun income = sandbox("diff", "--statement", "income");
        assertEquals(0, income.exitCode(), income.err());
        assertTrue(income.out().contains("Income Statement 2025-01-05..2025-01-31, as posted beside as adjusted"), income.out());
        assertTrue(income.out().lines().anyMatch(line -> line.matches("\\s*fees\\s+0\\s+300 EUR\\s+300 EUR\\s+#1")), income.out());
        assertTrue(income.out().lines().anyMatch(line -> line.matches("Total expenses\\s+500 EUR\\s+800 EUR\\s+300 EUR\\s+#1")), income.out());
        assertTrue(income.out().lines().anyMatch(line -> line.matches("\\s*sales\\s+1200 EUR\\s+1200 EUR\\s*")), income.out());
        CliRun sheet = sandbox("diff", "--statement", "balance-sheet", "-p", "2025-01", "--depth", "1");
        assertTrue(sheet.out().lines().anyMatch(line -> line.matches("assets\\s+700 EUR\\s+400 EUR\\s+-300 EUR\\s+#1")), sheet.out());
        CliRun monthly = sandbox("diff", "--statement", "balance-sheet", "-M", "-p", "2025-01..2025-03");
        assertTrue(monthly.out().lines().anyMatch(line -> line.matches("LINE\\s+AS POSTED 2025-01-31\\s+AS ADJUSTED 2025-01-31\\s+CHANGE 2025-01-31\\s+AS POSTED 2025-02-28.*")),
                monthly.out());
        CliRun wrong = sandbox("diff", "--statement", "cash-flow");
        assertEquals(2, wrong.exitCode());
        assertEquals(List.of("There is no statement \"cash-flow\": choose balance-sheet, income or trial-balance."), wrong.errLines());
        CliRun period = sandbox("diff", "--statement", "income", "-p", "last year");
        assertEquals(2, period.exitCode());
        assertEquals(1, period.errLines().size(), period.err());
        assertTrue(period.err().contains("last year"), period.err());
    }

    @Test
    @DisplayName("hledger reads the ledger's journal with the proposals' journal as the books as adjusted, in full and as of a date")
    void hledger_agrees_with_the_export() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.eventscope.journal.testkit.Hledger.isAvailable(), "hledger is not installed");
        assertEquals(0, sandbox("new").exitCode());
        assertEquals(0, sandbox("open-account", "liabilities:accrued", "--on", "2025-01-01", "--reason", "for accruals").exitCode());
        assertEquals(0, sandbox("post", "--reason", "audit fee not accrued", "--date", "2025-01-31", "--description", "Accrued audit fee",
                "--posting", "expenses:fees  300 EUR", "--posting", "expenses:rent  -20 EUR", "--posting", "liabilities:accrued").exitCode());
        assertEquals(0, sandbox("reverse", "E2", "--on", "2025-02-02", "--reason", "the sale was cancelled").exitCode());
        assertEquals(0, sandbox("close-period", "--through", "2025-01-31", "--reason", "January done").exitCode());
        assertEquals(4, sandbox("post", "--reason", "too late", "--date", "2025-01-15", "--posting", "expenses:fees  5 EUR",
                "--posting", "assets:bank").exitCode(), "refused: not kept, not exported");
        Path books = folder.resolve("ledger.journal");
        Path proposals = folder.resolve("proposals.journal");
        assertEquals(0, eventscope("export", "-l", ledger.toString(), "-o", books.toString()).exitCode());
        CliRun export = sandbox("export", "-o", proposals.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertEquals("Wrote 2 proposed entries to " + proposals + ".", export.out().strip());
        Path both = folder.resolve("as-adjusted.journal");
        Files.writeString(both, Files.readString(books) + "\n" + Files.readString(proposals));
        assertTrue(dev.eventscope.journal.testkit.Hledger.check(both).succeeded(), dev.eventscope.journal.testkit.Hledger.check(both).describe());

        try (dev.eventscope.session.LedgerSession session = dev.eventscope.session.TestSessions.SQLITE.openReadOnly(ledger)) {
            dev.eventscope.sandbox.Sandbox sandbox = dev.eventscope.sandbox.Sandbox.open(session, new dev.eventscope.sandbox.SandboxFiles(sandboxes)
                    .read(dev.eventscope.sandbox.Sandbox.ledgerId(session), "auditor").orElseThrow());
            for (java.time.LocalDate asOf : java.util.Arrays.asList(null, java.time.LocalDate.of(2025, 1, 31))) {
                java.util.Map<String, java.util.Map<String, java.math.BigDecimal>> ours = new java.util.TreeMap<>();
                sandbox.adjustments(asOf).asAdjusted().forEach((account, commodity, amount) -> {
                    if (amount.signum() != 0) {
                        ours.computeIfAbsent(account, name -> new java.util.TreeMap<>())
                                .put(commodity, dev.eventscope.journal.testkit.Hledger.normalize(amount));
                    }
                });
                java.util.Map<String, java.util.Map<String, java.math.BigDecimal>> hledger = asOf == null
                        ? dev.eventscope.journal.testkit.Hledger.balancesAtEnd(both) : dev.eventscope.journal.testkit.Hledger.balances(both, asOf);
                assertEquals(ours, new java.util.TreeMap<>(hledger), "as adjusted as of " + asOf);
            }
        }
    }

    @Test
    @DisplayName("the report's section says of each proposal whether it is accepted, refused (and why) or applied (by whom)")
    void report_says_accepted_or_not() throws IOException {
        assertEquals(0, sandbox("new").exitCode());
        assertEquals(0, sandbox("post", ACCRUAL).exitCode());
        assertEquals(0, sandbox("apply", "--by", "controller").exitCode());
        assertEquals(0, sandbox("post", "--reason", "January fee", "--date", "2025-01-25", "--posting", "expenses:fees  40 EUR",
                "--posting", "assets:bank").exitCode());
        assertEquals(0, sandbox("post", "--reason", "March fee", "--date", "2025-03-10", "--posting", "expenses:fees  60 EUR",
                "--posting", "assets:bank").exitCode());
        assertEquals(0, eventscope("close-period", "-l", ledger.toString(), "--through", "2025-02-28").exitCode());
        Path report = folder.resolve("report.json");
        CliRun written = eventscope("report", "-l", ledger.toString(), "--format", "json", "-o", report.toString(),
                "--with-proposals-of", "auditor", "--sandbox-dir", sandboxes.toString(), "--key-dir", folder.resolve("keys").toString());
        assertEquals(0, written.exitCode(), written.err());
        com.fasterxml.jackson.databind.JsonNode section = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile())
                .get("proposedAdjustments");
        assertEquals(3, section.size(), section.toString());
        assertTrue(section.get(0).get("status").asText().startsWith("applied by controller at "), section.toString());
        assertTrue(section.get(1).get("status").asText().startsWith("refused: Entry E4 is dated 2025-01-25, but the books are closed through 2025-02-28"),
                section.toString());
        assertEquals("accepted", section.get(2).get("status").asText());
        assertEquals("March fee", section.get(2).get("reason").asText());
        assertTrue(section.get(2).get("effect").asText().contains("expenses:fees 60 EUR"), section.toString());
    }
}
