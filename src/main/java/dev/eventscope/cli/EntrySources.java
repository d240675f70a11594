package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;

import dev.eventscope.domain.ledger.PostingKind;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.domain.ledger.EntryStatus;
import dev.eventscope.journal.JournalImporter;
import dev.eventscope.journal.JournalItem;
import dev.eventscope.journal.JournalParseException;
import dev.eventscope.journal.JournalPosting;
import dev.eventscope.journal.JournalReadListener;
import dev.eventscope.journal.JournalReader;
import dev.eventscope.journal.JournalTransaction;


import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the entries of {@code post} come from: a journal snippet (standard input), or the options.
 * From the options, only the postings are read as journal text, each on a line of its own; the date
 * and the description go into the command as they are, so no option can add postings, entries or tags.
 */
final class EntrySources {

    /** The header the postings of the options are read under; its date and description are never used. */
    private static final String NEUTRAL_HEADER = "2000-01-01\n";
    private static final Pattern LINE = Pattern.compile("(?:on )?line (\\d+)");

    private EntrySources() {
    }

    /**
     * The most bytes {@code post -} reads from standard input (16 MiB, the longest line an import reads): it holds
     * every entry in memory to write them all in one transaction, so an endless or huge input would fill the heap
     * (session 21 noted, session 22 bounded it). A 16 MiB snippet of 211,105 two-posting entries posted under
     * {@code -Xmx512m}.
     */
    static final int MAX_STANDARD_INPUT_BYTES = 16 << 20;

