package dev.eventscope.journal;

import dev.eventscope.domain.PrintableText;

import java.io.Serializable;
import java.util.Optional;

/**
 * A journal that cannot be read: the message is {@code FILE:LINE: what is wrong}, one sentence.
 * {@code column} is 1-based, or 0 when the problem is the whole line or entry. Some problems also carry their
 * {@link Kind} with its parts, so a caller that says them in other words (the {@code post --posting} options) decides
 * from the kind rather than from the sentence, which may be reworded.
 */
public final class JournalParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    private final Kind kind;

    public JournalParseException(String file, int line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public JournalParseException(String file, int line, int column, String problem, Kind kind) {
        super(PrintableText.of(file) + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.kind = kind;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The sentence without the location prefix. */
    public String problem() {
        return problem;
    }

    /** What kind of problem this is, with its parts, when the parser names it; empty for every other problem. */
    public Optional<Kind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The kinds of problem a caller may need to say in its own words. */
    public sealed interface Kind extends Serializable {
    }

    /**
     * A transaction whose postings do not add up to zero: by {@code offBy} (amounts joined by " and "), among its
     * balanced virtual postings when {@code virtual}.
     */
    public record Unbalanced(boolean virtual, String offBy) implements Kind {
    }

    /** A transaction with two postings without an amount: the accounts and lines of the first two. */
    public record TwoAmountsMissing(String firstAccount, int firstLine, String secondAccount, int secondLine)
            implements Kind {
    }
}
