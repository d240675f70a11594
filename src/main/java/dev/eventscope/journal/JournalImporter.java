package dev.eventscope.journal;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.application.CommandContext;
import dev.eventscope.application.EntryIds;
import dev.eventscope.application.ImportSession;
import dev.eventscope.application.LedgerCommandService;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.domain.ledger.LedgerCommand.CreateLedger;
import dev.eventscope.domain.ledger.LedgerCommand.RecordImport;
import dev.eventscope.domain.ledger.LedgerRuleViolation;
import dev.eventscope.domain.ledger.Money;
import dev.eventscope.domain.ledger.Posting;
import dev.eventscope.domain.ledger.PostingPrice;
import dev.eventscope.domain.ledger.PriceCommand.RecordPrice;
import dev.eventscope.domain.ledger.PriceKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports a plain-text journal into a ledger, all or nothing. Two streaming passes over the file:
 * the first checks the whole journal (syntax, balancing, and balance assertions and assignments in hledger's
 * date order, see {@link DatedBalanceCheck}) and notes the first date each account is used; the second opens each account on that date and posts every entry,
 * inside one transaction. Memory grows with the number of accounts, and with the number of postings only by
 * the first pass's compact record of them for the date-order check (about 21 bytes each, freed before the second
 * pass; the duplicate check keeps 8 bytes per entry already in the ledger). Errors name the
 * file and line; on any error the ledger is left exactly as it was. The import ends with a
 * {@code JournalImported} event (the journal's SHA-256) in the same transaction; a journal imported
 * before, or one repeating entries of the ledger, is refused with {@link DuplicateImport} unless allowed.
 */
public final class JournalImporter {

    /**
     * {@code ledgerName} and {@code baseCommodity} are used when the ledger does not exist yet (null:
     * the file's name, and the first commodity of the journal); {@code entryIdPrefix} starts every new entry id.
     * Unless {@code allowDuplicates}, a journal imported before (same SHA-256) or one with entries already in the
     * ledger (same date, description and postings) is refused with {@link DuplicateImport}.
     */
    public record Options(String ledgerName, String baseCommodity, String entryIdPrefix, boolean allowDuplicates,
                          boolean applyAutomated) {

        /** Refusing repeats, without automated transactions (left out with a warning, as hledger does without --auto). */
        public Options(String ledgerName, String baseCommodity, String entryIdPrefix) {
            this(ledgerName, baseCommodity, entryIdPrefix, false, false);
        }

        public static Options defaults() {
            return new Options(null, null, "E");
        }

        /** The same options, applying automated transactions ({@code = QUERY}) as {@code hledger --auto} does. */
        public Options withAutomated(boolean apply) {
            return new Options(ledgerName, baseCommodity, entryIdPrefix, allowDuplicates, apply);
        }
    }

    private final LedgerCommandService service;

    public JournalImporter(LedgerCommandService service) {
        this.service = service;
    }

    public ImportSummary importJournal(Path journal, Options options, CommandContext context, ImportProgress progress) {
        long started = System.nanoTime();
        long totalBytes = sizeOf(journal);
        String journalName = journal.getFileName().toString();
        CollectedRules collected = options.applyAutomated() ? automatedRules(journal) : null;
        List<AutomatedRule> rules = collected == null ? null : collected.rules();
        FirstPass survey = survey(journal, totalBytes, progress, rules, collected == null ? null : collected.refusal());
        List<JournalWarning> warnings = new ArrayList<>();
        String baseCommodity = options.baseCommodity() != null ? options.baseCommodity()
                : survey.firstCommodity != null ? survey.firstCommodity : "EUR";
        // the journal's SHA-256 is that of the bytes the first pass read and checked (session 21: it was read a third
        // time, on a thread of its own, and could be another version's)
        String sha256 = survey.sha256;
        // the journal is read on a thread of its own (ReadAhead): its listener only notes, this thread reports
        AtomicLong bytesRead = new AtomicLong();
        Queue<JournalWarning> warningsRead = new ConcurrentLinkedQueue<>();
        long[] entryPositions;
        ReadCounts read;
        EntryPoster poster;
        // deciding and encoding here, parsing and writing each on a thread of their own: one transaction all the same
        try (ImportSession session = service.beginPipelinedImport(context);
             JournalReader reader = open(journal, noting(bytesRead, warningsRead), rules, survey.assigned);
             ReadAhead items = readAhead(reader, survey.displayPrecision)) {
            // the session holds the write lock: what is read here cannot change before the commit
            RepeatCheck repeats = options.allowDuplicates() ? RepeatCheck.none() : RepeatCheck.start(service, journalName, sha256);
            long ledgerEvents = 0;
            if (!session.ledgerState().created()) {
                // the file's name in its printable form (session 22: a line break or an escape sequence in it became the ledger's
                // name, shown in the window's title and every report)
                String name = options.ledgerName() != null ? options.ledgerName() : PrintableText.of(stripExtension(journal));
                ledgerEvents = session.submit(new CreateLedger(name, baseCommodity), false);
            }
            poster = new EntryPoster(session, survey, options, repeats, EntryIds.entryCount(service.repository().store()) + 1);
            poster.events += ledgerEvents;
            // the loop only hands each item on: the work per entry is a method of its own, which the JIT compiles
            // once, not again inside each on-stack replacement of this loop (JFR: two of ~500 ms each, session 14)
            while (items.hasNext()) {
                JournalItem item = items.next();
                report(warningsRead, warnings, progress);
                if (item instanceof JournalDirective.MarketPrice price) {
                    poster.events += recordPrice(session, price);
                } else if (item instanceof JournalTransaction transaction) {
                    if (progress.cancelled()) {
                        throw new ImportCancelled(poster.entries);
                    }
                    poster.post(transaction);
                    if (poster.entries % 200 == 0) {
                        progress.progress("importing", bytesRead.get(), totalBytes, poster.entries);
                    }
                }
            }
            report(warningsRead, warnings, progress);
            requireUnchanged(journalName, sha256, reader.sha256OfWhatWasRead(), reader.linesRead());
            repeats.refuseRepeats(poster.entries);
            poster.events += session.submit(new RecordImport(journalName, sha256, poster.entries, poster.firstEntryId,
                    poster.lastEntryId, survey.declaredTypes.byType(), survey.displayPrecision, poster.inferredPlaces.byAccount(),
                    poster.inferredPlaces.byDate()), false);
            session.commit();
            entryPositions = session.trackedPositions();
            read = reader.counts();
        } catch (JournalParseException e) {
            throw new JournalImportException(e.file(), e.line(), e.problem(), e);
        }
        return new ImportSummary(poster.entries, poster.accountsOpened, poster.events, entryPositions[0], entryPositions[1],
                warnings, Duration.ofNanos(System.nanoTime() - started), read);
    }

    /**
     * The journal is read twice, by the first pass that checks it and by the reading that is imported: a file written
     * to between them would have entries imported that were never checked (session 21, adversary: an entry appended
     * during the import, its balance assertion false, went in, and the import was recorded under the SHA-256 of a
     * third reading). Both readings hash the bytes they read; the import is refused, before its commit, when they differ.
     */
    private static void requireUnchanged(String journalName, String checked, String imported, int linesRead) {
        if (!imported.equals(checked)) {
            throw new JournalImportException(journalName, linesRead, "the journal changed while it was imported (the"
                    + " bytes checked first have the SHA-256 " + checked + ", those read to import " + imported + "), so"
                    + " what was checked is not what would be imported; import it again once nothing writes to it", null);
        }
    }

    /** A {@code P} directive becomes a price event in the {@code prices} stream, in the journal's order. */
    private static long recordPrice(ImportSession session, JournalDirective.MarketPrice price) {
        try {
            return session.submit(recordPriceCommand(price), false);
        } catch (LedgerRuleViolation violation) {
            throw new JournalImportException(price.location().file(), price.location().line(), violation.getMessage(),
                    violation);
        }
    }

    /** The domain command for one {@code P} directive, keeping the decimal places the price was written with. */
    public static RecordPrice recordPriceCommand(JournalDirective.MarketPrice price) {
        return new RecordPrice(price.date(), price.commodity(), money(price.price(), Money.NO_SYMBOL),
                Math.max(0, price.price().quantity().scale()));
    }

    /** The first pass: reads the whole journal, so that syntax errors stop the import before anything is written. */
    private static CollectedRules automatedRules(Path journal) {
        try {
            return JournalReader.automatedRules(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal '" + PrintableText.of(journal) + "': " + PrintableText.of(e.getMessage()), e);
        }
    }

    /**
     * {@code refused}: the refusal the collecting of automated rules met (null: none), thrown unless this reading, with
     * the rules read before it, meets a refusal first (which is then the first in journal order, as hledger names it).
     */
    private FirstPass survey(Path journal, long totalBytes, ImportProgress progress, List<AutomatedRule> rules,
            JournalParseException refused) {
        FirstPass survey = new FirstPass();
        JournalReadListener checking = new JournalReadListener() {
            @Override
            public void progress(long linesRead, long bytesRead) {
                progress.progress("checking", bytesRead, totalBytes, 0);
            }
        };
        try (JournalReader reader = open(journal, checking, rules, null)) {
            while (reader.hasNext()) {
                JournalItem item = reader.next();
                if (progress.cancelled()) {
                    throw new ImportCancelled(0);
                }
                if (item instanceof JournalDirective.AccountDeclaration declaration) {
                    if (!declaration.comment().isBlank()) {
                        survey.descriptions.putIfAbsent(declaration.account(), declaration.comment().strip());
                    }
                    // hledger reads every declaration before it types any account, wherever the declaration stands
                    declaration.declaredType().ifPresent(type ->
                            survey.declaredTypes.add(declaration.account(), type));
                } else if (item instanceof JournalTransaction transaction) {
                    survey.transactions++;
                    for (JournalPosting posting : transaction.postings()) {
                        survey.firstUse.merge(posting.account(), postingDate(posting, transaction), (a, b) -> a.isBefore(b) ? a : b);
                        if (survey.firstCommodity == null && !posting.amount().commodity().isEmpty()) {
                            survey.firstCommodity = posting.amount().commodity();
                        }
                    }
                }
            }
            if (refused != null) {
                // the reading normally meets the same refusal where the collecting met it; never checks without all rules
                throw refused;
            }
            survey.displayPrecision = reader.displayPrecision();
            survey.sha256 = reader.sha256OfWhatWasRead();
            survey.assigned = reader.checkedAmounts();
        } catch (JournalParseException e) {
            throw new JournalImportException(e.file(), e.line(), e.problem(), e);
        }
        return survey;
    }

    /** What the first pass found, which the second needs. */
    static final class FirstPass {
        final Map<String, LocalDate> firstUse = new HashMap<>();
        final Map<String, String> descriptions = new HashMap<>();
        final AccountTypeDeclarations declaredTypes = new AccountTypeDeclarations();
        String firstCommodity;
        long transactions;
        Map<String, Integer> displayPrecision = Map.of();
        AssignedAmounts assigned;
        /** The SHA-256 of the journal's bytes this pass read. */
        String sha256;
    }


    /**
     * The domain command for one journal transaction. An amount without a commodity keeps the no-symbol
     * commodity ({@link Money#NO_SYMBOL}), as hledger keeps it: it is never merged into the base commodity.
     */
    public static PostEntry toCommand(EntryId entryId, JournalTransaction transaction) {
        return toCommand(entryId, transaction, Map.of());
    }

    /**
     * As {@link #toCommand(EntryId, JournalTransaction)}, balanced at {@code displayPrecision} (the journal's, from
     * {@link JournalReader#displayPrecision()}) as hledger balances it; the command keeps the precision of the
     * commodities it uses.
     */
    static PostEntry toCommand(EntryId entryId, JournalTransaction transaction, Map<String, Integer> displayPrecision) {
        return toCommand(entryId, transaction, displayPrecision, AccountName::of);
    }

    static PostEntry toCommand(EntryId entryId, JournalTransaction transaction,
            Map<String, Integer> displayPrecision, java.util.function.Function<String, AccountName> names) {
        return command(entryId, transaction, Money.NO_SYMBOL, true, names, displayPrecision);
    }

    /**
     * The domain command for an entry a user typed (the CLI's {@code post}), where a bare amount means the
     * ledger's {@code baseCommodity}. Journal imports use {@link #toCommand(EntryId, JournalTransaction)}.
     */
    public static PostEntry toCommand(EntryId entryId, JournalTransaction transaction, String baseCommodity) {
        return command(entryId, transaction, baseCommodity, false, AccountName::of, null);
    }

    /**
     * A journal's price is kept as written, a negative one included (hledger reads it); a typed one must not be. With
     * {@code displayPrecision} (null: none), the command keeps the precision of the commodities its postings' costs use;
     * the command is made once (session 18: it was made, then copied with the precision).
     */
    private static PostEntry command(EntryId entryId, JournalTransaction transaction, String baseCommodity,
            boolean fromJournal, java.util.function.Function<String, AccountName> names,
            Map<String, Integer> displayPrecision) {
        List<Posting> postings = new ArrayList<>();
        for (JournalPosting posting : transaction.postings()) {
            Money priceAmount = posting.price() == null ? null : money(posting.price().amount(), baseCommodity);
            PostingPrice price = priceAmount == null ? null
                    : fromJournal ? new PostingPrice(posting.price().kind(), priceAmount)
                    : posting.price().kind() == PriceKind.UNIT ? PostingPrice.unit(priceAmount)
                    : PostingPrice.total(priceAmount);
            // the domain has no place for a lot annotation: kept as a comment tag
            String comment = PostingNotes.comment(posting);
            postings.add(new Posting(names.apply(posting.account()), money(posting.amount(), baseCommodity), price,
                    comment.isBlank() ? null : comment, posting.kind(), posting.date()));
        }
        Map<String, String> tags = transaction.tags().isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (Tag tag : transaction.tags()) {
            tags.merge(tag.name(), tag.value(), (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b);
        }
        Map<String, Integer> used = Map.of();
        if (displayPrecision != null) {
            used = new HashMap<>();
            for (Posting posting : postings) {
                String commodity = posting.cost().commodity();
                Integer places = displayPrecision.get(commodity);
                if (places != null) {
                    used.put(commodity, places);
                }
            }
        }
        return new PostEntry(entryId, transaction.date(), transaction.secondaryDate(), status(transaction.status()),
                transaction.code().isBlank() ? null : transaction.code(), transaction.description(), tags,
                transaction.comment().isBlank() ? null : transaction.comment(), postings, used);
    }

    /** {@code prefix} and {@code number} padded with zeros to {@code width} digits ({@code String.format} costs more). */
    static String entryIdText(String prefix, int width, long number) {
        String digits = Long.toString(number);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    static LocalDate postingDate(JournalPosting posting, JournalTransaction transaction) {
        return posting.date() != null ? posting.date() : transaction.date();
    }

    private static Money money(Amount amount, String bareCommodity) {
        return new Money(amount.quantity(), amount.commodity().isEmpty() ? bareCommodity : amount.commodity());
    }

    private static EntryStatus status(Status status) {
        return switch (status) {
            case UNMARKED -> EntryStatus.UNMARKED;
            case PENDING -> EntryStatus.PENDING;
            case CLEARED -> EntryStatus.CLEARED;
        };
    }

    /**
     * The reader of the second pass, which runs on a thread of its own: it balances every entry at the whole
     * journal's display precision (known after the first pass), as hledger does.
     */
    private static ReadAhead readAhead(JournalReader reader, Map<String, Integer> displayPrecision) {
        reader.fixDisplayPrecision(displayPrecision);
        return new ReadAhead(reader, "eventscope-journal-reader");
    }

    /** A listener for the reading thread: it only notes how far the reading got and what it warned of. */
    private static JournalReadListener noting(AtomicLong bytesSeen, Queue<JournalWarning> warningsRead) {
        return new JournalReadListener() {
            @Override
            public void progress(long linesRead, long bytesRead) {
                bytesSeen.set(bytesRead);
            }

            @Override
            public void warning(JournalWarning warning) {
                warningsRead.add(warning);
            }
        };
    }

    /** Passes on, from the importing thread, the warnings the reading thread noted. */
    private static void report(Queue<JournalWarning> warningsRead, List<JournalWarning> warnings, ImportProgress progress) {
        for (JournalWarning warning; (warning = warningsRead.poll()) != null; ) {
            warnings.add(warning);
            progress.warning(warning);
        }
    }

    private static JournalReader open(Path journal, JournalReadListener listener, List<AutomatedRule> rules,
                                      AssignedAmounts checked) {
        try {
            // the first reading checks balance assertions in date order; the second takes the assigned amounts it found
            return checked == null ? JournalReader.openChecking(journal, listener, rules)
                    : JournalReader.openChecked(journal, listener, rules, checked);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal '" + PrintableText.of(journal) + "': " + PrintableText.of(e.getMessage()), e);
        }
    }

    private static long sizeOf(Path journal) {
        try {
            return Files.size(journal);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal '" + PrintableText.of(journal) + "': " + PrintableText.of(e.getMessage()), e);
        }
    }

    private static String stripExtension(Path journal) {
        String name = journal.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Thrown when the user cancelled; the import's transaction is rolled back. */
    public static final class ImportCancelled extends RuntimeException {
        public ImportCancelled(long entries) {
            super("The import was cancelled after " + entries + " entries; nothing was imported and the ledger is unchanged.");
        }
    }
}
