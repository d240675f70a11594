package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PostingKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A posting as written, before its transaction is balanced: the amount may still be missing. */
final class PostingDraft {

    final Status status;
    final String account;
    final PostingKind kind;
    Amount amount;
    /** Dropped from a transaction with a balance assignment, as hledger 1.25 drops it. */
    Price price;
    final BalanceAssertion assertion;
    final int line;
    final int amountColumn;
    final int assertionColumn;
    /** Made with the first comment line: most postings have none. */
    private List<String> commentLines;
    String lot = "";
    /** The posting's own date, when it differs from the transaction's ({@code ; date:DATE}); null otherwise. */
    LocalDate ownDate;
    /** A balance assignment's amounts when it sets several commodities ({@code == 0}); null otherwise. */
    List<Amount> assigned;

    PostingDraft(Status status, String account, PostingKind kind, Amount amount, Price price,
            BalanceAssertion assertion, int line, int amountColumn, int assertionColumn) {
        this.status = status;
        this.account = account;
        this.kind = kind;
        this.amount = amount;
        this.price = price;
        this.assertion = assertion;
        this.line = line;
        this.amountColumn = amountColumn;
        this.assertionColumn = assertionColumn;
    }

    /** The amounts this posting adds: none while elided, several for a multi-commodity assignment. */
    List<Amount> amounts() {
        return assigned != null ? assigned : amount == null ? List.of() : List.of(amount);
    }

    void addCommentLine(String text) {
        if (commentLines == null) {
            commentLines = new ArrayList<>(2);
        }
        commentLines.add(text);
    }

    String comment() {
        return commentLines == null ? "" : String.join("\n", commentLines);
    }

    JournalPosting toPosting(Amount finalAmount, Price finalPrice) {
        String comment = comment();
        return new JournalPosting(status, account, kind, finalAmount, finalPrice, assertion, comment, TagParser.tags(comment),
                lot, ownDate);
    }
}
