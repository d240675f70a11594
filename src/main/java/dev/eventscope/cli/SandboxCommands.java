package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.application.CommandDraft;
import dev.eventscope.audit.OutputRefused;
import dev.eventscope.sandbox.Adjustments;
import dev.eventscope.sandbox.DecidedProposal;
import dev.eventscope.sandbox.ProposalJournal;
import dev.eventscope.sandbox.Sandbox;
import dev.eventscope.sandbox.SandboxBase;
import dev.eventscope.sandbox.SandboxContents;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.statement.ReportPeriod;
import dev.eventscope.statement.StatementClock;
import dev.eventscope.statement.StatementKind;
import dev.eventscope.statement.StatementRequest;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code eventscope sandbox ...}: proposed adjustments kept beside a ledger, never in it, until {@code apply}. The
 * proposing subcommands are the real commands ({@code post}, {@code reverse}, {@code open-account}, {@code close-period})
 * with the same options plus {@code --reason}; they only read the ledger. See docs/sandbox.md.
 */
final class SandboxCommands {

    static final String EXIT_CODES_HEADING = "%nExit codes:%n";

    private SandboxCommands() {
    }

    @Command(name = "sandbox", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            synopsisSubcommandLabel = "COMMAND",
            description = {"Proposed adjustments: try entries on the books at any point without changing them.",
                    "Example: sandbox new -l books.ledger; sandbox post -l books.ledger --reason 'fee not accrued' "
                            + "--date 2025-01-31 --posting 'expenses:fees  300 EUR' --posting 'liabilities:accrued'; "
                            + "sandbox diff -l books.ledger; sandbox apply -l books.ledger"})
    static final class Parent extends ParentCommand {
    }

    /** The {@code sandbox} command with its subcommands. */
    static CommandLine commandLine(LedgerSessions sessions) {
        CommandLine sandbox = new CommandLine(new Parent());
        sandbox.addSubcommand(new New(sessions));
        sandbox.addSubcommand(new Post(sessions));
        sandbox.addSubcommand(new Reverse(sessions));
        sandbox.addSubcommand(new OpenAccount(sessions));
        sandbox.addSubcommand(new ClosePeriod(sessions));
        sandbox.addSubcommand(new ListProposals(sessions));
        sandbox.addSubcommand(new Diff(sessions));
        sandbox.addSubcommand(new Export(sessions));
        sandbox.addSubcommand(new Apply(sessions));
        return sandbox;
    }