    /**
     * The transactions of a journal snippet on {@code input} (standard input), read as UTF-8 up to
     * {@link #MAX_STANDARD_INPUT_BYTES}; a longer input is refused before anything is parsed, and bytes that are not
     * UTF-8 are refused with their line.
     */
    static List<JournalTransaction> fromStandardInput(InputStream input, String name, int maxBytes) {
        byte[] text;
        try {
            text = input.readNBytes(maxBytes + 1);
        } catch (IOException failed) {
            throw new CommandProblem("Could not read the entries from standard input: " + failed.getMessage()
                    + ". Nothing was posted; the ledger is unchanged.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        if (text.length > maxBytes) {
            throw new CommandProblem("Standard input holds more than " + sizeOf(maxBytes) + ", the most 'post -' reads: it"
                    + " keeps every entry in memory to write them all in one transaction. Import a larger journal from its"
                    + " file instead (eventscope import FILE --ledger LEDGER), or post it in parts. Nothing was posted; the"
                    + " ledger is unchanged.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        String decoded = strictUtf8(text, name);
        return fromJournal(() -> JournalReader.open(new StringReader(decoded), name, JournalReadListener.NONE), name);
    }

    /**
     * {@code text} as UTF-8; bytes that are not UTF-8 are refused with their line and byte, as an import refuses them
     * in a journal file (session 22: {@code post -} of a Latin-1 snippet posted "Caf\uFFFD").
     */
    private static String strictUtf8(byte[] text, String name) {
        ByteBuffer bytes = ByteBuffer.wrap(text);
        CharBuffer chars = CharBuffer.allocate(text.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes, chars, true);
        if (result.isError()) {
            int at = bytes.position();
            int line = 1;
            for (int index = 0; index < at; index++) {
                line += text[index] == '\n' ? 1 : 0;
            }
            throw new CommandProblem(String.format("%s:%d: this line is not UTF-8 text (byte 0x%02X); give the entries as"
                    + " UTF-8, as hledger reads them. Nothing was posted; the ledger is unchanged.", name, line,
                    text[at] & 0xFF), ExitCodes.REFUSED);
        }
        return chars.flip().toString();
    }

    private static String sizeOf(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    /** The transactions of a journal snippet, in order; a snippet with none is refused. */
    private static List<JournalTransaction> fromJournal(Supplier<JournalReader> opened, String name) {
        List<JournalTransaction> transactions = new ArrayList<>();
        try (JournalReader reader = opened.get()) {
            while (reader.hasNext()) {
                JournalItem item = reader.next();
                if (item instanceof JournalTransaction transaction) {
                    requireRealPostings(transaction, name + ":" + transaction.location().line());
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

    /**
     * The entry the options describe. A posting option holding a line break is refused: it could only
     * be an attempt to write more than one posting into one option.
     */
    static PostEntry fromOptions(EntryId entryId, LocalDate date, String description, List<String> postings, String commodity) {
        StringBuilder lines = new StringBuilder(NEUTRAL_HEADER);
        for (String posting : postings) {
            if (posting.strip().isEmpty()) {
                throw new CommandProblem("A --posting option is empty; give each posting as 'ACCOUNT  AMOUNT'.",
                        ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            if (posting.codePoints().anyMatch(c -> c != '\t' && (Character.isISOControl(c)
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR))) {
                throw new CommandProblem("The --posting '" + printable(posting) + "' contains a line break or another"
                        + " control character; give each posting as one 'ACCOUNT  AMOUNT' option.",
                        ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            lines.append("    ").append(posting.strip()).append('\n');
        }
        JournalTransaction transaction;
        try (JournalReader reader = JournalReader.open(new StringReader(lines.toString()), "--posting", JournalReadListener.NONE)) {
            List<JournalTransaction> read = new ArrayList<>();
            while (reader.hasNext()) {
                if (reader.next() instanceof JournalTransaction one) {
                    read.add(one);
                }
            }
            if (read.size() != 1 || read.get(0).postings().size() != postings.size()) {
                throw new CommandProblem("The --posting options could not be read as " + postings.size()
                        + " postings; give each as 'ACCOUNT  AMOUNT' (two spaces between).", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
            }
            transaction = read.get(0);
        } catch (JournalParseException e) {
            throw new CommandProblem(optionsProblem(e, postings), ExitCodes.REFUSED);
        }
        requireRealPostings(transaction, "--posting");
        PostEntry parsed = JournalImporter.toCommand(entryId, transaction, commodity);
        return new PostEntry(entryId, date, null, EntryStatus.UNMARKED, null, description, parsed.tags(), null,
                parsed.postings());
    }

    /**
     * What is wrong with the postings, in the words of the options: the neutral header's date and the snippet's line
     * numbers are the parser's, never the person's, so they are not shown (session 14 saw "the transaction on
     * 2000-01-01 … line 2").
     */
    static String optionsProblem(JournalParseException e, List<String> postings) {
        String problem = e.problem();
        String header = "the transaction on " + NEUTRAL_HEADER.strip() + " ";
        boolean ofTheEntry = problem.startsWith(header);
        if (ofTheEntry) {
            problem = problem.substring(header.length());
        }
        // decided from the kind the parser names, never from its sentence, which may be reworded (session 16)
        if (e.kind().orElse(null) instanceof JournalParseException.Unbalanced unbalanced) {
            return "The --posting options do not balance: their " + (unbalanced.virtual() ? "balanced virtual " : "")
                    + "amounts add up to " + unbalanced.offBy() + " instead of zero; give amounts that sum to zero in"
                    + " each commodity, or leave one posting's amount out.";
        }
        if (e.kind().orElse(null) instanceof JournalParseException.TwoAmountsMissing missing) {
            return "Only one --posting may leave its amount out, but " + option(missing.firstLine(), postings) + " and "
                    + option(missing.secondLine(), postings) + " both do; give one of them an amount.";
        }
        int index = e.line() - 2;
        String which = index >= 0 && index < postings.size() ? "The --posting '" + printable(postings.get(index)) + "'"
                : "The --posting options";
        return which + " cannot be read: " + (ofTheEntry ? "the entry " : "")
                + LINE.matcher(problem).replaceAll(line -> Matcher.quoteReplacement(
                        option(Integer.parseInt(line.group(1)), postings)));
    }

    /** The option written on line {@code line} of the snippet (the header is line 1), as the person typed it. */
    private static String option(int line, List<String> postings) {
        int index = line - 2;
        return index >= 0 && index < postings.size() ? "--posting '" + printable(postings.get(index)) + "'" : "a --posting";
    }

    /** The same entry under another id. */
    static PostEntry withId(PostEntry entry, EntryId entryId) {
        return new PostEntry(entryId, entry.date(), entry.secondaryDate(), entry.status(), entry.code(), entry.description(),
                entry.tags(), entry.comment(), entry.postings());
    }

    private static void requireRealPostings(JournalTransaction transaction, String where) {
        for (JournalPosting posting : transaction.postings()) {
            if (posting.kind() == PostingKind.VIRTUAL) {
                throw new CommandProblem(where + ": the posting to (" + posting.account() + ") is an unbalanced virtual"
                        + " posting, which a double-entry ledger cannot hold; make it a real posting.", ExitCodes.REFUSED);
            }
        }
    }

    private static String printable(String text) {
        return PrintableText.shortened(text);
    }
}
