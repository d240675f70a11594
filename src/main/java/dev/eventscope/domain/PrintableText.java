package dev.eventscope.domain;

/**
 * The one printable form of text a message quotes that someone else chose: a file name, a description, an account name.
 * A control character (a line break, an escape that starts a terminal sequence, a NUL), a character that does not show
 * (a zero-width space, a byte-order mark), a line or paragraph separator and a bidirectional control (U+202E makes
 * "fdp.exe" display as another name) are written as {@code \\uXXXX}, so a quoted name can neither add a line of its own
 * to Eventscope's output, nor clear the terminal, nor read as another name (session 22, adversary2). Everything else is
 * kept as it is: quotes, accented and non-Latin letters, and the zero-width joiner and non-joiner that scripts such as
 * Persian and Devanagari need (as {@code AccountName} keeps them).
 */
public final class PrintableText {

    /** The most characters of a user's text a message quotes (a 10 MB description once went whole to the terminal). */
    public static final int QUOTED_AT_MOST = 200;

    private PrintableText() {
    }

    /** {@code value}'s text ({@code String.valueOf}: a path, a name) in its printable form, whole. */
    public static String of(Object value) {
        String text = String.valueOf(value);
        StringBuilder shown = null;
        for (int index = 0; index < text.length(); ) {
            int c = text.codePointAt(index);
            int next = index + Character.charCount(c);
            if (hidden(c)) {
                if (shown == null) {
                    shown = new StringBuilder(text.length() + 16).append(text, 0, index);
                }
                shown.append(String.format("\\u%04X", c));
            } else if (shown != null) {
                shown.append(text, index, next);
            }
            index = next;
        }
        return shown == null ? text : shown.toString();
    }

    /**
     * {@code text} in its printable form, cut after {@link #QUOTED_AT_MOST} characters with "… (N characters in all)",
     * for a message that echoes a user's text that may be as long as a ledger holds.
     */
    public static String shortened(String text) {
        return shortened(text, QUOTED_AT_MOST);
    }

    /** {@code text} in its printable form, cut after {@code atMost} characters (code points) with how long it was. */
    public static String shortened(String text, int atMost) {
        if (text == null || text.length() <= atMost) {
            return of(text);
        }
        int characters = text.codePointCount(0, text.length());
        if (characters <= atMost) {
            return of(text);
        }
        return of(text.substring(0, text.offsetByCodePoints(0, atMost))) + "… (" + String.format(java.util.Locale.ROOT, "%,d", characters)
                + " characters in all)";
    }

    /** Whether {@code c} is written as {@code \\uXXXX}: a control character, or one that does not show or reorders text. */
    public static boolean hidden(int c) {
        if (c >= 0x20 && c < 0x7F) {
            return false;
        }
        if (Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT && c != 0x200C && c != 0x200D
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
