package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.audit.findings.Finding;
import dev.eventscope.audit.findings.FindingTarget;
import dev.eventscope.audit.findings.FindingsFile;
import dev.eventscope.audit.findings.FindingsFormats;
import dev.eventscope.audit.findings.Severity;
import dev.eventscope.audit.tests.JournalEntryTests;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.eventstore.StreamId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * {@code eventscope findings add|list|remove --ledger FILE}: the auditor's findings on a ledger, kept per
 * user and ledger id outside the ledger file (the ledger is only read).
 */
@Command(name = "findings",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {"Records, lists (and exports) or removes the auditor's findings on a ledger: an event, an entry, a"
                + " point in time or a test result, with a severity and a note.",
                "Findings are kept per user and ledger id outside the ledger file; reports include them."})
final class FindingsCommand implements Callable<Integer> {

    /** The {@code findings} command with its subcommands. */
    static picocli.CommandLine create(LedgerSessions stores) {
        return new picocli.CommandLine(new FindingsCommand()).addSubcommand(new Add(stores)).addSubcommand(new ListFindings(stores))
                .addSubcommand(new Remove(stores));
    }

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE_OR_UNREADABLE_LEDGER;
    }

    /** What every findings subcommand shares: the ledger, the user, and where findings are kept. */
    abstract static class Base implements Callable<Integer> {
        final LedgerSessions stores;

        @Spec
        CommandSpec spec;

        @Mixin
        LedgerOption ledger;

        @Option(names = "--user", paramLabel = "NAME", description = "Whose findings (default: the operating-system user).")
        String user;

        @Option(names = "--findings-dir", hidden = true, paramLabel = "DIR", description = "Where findings are kept.")
        Path directory;

        Base(LedgerSessions stores) {
            this.stores = Objects.requireNonNull(stores, "stores");
        }

        FindingsFile findingsFile(LedgerSession store) {
            String ledgerId = store.readAt(1).map(RecordedEvent::eventId).orElseThrow(() -> new CommandProblem(
                    PrintableText.of(ledger.file()) + " is an empty ledger: there is nothing to record findings on.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER));
            return new FindingsFile(directory != null ? directory : FindingsFile.defaultDirectory(), ledgerId,
                    user != null ? user : System.getProperty("user.name", "auditor"),
                    FindingsFile.History.of(store::lastPosition, position -> store.readAt(position).map(RecordedEvent::hash)));
        }

        static CommandProblem usage(String message) {
            return new CommandProblem(message, ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Records a finding.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:The finding was recorded.", "1:Eventscope failed unexpectedly.",
                    "2:Wrong command line, a target that is not in the ledger, or the file is missing or not a ledger."})
    static final class Add extends Base {

        static final class Target {
            @Option(names = "--event", paramLabel = "POSITION", description = "An event, by its position.")
            Long event;
            @Option(names = "--entry", paramLabel = "ID", description = "A journal entry, by its id.")
            String entry;
            @Option(names = "--at", paramLabel = "TIME", description = "A point in time (recorded time, e.g. 2025-05-06T12:00:00Z).")
            String at;
            @Option(names = "--test", paramLabel = "NAME[/ENTRY]", description = "A test result, e.g. late-postings/JE-2025-0100.")
            String test;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "medium", description = "info, low, medium (default), high or critical.")
        String severity;

        @Option(names = "--note", paramLabel = "TEXT", required = true, description = "What was found.")
        String note;

        Add(LedgerSessions stores) {
            super(stores);
        }

        @Override
        public Integer call() {
            Finding finding;
            try (LedgerSession store = ledger.openReadOnly(stores)) {
                FindingTarget what = target(store);
                try {
                    finding = findingsFile(store).add(what, Severity.named(severity), note, Clock.systemUTC());
                } catch (IllegalArgumentException wrong) {
                    throw usage(wrong.getMessage());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Recorded finding " + finding.id() + " (" + finding.severity().text() + ") on " + finding.target().describe() + ".");
            out.flush();
            return ExitCodes.OK;
        }

        private FindingTarget target(LedgerSession store) {
            if (target.event != null) {
                if (target.event < 1 || target.event > store.lastPosition()) {
                    throw usage("There is no event at position " + target.event + ": the ledger's events are 1 to " + store.lastPosition() + ".");
                }
                return FindingTarget.event(target.event);
            }
            if (target.entry != null) {
                if (store.streamVersion(StreamId.of("entry-" + target.entry.strip())) == 0) {
                    throw usage("There is no journal entry " + target.entry + " in " + PrintableText.of(ledger.file().getFileName()) + ".");
                }
                return FindingTarget.entry(target.entry);
            }
            if (target.at != null) {
                try {
                    return FindingTarget.time(Instant.parse(target.at));
                } catch (DateTimeException wrong) {
                    throw usage("--at " + target.at + " is not a time such as 2025-05-06T12:00:00Z.");
                }
            }
            String[] parts = target.test.split("/", 2);
            if (!JournalEntryTests.names().contains(parts[0])) {
                throw usage("There is no journal-entry test \"" + parts[0] + "\"; the tests are: " + String.join(", ", JournalEntryTests.names()) + ".");
            }
            return FindingTarget.test(parts[0], parts.length > 1 ? parts[1] : null);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists (exports) the findings.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:The findings were listed (possibly none).", "1:Eventscope failed unexpectedly.",
                    "2:Wrong command line, or the file is missing or not a ledger."})
    static final class ListFindings extends Base {

        @Option(names = "--all-users", description = "Every user's findings on this ledger, not only this user's.")
        boolean allUsers;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text (default), csv or json.")
        TestsCommand.Format format;

        ListFindings(LedgerSessions stores) {
            super(stores);
        }

        @Override
        public Integer call() {
            List<Finding> findings;
            try (LedgerSession store = ledger.openReadOnly(stores)) {
                FindingsFile findingsFile = findingsFile(store);
                findings = allUsers ? findingsFile.everyUsers() : findingsFile.list();
            }
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case TEXT -> FindingsFormats.text(findings, out);
                case CSV -> FindingsFormats.csv(findings, out);
                case JSON -> FindingsFormats.json(findings, out);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes one of this user's findings.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:The finding was removed.", "1:Eventscope failed unexpectedly.",
                    "2:No such finding, wrong command line, or the file is missing or not a ledger."})
    static final class Remove extends Base {

        @Parameters(paramLabel = "ID", description = "The finding, e.g. F-0003.")
        String id;

        Remove(LedgerSessions stores) {
            super(stores);
        }

        @Override
        public Integer call() {
            Finding removed;
            try (LedgerSession store = ledger.openReadOnly(stores)) {
                removed = findingsFile(store).remove(id);
            } catch (IllegalArgumentException wrong) {
                throw usage(wrong.getMessage());
            }
            spec.commandLine().getOut().println("Removed finding " + removed.id() + " on " + removed.target().describe() + ".");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
