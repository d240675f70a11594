package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.CommandContext;
import dev.eventscope.audit.IntegrityText;
import dev.eventscope.audit.OutputRefused;
import dev.eventscope.audit.PaperSize;
import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.ReportGenerator;
import dev.eventscope.audit.ReportOutcome;
import dev.eventscope.audit.ReportRequest;
import dev.eventscope.audit.ReportScope;
import dev.eventscope.audit.ReportSignature;
import dev.eventscope.audit.ReportSigner;
import dev.eventscope.audit.SignedReportFile;
import dev.eventscope.audit.SigningKeys;
import dev.eventscope.audit.TimeBasis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code eventscope report}: writes a signed audit report of a ledger (or part of it) as PDF, HTML, CSV or JSON. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {
                "Writes a signed audit report of the ledger as PDF, HTML, CSV or JSON.",
                "The report states the hash-chain check first, then a summary with balances, reversals and late"
                        + " corrections, then every event in scope with who, when, what and the state before and after."
                        + " It is signed with your Ed25519 key (created on first use) into PATH.sig."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:The report was written and signed (it states any tampering it found).",
                "1:Eventscope failed unexpectedly.",
                "2:Wrong command line, the file is missing or not a ledger, or PATH may not be written (it is a ledger,"
                        + " or it exists and --force was not given); nothing was written."})
public final class ReportCommand implements Callable<Integer> {

    private final LedgerSessions sessions;
    private final Clock clock;
    private final String user;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LedgerOption ledger;

    @Option(names = "--format", required = true, paramLabel = "pdf|html|csv|json", description = "The report's format.")
    private ReportFormat format;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "PATH", description = "The report file to write.")
    private Path out;

    @Option(names = {"-f", "--force"}, description = "Replace PATH (and PATH.sig) if it exists.")
    private boolean force;

    @Option(names = "--account", paramLabel = "A", description = "Only this account and its sub-accounts.")
    private String account;

    @Option(names = "--entry", paramLabel = "ID", description = "Only this journal entry, with its postings and reversals.")
    private String entry;

    @Option(names = "--user", paramLabel = "U", description = "Only this user's actions.")
    private String actor;

    @Option(names = "--from", paramLabel = "D", description = "First day of the period (YYYY-MM-DD), inclusive.")
    private String from;

    @Option(names = "--to", paramLabel = "D", description = "Last day of the period (YYYY-MM-DD), inclusive.")
    private String to;

    @Option(names = "--by", paramLabel = "entry-date|recorded-time", defaultValue = "entry-date",
            description = "Which clock the period is on (default: ${DEFAULT-VALUE}).")
    private String by;

    @Option(names = "--tests", description = "Add the results of the journal-entry tests (eventscope tests) after the events.")
    private boolean withTests;

    @Option(names = "--no-findings", description = "Leave out the findings recorded on this ledger (they are added by default).")
    private boolean withoutFindings;

    @Option(names = "--findings-dir", hidden = true, paramLabel = "DIR", description = "Where findings are kept.")
    private Path findingsDirectory;

    @Option(names = "--paper", paramLabel = "a4|letter", defaultValue = "a4", description = "PDF paper size (default: ${DEFAULT-VALUE}).")
    private PaperSize paper;

    @Option(names = "--statements", description = "Add a 'Statements' section: the balance sheet and income statement"
            + " per quarter (per year past eight quarters), accounts to two levels, as of the verified events.")
    private boolean withStatements;

    @Option(names = "--with-proposals-of", paramLabel = "USER",
            description = "Add a 'Proposed adjustments' section (every format) with USER's sandbox of the ledger (see 'sandbox').")
    private String proposalsOf;
    @Mixin
    private SandboxAccess sandboxes;
    @Option(names = "--key-dir", paramLabel = "DIR", hidden = true,
            description = "Where signing keys live (default: $XDG_CONFIG_HOME/eventscope/keys or ~/.config/eventscope/keys).")
    private Path keyDirectory;

    public ReportCommand(LedgerSessions sessions) {
        this(sessions, Clock.systemDefaultZone(), CommandContext.osUser().user());
    }

    /** For tests: a fixed clock and the user who signs. */
    public ReportCommand(LedgerSessions sessions, Clock clock, String user) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.user = Objects.requireNonNull(user, "user");
    }

    /** The generator, adding the findings (unless --no-findings) and the test results (with --tests) after the events. */
    private ReportGenerator generator() {
        Path findings = withoutFindings ? null
                : findingsDirectory != null ? findingsDirectory : dev.eventscope.audit.findings.FindingsFile.defaultDirectory();
        ReportGenerator generator = withStatements ? ReportGenerator.create().withStatements() : ReportGenerator.create();
        return generator.withWorkbench(store -> dev.eventscope.audit.ReportWorkbench.of(store, findings, withTests,
                dev.eventscope.audit.tests.TestSettings.defaults(clock.getZone())));
    }

    @Override
    public Integer call() {
        ReportScope scope = scope();
        PrintWriter err = spec.commandLine().getErr();
        ReportRequest request = new ReportRequest(ledger.file(), scope, format, paper, user, clock.instant(), clock.getZone(),
                ManifestVersionProvider.version());
        SigningKeys keys = keyDirectory == null ? SigningKeys.forCurrentUser() : new SigningKeys(keyDirectory);
        SignedReportFile.Written written;
        try (LedgerSession session = ledger.openReadOnly(sessions)) {
            if (proposalsOf != null) {
                request = request.withProposedAdjustments(sandboxes.open(session, proposalsOf).reportSection());
            }
            long[] lastDecile = {-1};
            String[] lastPhase = {""};
            written = session.writeReport(new SignedReportFile(generator(), new ReportSigner(keys)), request, out,
                    force, (phase, done, total) -> {
                        long percent = total == 0 ? 100 : done * 100 / total;
                        if (percent / 10 != lastDecile[0] || !phase.equals(lastPhase[0])) {
                            lastDecile[0] = percent / 10;
                            lastPhase[0] = phase;
                            err.println(phase + ": " + done + " of " + total + " events (" + percent + "%)");
                            err.flush();
                        }
                    });
        } catch (OutputRefused refused) {
            throw new CommandProblem(refused.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        } catch (UncheckedIOException failed) {
            throw new CommandProblem(failed.getMessage() + ".", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        ReportOutcome outcome = written.outcome();
        ReportSignature signature = written.signature();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Wrote " + PrintableText.of(out) + " (" + outcome.rowsWritten() + " events in scope). " + IntegrityText.headline(outcome.integrity()));
        stdout.println("Signed by " + user + " with key " + signature.publicKeyFingerprint() + " into " + PrintableText.of(ReportSigner.signatureFile(out)) + ".");
        return ExitCodes.OK;
    }

    private ReportScope scope() {
        TimeBasis basis = switch (by.toLowerCase(Locale.ROOT)) {
            case "entry-date" -> TimeBasis.ENTRY_DATE;
            case "recorded-time" -> TimeBasis.RECORDED_TIME;
            default -> throw new CommandProblem("--by must be entry-date or recorded-time, not " + by + ".",
                    ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        };
        try {
            return new ReportScope(account, entry, actor, date("--from", from), date("--to", to), basis);
        } catch (IllegalArgumentException wrongPeriod) {
            throw new CommandProblem(wrongPeriod.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            throw new CommandProblem(option + " must be a date like 2024-03-31, not " + text + ".", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }
}
