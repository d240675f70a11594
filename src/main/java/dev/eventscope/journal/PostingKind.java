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
}
