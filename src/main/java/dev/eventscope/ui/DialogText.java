package dev.eventscope.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentence of a dialog that names a file, laid out so that a file's path is broken only after its separators
 * ('/' or '\') and a sentence only at its spaces. JavaFX wraps a word wider than what is left of a line anywhere, so
 * session 22's newer-schema dialog read "…/from-the-future" above ".ledger' was written…" (or "from-the-future.l" above
 * "edger'"). A part of a path wider than a whole line (a folder's name of 60 letters) is elided in its middle; the
 * whole sentence is on hover, and stays the dialog's content text.
 */
public final class DialogText {

    /** The width the sentence is laid out in: a dialog of 480 px less its icon and padding. */
    static final double ROOM = 400;

    private DialogText() {
    }

    /** Shows {@code alert}'s content text broken at spaces and after a path's separators only. */
    public static void breakAtSpacesAndSeparators(Alert alert) {
        String message = alert.getContentText();
        if (message == null || message.isEmpty()) {
            return;
        }
        Label content = new Label();
        content.getStyleClass().add("content");
        content.setId("dialogSentence");
        content.setWrapText(false);
        content.setMinHeight(Label.USE_PREF_SIZE);
        content.setMinWidth(Label.USE_PREF_SIZE);
        content.setTooltip(new Tooltip(message));
        content.getTooltip().setWrapText(true);
        content.getTooltip().setMaxWidth(640);
        // the font the label is drawn in is known once it is styled: the lines are broken for it then
        content.fontProperty().addListener((observable, before, font) -> content.setText(lines(message, ROOM, font)));
        content.setText(lines(message, ROOM, content.getFont()));
        alert.getDialogPane().setContent(content);
    }

    /**
     * {@code text} broken onto lines no wider than {@code room} in {@code font}: at spaces (the space dropped), and
     * inside a word holding '/' or '\' after those; never inside another word. A part wider than the room alone keeps
     * its start and end around "…".
     */
    public static String lines(String text, double room, Font font) {
        Text measure = new Text();
        measure.setFont(font);
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                boolean first = true;
                for (String part : parts(word)) {
                    String joined = line.length() == 0 ? part : line + (first ? " " : "") + part;
                    if (line.length() > 0 && width(measure, joined) > room) {
                        out.append(line).append('\n');
                        line.setLength(0);
                        line.append(elided(part, room, measure));
                    } else {
                        boolean alone = line.length() == 0;
                        line.setLength(0);
                        line.append(alone ? elided(part, room, measure) : joined);
                    }
                    first = false;
                }
            }
            out.append(line);
        }
        return out.toString();
    }

    /** A word cut after each of its path separators (a word without one is one part). */
    private static List<String> parts(String word) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int index = 0; index < word.length(); index++) {
            char each = word.charAt(index);
            if ((each == '/' || each == '\\') && index + 1 < word.length()) {
                parts.add(word.substring(start, index + 1));
                start = index + 1;
            }
        }
        parts.add(word.substring(start));
        return parts;
    }

    private static String elided(String part, double room, Text measure) {
        if (width(measure, part) <= room) {
            return part;
        }
        int keep = part.length() / 2;
        String shown;
        do {
            keep--;
            shown = part.substring(0, keep / 2) + "…" + part.substring(part.length() - (keep - keep / 2));
        } while (keep > 2 && width(measure, shown) > room);
        return shown;
    }

    private static double width(Text measure, String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
