package dev.eventscope.ui;

import dev.eventscope.domain.PrintableText;

/**
 * The printable form ({@link PrintableText}) of a file name or a user's text that a window shows, for the screens whose
 * package rule does not reach {@code domain}: a line break, an escape sequence or a right-to-left override in a name is
 * shown as {@code \\uXXXX}, so the name can neither add a line to a dialog nor read as another name (session 22).
 */
public final class ShownText {

    private ShownText() {
    }

    /** {@code value}'s text in its printable form, whole. */
    public static String of(Object value) {
        return PrintableText.of(value);
    }

    /** {@code text} in its printable form, cut after 200 characters with its length (a description may be 1 MB long). */
    public static String shortened(String text) {
        return text == null ? null : PrintableText.shortened(text);
    }
}
