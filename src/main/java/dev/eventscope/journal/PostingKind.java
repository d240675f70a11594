package dev.eventscope.journal;

/**
 * A real posting, an unbalanced virtual posting {@code (account)} that is left out of the balance check,
 * or a balanced virtual posting {@code [account]} whose amounts must balance among themselves.
 */
public enum PostingKind {
    REAL("", ""),
    VIRTUAL("(", ")"),
    BALANCED_VIRTUAL("[", "]");

    private final String open;
    private final String close;

    PostingKind(String open, String close) {
        this.open = open;
        this.close = close;
    }

    public String wrap(String account) {
        return open + account + close;
    }

    /** The kind of a posting whose account is written as {@code accountText}: {@code (a)}, {@code [a]} or {@code a}. */
    static PostingKind written(String accountText) {
        for (PostingKind kind : new PostingKind[] {VIRTUAL, BALANCED_VIRTUAL}) {
            if (accountText.length() > 2 && accountText.startsWith(kind.open) && accountText.endsWith(kind.close)) {
                return kind;
            }
        }
        return REAL;
    }

    /** The account name inside this kind's brackets. */
    String unwrap(String accountText) {
        return accountText.substring(open.length(), accountText.length() - close.length());
    }
}
