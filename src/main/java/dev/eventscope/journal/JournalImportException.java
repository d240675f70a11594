package dev.eventscope.journal;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.domain.ledger.InvalidAccountName;
import dev.eventscope.domain.ledger.LedgerRuleViolation;

/**
 * An import that stopped: the journal's file and line, and what is wrong, in one sentence. The
 * ledger is left exactly as it was before the import.
 */
public class JournalImportException extends RuntimeException {

    private final String file;
    private final int line;

    public JournalImportException(String file, int line, String problem, Throwable cause) {
        super(PrintableText.of(file) + ":" + line + ": " + sentence(problem) + " Nothing was imported; the ledger is unchanged.", cause);
        this.file = file;
        this.line = line;
    }

    /**
     * A journal entry the ledger refused. For an account name hledger reads but a ledger cannot hold
     * ({@code Assets::Cash}, ledger's test/regress 1133) the sentence also says what to do.
     */
    public JournalImportException(String file, int line, LedgerRuleViolation violation) {
        this(file, line, violation instanceof InvalidAccountName invalid ? "\"" + invalid.name() + "\" cannot be an"
                + " account name in a ledger (" + invalid.reason() + "), although hledger reads it: rename the account"
                + " in the journal" : violation.getMessage(), violation);
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
