package dev.eventscope.domain.ledger;

/**
 * An entry description that a journal could not hold as written: a line break would end the entry's
 * first line, and a {@code ;} would start a comment, so the entry would read back (and export)
 * differently from what was typed.
 */
public final class InvalidDescription extends LedgerRuleViolation {

    private final EntryId entryId;
    private final String description;

    public InvalidDescription(EntryId entryId, String description, String problem) {
        super("The description of entry " + entryId + " " + problem + "; write it on one line without ';'.");
        this.entryId = entryId;
        this.description = description;
    }

    /**
     * Throws {@link InvalidDescription} unless {@code description} is one line of text without {@code ;} and without a
     * bidirectional control character.
     */
    public static void requireValid(EntryId entryId, String description) {
        if (description == null) {
            return;
        }
        // one loop over the code points, not two streams: it runs for every entry posted or imported (session 18);
        // a control character anywhere is reported before a bidirectional one, as the two scans reported them
        int bidi = -1;
        for (int i = 0; i < description.length(); ) {
            int c = description.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            if (c != '\t' && (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
                throw new InvalidDescription(entryId, description, "contains a line break or another control character");
            }
            // the bidirectional embeddings, overrides and isolates make text display in another order than it is stored
            // ("Refund \u202E00.005" shows as "Refund 500.00"), in every list, report and export (session 14)
            if (bidi < 0 && ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))) {
                bidi = c;
            }
        }
        if (bidi >= 0) {
            throw new InvalidDescription(entryId, description, String.format("contains the bidirectional control character"
                    + " U+%04X, which makes the text display in another order than it is stored", bidi));
        }
        if (description.indexOf(';') >= 0) {
            throw new InvalidDescription(entryId, description,
                    "contains ';', which starts a comment in a journal (hledger would read the rest as a comment and its tags)");
        }
    }

    public EntryId entryId() {
        return entryId;
    }

    public String description() {
        return description;
    }
}
