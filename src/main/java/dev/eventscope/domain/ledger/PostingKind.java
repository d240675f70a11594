package dev.eventscope.domain.ledger;

/**
 * Whether a posting is real or virtual, as hledger and ledger write it. All three count in the account's
 * balance ({@code hledger bal} counts them); they differ in what must balance: an entry's real postings must sum
 * to zero, its balanced virtual postings {@code [account]} must sum to zero among themselves, and unbalanced
 * virtual postings {@code (account)} need not balance at all. The trial balance counts only real postings.
 */
public enum PostingKind {
    REAL("", ""),
    /** An unbalanced virtual posting, written {@code (account)}. */
    VIRTUAL("(", ")"),
    /** A balanced virtual posting, written {@code [account]}. */
    BALANCED_VIRTUAL("[", "]");

    private final String open;
    private final String close;

    PostingKind(String open, String close) {
        this.open = open;
        this.close = close;
    }

    /** The account as a journal writes a posting of this kind: {@code (a)}, {@code [a]} or {@code a}. */
    public String wrap(String account) {
        return open + account + close;
    }

    /** The kind of a posting whose account is written as {@code accountText}: {@code (a)}, {@code [a]} or {@code a}. */
    public static PostingKind written(String accountText) {
        for (PostingKind kind : new PostingKind[] {VIRTUAL, BALANCED_VIRTUAL}) {
            if (accountText.length() > 2 && accountText.startsWith(kind.open) && accountText.endsWith(kind.close)) {
                return kind;
            }
        }
        return REAL;
    }

    /** The account name inside this kind's brackets. */
    public String unwrap(String accountText) {
        return accountText.substring(open.length(), accountText.length() - close.length());
    }

    /** What a reader is told about a posting of this kind: empty for a real one. */
    public String label() {
        return switch (this) {
            case REAL -> "";
            case VIRTUAL -> "virtual posting (unbalanced), not in the trial balance";
            case BALANCED_VIRTUAL -> "virtual posting (balanced), not in the trial balance";
        };
    }
}