    @Command(name = "post", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Proposes a journal entry (the options of 'post', and --reason); the ledger is only read.",
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Proposed.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger or no sandbox.",
                    AccountCommands.REFUSED})
    static final class Post extends EntryCommands.Post {
        @Mixin
        Proposing proposing;

        Post(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        public Integer call() {
            return proposing.propose(this, drafts());
        }
    }

    @Command(name = "reverse", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Proposes reversing an entry (the options of 'reverse', and --reason); the ledger is only read.",
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Proposed.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger or no sandbox.",
                    AccountCommands.REFUSED})
    static final class Reverse extends EntryCommands.Reverse {
        @Mixin
        Proposing proposing;

        Reverse(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        public Integer call() {
            return proposing.propose(this, List.of(draft()));
        }
    }

    @Command(name = "open-account", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Proposes opening an account (the options of 'open-account', and --reason); the ledger is only read.",
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Proposed.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger or no sandbox.",
                    AccountCommands.REFUSED})
    static final class OpenAccount extends AccountCommands.Open {
        @Mixin
        Proposing proposing;

        OpenAccount(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        public Integer call() {
            return proposing.propose(this, List.of(draft()));
        }
    }

    @Command(name = "close-period", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Proposes closing the books through a date (the options of 'close-period', and --reason).",
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Proposed.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger or no sandbox.",
                    AccountCommands.REFUSED})
    static final class ClosePeriod extends AccountCommands.ClosePeriodCommand {
        @Mixin
        Proposing proposing;

        ClosePeriod(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        public Integer call() {
            return proposing.propose(this, List.of(draft()));
        }
    }

    /** What the proposing subcommands add to the real commands' options: the reason, and where sandboxes are kept. */
    static final class Proposing {
        @Mixin
        SandboxAccess sandbox;
        @Option(names = "--reason", required = true, description = "Why the adjustment is proposed (kept with the proposal).")
        String reason;

        int propose(LedgerCommandBase command, List<CommandDraft> drafts) {
            return sandbox.propose(command, drafts, reason);
        }
    }

    /** What the reading subcommands share: the ledger (opened read-only), whose sandbox, and where sandboxes are kept. */
    abstract static class Reading implements Callable<Integer> {
        final LedgerSessions sessions;
        @Spec
        CommandSpec spec;
        @Mixin
        LedgerOption ledger;
        @Mixin
        SandboxAccess sandbox;
        @Option(names = "--user", paramLabel = "NAME", description = "Whose sandbox (default: the operating-system user).")
        String user;

        Reading(LedgerSessions sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
        }

        abstract void run(LedgerSession session, String owner, PrintWriter out);

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (LedgerSession session = openLedger()) {
                run(session, SandboxAccess.userOf(user), out);
            }
            out.flush();
            return ExitCodes.OK;
        }

        LedgerSession openLedger() {
            return ledger.openReadOnly(sessions);
        }
    }

    /** Where a new sandbox stands: a position, a recorded time, or (neither) the head. */
    static final class BaseOptions {
        @Option(names = "--at-position", paramLabel = "N", description = "Stand at this position of the ledger.")
        Long position;
        @Option(names = "--at-time", paramLabel = "INSTANT",
                description = "Stand at the last position recorded at or before this time (e.g. 2025-03-31T23:59:59Z).")
        Instant recordedAt;

        SandboxBase base() {
            return position != null ? SandboxBase.atPosition(position) : recordedAt != null ? SandboxBase.atTime(recordedAt) : SandboxBase.HEAD;
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = {"Starts your sandbox of a ledger at a point (default: the head, following the ledger as it grows).",
                    "With --move, moves your sandbox to the point instead, keeping its proposals (they are decided again there)."},
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger, or a sandbox exists."})
    static final class New extends Reading {
        @ArgGroup(exclusive = true)
        BaseOptions point = new BaseOptions();
        @Option(names = "--move", description = "Move the existing sandbox (keeping its proposals).")
        boolean move;
        @Option(names = "--replace", description = "Throw the existing sandbox away and start afresh.")
        boolean replace;

        New(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        void run(LedgerSession session, String owner, PrintWriter out) {
            SandboxBase base = point == null ? SandboxBase.HEAD : point.base();
            Sandbox started = SandboxAccess.guarded(() -> {
                String ledgerId = Sandbox.ledgerId(session);
                var existing = sandbox.files().read(ledgerId, owner);
                if (existing.isPresent() && !move && !replace) {
                    throw new CommandProblem("There is a sandbox of " + session.fileName() + " for " + owner
                            + " already; give --move to move it or --replace to start afresh.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
                SandboxContents contents = move && existing.isPresent() ? existing.get().withBase(base)
                        : new SandboxContents(ledgerId, owner, base, List.of());
                Sandbox opened = Sandbox.open(session, contents);
                sandbox.files().replace(existing.orElse(null), contents);
                return opened;
            });
            out.println(SandboxAccess.baseLine().apply(started));
            ListProposals.print(started, out);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Lists your proposals, each decided afresh against the sandbox's point: accepted, refused (and why) or applied.",
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger or no sandbox."})
    static final class ListProposals extends Reading {
        ListProposals(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        void run(LedgerSession session, String owner, PrintWriter out) {
            Sandbox opened = sandbox.open(session, owner);
            out.println(SandboxAccess.baseLine().apply(opened));
            print(opened, out);
        }

        static void print(Sandbox sandbox, PrintWriter out) {
            if (sandbox.decided().isEmpty()) {
                out.println("No proposals yet.");
                return;
            }
            TextTable table = new TextTable("#", "PROPOSAL", "STATUS", "REASON", "PROPOSED BY").alignRight(0);
            for (DecidedProposal decided : sandbox.decided()) {
                table.addRow(Integer.toString(decided.proposal().number()), decided.summary(), decided.verdict(),
                        decided.proposal().reason(), decided.proposal().proposedBy() + " " + decided.proposal().proposedAt());
            }
            table.print(out);
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Shows the balances as posted beside as adjusted, each change with the proposals that cause it, "
                    + "the trial balance and the effect on profit.",
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger or no sandbox."})
    static final class Diff extends Reading {
        @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Count only postings dated on or before this entry date.")
        LocalDate asOf;
        @Option(names = "--statement", paramLabel = "balance-sheet|income|trial-balance", description = "Show this statement as"
                + " posted beside as adjusted instead, each changed line with the proposals that change it.")
        String statement;
        @Option(names = {"-p", "--period"}, paramLabel = "PERIOD", description = "With --statement: 2025, 2025Q1, 2025-03 or A..B,"
                + " as in 'statement'; default: every entry.")
        String period = "";
        @Option(names = "--depth", paramLabel = "N", description = "With --statement: roll accounts up to N levels (default: every level).")
        int depth;
        @ArgGroup(exclusive = true)
        StatementCommand.Columns columns = new StatementCommand.Columns();

        Diff(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        void run(LedgerSession session, String owner, PrintWriter out) {
            Sandbox opened = sandbox.open(session, owner);
            if (statement != null) {
                StatementRequest request;
                try {
                    if (asOf != null) {
                        throw new IllegalArgumentException("--as-of and --statement do not go together: give the statement's --period instead.");
                    }
                    request = new StatementRequest(StatementKind.ofCommandName(statement), ReportPeriod.parse(period),
                            columns.interval(), depth, StatementClock.ENTRY_DATE);
                } catch (IllegalArgumentException wrong) { // InvalidPeriod, no such statement, a negative depth
                    throw new CommandProblem(wrong.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
                out.println(SandboxAccess.baseLine().apply(opened));
                SandboxStatementText.print(SandboxAccess.guarded(() -> opened.statement(request)), out);
                return;
            }
            Adjustments adjustments = opened.adjustments(asOf);
            out.println(SandboxAccess.baseLine().apply(opened) + (asOf == null ? "" : " Postings dated on or before " + asOf + "."));
            if (adjustments.differences().isEmpty()) {
                out.println("The proposals change no balance.");
            } else {
                TextTable table = new TextTable("ACCOUNT", "COMMODITY", "AS POSTED", "AS ADJUSTED", "CHANGE", "BY PROPOSALS")
                        .alignRight(2).alignRight(3).alignRight(4);
                for (Adjustments.Difference difference : adjustments.differences()) {
                    table.addRow(difference.account(), difference.commodity(), difference.asPosted().toPlainString(),
                            difference.asAdjusted().toPlainString(), difference.change().toPlainString(),
                            String.join(", ", difference.causedBy().stream().map(String::valueOf).toList()));
                }
                table.print(out);
            }
            TextTable trial = new TextTable("TRIAL BALANCE", "COMMODITY", "DEBITS", "CREDITS").alignRight(2).alignRight(3);
            adjustments.asPosted().debitTotals().forEach((commodity, debits) -> trial.addRow("as posted", commodity,
                    debits.toPlainString(), adjustments.asPosted().creditTotals().get(commodity).toPlainString()));
            adjustments.asAdjusted().debitTotals().forEach((commodity, debits) -> trial.addRow("as adjusted", commodity,
                    debits.toPlainString(), adjustments.asAdjusted().creditTotals().get(commodity).toPlainString()));
            trial.print(out);
            adjustments.effectOnProfit().forEach((commodity, effect) -> out.println("Effect on income + expenses: "
                    + effect.toPlainString() + " " + commodity + " (below zero, profit rises)."));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Writes the proposals as an hledger journal (to standard output, or to --output).",
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Done.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger or no sandbox."})
    static final class Export extends Reading {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the journal to this file (replaced whole).")
        Path output;

        Export(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        void run(LedgerSession session, String owner, PrintWriter out) {
            Sandbox opened = sandbox.open(session, owner);
            if (output == null) {
                ProposalJournal.write(opened, out);
                return;
            }
            int entries;
            try {
                entries = ProposalJournal.writeFile(opened, output, List.of(ledger.file()));
            } catch (OutputRefused refused) {
                throw new CommandProblem(refused.getMessage(), ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            } catch (UncheckedIOException failed) {
                throw new CommandProblem("Could not write the proposed entries to " + PrintableText.of(output) + ": "
                        + failed.getCause().getMessage() + "; nothing was changed.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            out.println("Wrote " + entries + " proposed entries to " + PrintableText.of(output) + ".");
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = {"Posts your accepted proposals to the ledger in one atomic append by the applying user (--by),",
                    "decided against the ledger as it now is; then marks them applied. All or none is written."},
            exitCodeListHeading = EXIT_CODES_HEADING,
            exitCodeList = {"0:Applied.", "1:Eventscope failed unexpectedly.", "2:Wrong command line, not a ledger or no sandbox.",
                    AccountCommands.REFUSED})
    static final class Apply extends Reading {
        @Option(names = "--by", paramLabel = "NAME", description = "Who accepts and posts them (default: the sandbox's user).")
        String by;

        Apply(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        LedgerSession openLedger() {
            return ledger.openForWriting(sessions, false);
        }

        @Override
        void run(LedgerSession session, String owner, PrintWriter out) {
            Sandbox opened = sandbox.open(session, owner);
            String applier = by == null ? owner : by;
            // the file is checked, the ledger appended to and the file marked under the sandbox's lock (session 23)
            Sandbox.Applied[] done = new Sandbox.Applied[1];
            SandboxAccess.guarded(() -> sandbox.files().replaceAfter(opened.contents(),
                    () -> (done[0] = opened.apply(applier, Instant.now())).sandbox().contents()));
            Sandbox.Applied applied = done[0];
            long first = applied.executed().get(0).result().positions().stream().findFirst().orElse(0L);
            long last = applied.executed().get(applied.executed().size() - 1).result().lastPosition();
            out.println("Applied " + applied.executed().size() + " proposals as " + applier + " (positions " + first + "–" + last + ").");
        }
    }
}
