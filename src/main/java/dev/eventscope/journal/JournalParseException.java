package dev.eventscope.journal;

/**
 * A journal that cannot be read: the message is {@code FILE:LINE: what is wrong}, one sentence.
 * {@code column} is 1-based, or 0 when the problem is the whole line or entry.
 */
public final class JournalParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public JournalParseException(String file, int line, int column, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
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
}
