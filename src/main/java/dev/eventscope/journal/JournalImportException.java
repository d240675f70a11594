package dev.eventscope.journal;

/**
 * An import that stopped: the journal's file and line, and what is wrong, in one sentence. The
 * ledger is left exactly as it was before the import.
 */
public class JournalImportException extends RuntimeException {

    private final String file;
    private final int line;

    public JournalImportException(String file, int line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + sentence(problem) + " Nothing was imported; the ledger is unchanged.", cause);
        this.file = file;
        this.line = line;
    }

    /** The problem as a sentence: a full stop added where it ends without one. */
    private static String sentence(String problem) {
        String text = problem.strip();
        return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
