package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PostingKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What a journal posting holds that a ledger posting has no field for, kept as tagged lines of the posting's
 * comment so that nothing is lost and an export gives it back: a lot annotation ({@code journal-lot: {$50}}).
 * Ledgers imported before postings had a kind also hold the balanced-virtual kind as
 * {@code journal-virtual: balanced}; it is still read back.
 */
final class PostingNotes {

    static final String LOT_TAG = "journal-lot: ";
    static final String BALANCED_VIRTUAL_TAG = "journal-virtual: balanced";

    /** The comment, lot annotation and kind read back from a ledger posting's comment. */
    record Restored(String comment, String lot, PostingKind kind) {
    }

    private PostingNotes() {
    }

    /** The ledger posting's comment for {@code posting}: its own comment, then the tagged lines. */
    static String comment(JournalPosting posting) {
        if (posting.lot().isEmpty()) {
            // nearly every posting: no list and no joining (session 19)
            return posting.comment().isBlank() ? "" : posting.comment();
        }
        List<String> lines = new ArrayList<>();
        if (!posting.comment().isBlank()) {
            lines.add(posting.comment());
        }
        if (!posting.lot().isEmpty()) {
            lines.add(LOT_TAG + posting.lot());
        }
        return String.join("\n", lines);
    }

    /** Splits the tagged lines off a ledger posting's comment (null: none); {@code kind} is the posting's own. */
    static Restored restore(String comment, PostingKind recorded) {
        if (comment == null) {
            return new Restored("", "", recorded);
        }
        List<String> kept = new ArrayList<>();
        String lot = "";
        PostingKind kind = recorded;
        for (String line : comment.split("\n", -1)) {
            if (line.startsWith(LOT_TAG)) {
                lot = line.substring(LOT_TAG.length());
            } else if (line.equals(BALANCED_VIRTUAL_TAG)) {
                kind = PostingKind.BALANCED_VIRTUAL;
            } else {
                kept.add(line);
            }
        }
        return new Restored(String.join("\n", kept), lot, kind);
    }
}
