package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;

import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import dev.eventscope.application.CommandDraft;
import dev.eventscope.application.CommandResult;
import dev.eventscope.application.Executed;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.JournalTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Posting and reversing journal entries from the command line. */
final class EntryCommands {

    private EntryCommands() {
    }

    @Command(name = "post", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = {"Posts a journal entry, from options or as a journal snippet on standard input.",
                    "Example: post -l books.ledger --date 2025-02-01 --description Rent "
                            + "--posting 'expenses:rent  500 EUR' --posting 'assets:bank'",
                    "Or: printf '2025-02-01 Rent\\n  expenses:rent  500 EUR\\n  assets:bank\\n' | post -l books.ledger -"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Posted.", "1:Eventscope failed unexpectedly.", "2:Wrong command line or not a ledger.",
                    AccountCommands.REFUSED})
    static class Post extends LedgerCommandBase {
        @Parameters(arity = "0..1", paramLabel = "-", description = "Read the entries as a journal snippet from standard input.")
        String stdin;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The entry's date.")
        LocalDate date;
        @Option(names = "--description",
                description = "What the entry is, one line without ';' (in a journal ';' starts a comment).")
        String description = "";
        @Option(names = "--posting", paramLabel = "'ACCOUNT  AMOUNT'",
                description = "A posting: the account, two spaces, the amount (as in a journal). One posting may omit its amount.")
        List<String> postings = new ArrayList<>();
        @Option(names = "--id", description = "The entry id (default: the next E000123).")
        String id;
        @Option(names = "--commodity", description = "Commodity for amounts written without one (default EUR).")
        String commodity = "EUR";

        Post(LedgerSessions sessions) {
            super(sessions);
        }

        /**
         * Reads every entry first, then decides and writes them all in one transaction (all or none), with
         * automatic ids allocated inside it; the lines saying what was posted come only after the commit.
         */
        @Override
        public Integer call() {
            List<CommandDraft> drafts = drafts();
            List<Executed> executed;
            try (LedgerSession session = ledger.openForWriting(sessions(), false)) {
                executed = session.commands().executeTogether(drafts, context());
            }
            PrintWriter out = spec.commandLine().getOut();
            for (Executed one : executed) {
                PostEntry entry = (PostEntry) one.command();
                CommandResult result = one.result();
                // the description shortened (session 22: a 10 MB description went whole to the terminal); the ledger keeps it all
                out.println("Posted entry " + entry.entryId() + " (" + entry.date() + " "
                        + PrintableText.shortened(entry.description()) + ") at positions " + result.positions().get(0) + "–" + result.lastPosition() + ".");
            }
            out.flush();
            return ExitCodes.OK;
        }

        /** The entries the options (or standard input) give, as drafts that take their ids when they are decided. */
        List<CommandDraft> drafts() {
            List<CommandDraft> drafts = new ArrayList<>();
            if ("-".equals(stdin)) {
                if (date != null || !postings.isEmpty() || !description.isEmpty()) {
                    throw new CommandProblem("Give the entries either on standard input ('-') or with --date, --description and"
                            + " --posting, not both.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
                List<JournalTransaction> transactions = EntrySources.fromStandardInput(System.in, "<standard input>",
                        EntrySources.MAX_STANDARD_INPUT_BYTES);
                if (id != null && transactions.size() > 1) {
                    throw new CommandProblem("--id names one entry, but standard input holds " + transactions.size()
                            + " entries; leave --id out to number them automatically.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
                for (JournalTransaction transaction : transactions) {
                    drafts.add(newIds -> JournalImporter.toCommand(entryId(newIds), transaction, commodity));
                }
            } else {
                if (date == null || postings.size() < 2) {
                    throw new CommandProblem("Give --date and at least two --posting options, or '-' to read a journal snippet"
                            + " from standard input.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
                // the postings are read before the ledger is opened; the id is given inside the transaction
                PostEntry entry = EntrySources.fromOptions(EntryId.of("E0"), date, description, postings, commodity);
                drafts.add(newIds -> EntrySources.withId(entry, entryId(newIds)));
            }
            return drafts;
        }

        private EntryId entryId(Supplier<EntryId> newIds) {
            return id != null ? EntryId.of(id) : newIds.get();
        }

        @Override
        Object command() {
            throw new UnsupportedOperationException("post builds its commands in call()");
        }

        @Override
        String done() {
            return "Posted";
        }
    }

    @Command(name = "reverse", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
            description = "Reverses an entry with a new, opposite entry; the original keeps its history.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Reversed.", "1:Eventscope failed unexpectedly.", "2:Wrong command line or not a ledger.",
                    AccountCommands.REFUSED})
    static class Reverse extends LedgerCommandBase {
        @Parameters(paramLabel = "ENTRY", description = "The id of the entry to reverse.")
        String original;
        @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "The reversal's date (default: today).")
        LocalDate on;
        @Option(names = "--id", description = "The reversal entry's id (default: the next E000123).")
        String id;
        @Option(names = "--description", description = "The reversal's description (default: 'Reversal of entry ...').")
        String description;

        private EntryId reversalId;

        Reverse(LedgerSessions sessions) {
            super(sessions);
        }

        @Override
        CommandDraft draft() {
            return newIds -> {
                reversalId = id == null ? newIds.get() : EntryId.of(id);
                return new ReverseEntry(EntryId.of(original), reversalId, on == null ? LocalDate.now() : on, description);
            };
        }

        @Override
        Object command() {
            throw new UnsupportedOperationException("reverse builds its command in draft(), with the reversal's id");
        }

        @Override
        String done() {
            return "Reversed entry " + original + " with entry " + reversalId;
        }
    }
}
