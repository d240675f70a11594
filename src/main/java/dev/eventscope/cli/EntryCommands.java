package dev.eventscope.cli;

import dev.eventscope.application.EntryIds;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.eventstore.EventStore;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.JournalItem;
import dev.eventscope.journal.JournalParseException;
import dev.eventscope.journal.JournalReadListener;
import dev.eventscope.journal.JournalReader;
import dev.eventscope.journal.JournalTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
    static final class Post extends LedgerCommandBase {
        @Parameters(arity = "0..1", paramLabel = "-", description = "Read the entries as a journal snippet from standard input.")
        String stdin;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The entry's date.")
        LocalDate date;
        @Option(names = "--description", description = "What the entry is.")
        String description = "";
        @Option(names = "--posting", paramLabel = "'ACCOUNT  AMOUNT'",
                description = "A posting: the account, two spaces, the amount (as in a journal). One posting may omit its amount.")
        List<String> postings = new ArrayList<>();
        @Option(names = "--id", description = "The entry id (default: the next E000123).")
        String id;
        @Option(names = "--commodity", description = "Commodity for amounts written without one (default EUR).")
        String commodity = "EUR";

        private final List<PostEntry> commands = new ArrayList<>();

        Post(LedgerStoreFactory stores) {
            super(stores);
        }

        @Override
        public Integer call() {
            List<JournalTransaction> transactions = read();
            try (EventStore store = ledger.openForWriting(stores(), false)) {
                LedgerCommandService service = LedgerCommandService.create(store);
                PrintWriter out = spec.commandLine().getOut();
                for (JournalTransaction transaction : transactions) {
                    String entryId = id != null && transactions.size() == 1 ? id : EntryIds.next(store);
                    CommandResult result = service.execute(JournalImporter.toCommand(EntryId.of(entryId), transaction, commodity),
                            context());
                    out.println("Posted entry " + entryId + " (" + transaction.date() + " " + transaction.description()
                            + ") at positions " + result.positions().get(0) + "–" + result.lastPosition() + ".");
                }
                out.flush();
            }
            return ExitCodes.OK;
        }

        private List<JournalTransaction> read() {
            Reader source;
            String name;
            if ("-".equals(stdin)) {
                source = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                name = "<standard input>";
            } else {
                if (date == null || postings.size() < 2) {
                    throw new CommandProblem("Give --date and at least two --posting options, or '-' to read a journal snippet"
                            + " from standard input.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
                }
                StringBuilder snippet = new StringBuilder(date + " " + description + "\n");
                postings.forEach(posting -> snippet.append("    ").append(posting.strip()).append('\n'));
                source = new StringReader(snippet.toString());
                name = "<command line>";
            }
            List<JournalTransaction> transactions = new ArrayList<>();
            try (JournalReader reader = JournalReader.open(source, name, JournalReadListener.NONE)) {
                while (reader.hasNext()) {
                    JournalItem item = reader.next();
                    if (item instanceof JournalTransaction transaction) {
                        transactions.add(transaction);
                    }
                }
            } catch (JournalParseException e) {
                throw new CommandProblem(e.getMessage(), ExitCodes.REFUSED);
            }
            if (transactions.isEmpty()) {
                throw new CommandProblem("There was no journal entry to post in " + name + ".", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            return transactions;
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
    static final class Reverse extends LedgerCommandBase {
        @Parameters(paramLabel = "ENTRY", description = "The id of the entry to reverse.")
        String original;
        @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "The reversal's date (default: today).")
        LocalDate on;
        @Option(names = "--id", description = "The reversal entry's id (default: the next E000123).")
        String id;
        @Option(names = "--description", description = "The reversal's description (default: 'Reversal of entry ...').")
        String description;

        private String reversalId;

        Reverse(LedgerStoreFactory stores) {
            super(stores);
        }

        @Override
        public Integer call() {
            if (id == null) {
                try (EventStore store = ledger.openReadOnly(stores())) {
                    reversalId = EntryIds.next(store);
                }
            } else {
                reversalId = id;
            }
            return super.call();
        }

        @Override
        Object command() {
            return new ReverseEntry(EntryId.of(original), EntryId.of(reversalId), on == null ? LocalDate.now() : on, description);
        }

        @Override
        String done() {
            return "Reversed entry " + original + " with entry " + reversalId;
        }
    }
}
