package dev.eventscope.ui;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The widths of texts in one font as a {@link Text} node lays them out, for sizing columns to their content. A table
 * refitted on every slider move measured 800 texts a move (the first 400 lines of two columns), most of them the same
 * labels again: here each distinct text is measured once (up to {@link #KEPT} of them are remembered), and the widest
 * of many texts is found by measuring only those that can be the widest: a text is never wider than {@link #bound}, the
 * sum of its characters' widths measured alone with a margin, so once the widest text measured is at least the bound of
 * every text not measured yet, it is the widest of all. The answer is exactly the widest measured width
 * ({@code TextWidthsTest} compares it with measuring every text). UI thread only.
 */
final class TextWidths {

    /** Texts remembered with their width; past this many the memory starts afresh. */
    static final int KEPT = 20_000;
    /** A text laid out as a whole may be a little wider than its characters alone (kerning, rounding): this much more. */
    private static final double MARGIN = 1.03;
    private static final double MARGIN_PIXELS = 1;

    private final Font font;
    private final Text measure = new Text();
    private final Map<String, Double> measured = new HashMap<>();
    /** The widths of the characters below {@link #TABLE} (Latin, arrows), by code point; 0 while not measured. */
    private final double[] table = new double[TABLE];
    private final Map<Integer, Double> characters = new HashMap<>();
    /** Below this code point a character's width is kept in an array ("→" is U+2192). */
    private static final int TABLE = 0x2200;

    TextWidths(Font font) {
        this.font = font;
        measure.setFont(font);
    }

    Font font() {
        return font;
    }

    /** The width of {@code text} laid out on one line in this font. */
    double width(String text) {
        Double known = measured.get(text);
        if (known != null) {
            return known;
        }
        if (measured.size() >= KEPT) {
            measured.clear();
        }
        measure.setText(text);
        double width = measure.getLayoutBounds().getWidth();
        measured.put(text, width);
        return width;
    }

    /** At least {@link #width}: the widths of its characters (code points) laid out one by one, added up, with a margin. */
    double bound(String text) {
        double sum = 0;
        for (int index = 0; index < text.length(); ) {
            int each = text.codePointAt(index);
            index += Character.charCount(each);
            sum += each < TABLE ? tabled(each) : character(each);
        }
        return sum * MARGIN + MARGIN_PIXELS;
    }

    private double tabled(int character) {
        double width = table[character];
        if (width == 0) {
            width = character(character);
            table[character] = width;
        }
        return width;
    }

    private double character(int character) {
        Double width = characters.get(character);
        if (width == null) {
            measure.setText(new String(Character.toChars(character)));
            width = measure.getLayoutBounds().getWidth();
            characters.put(character, width);
        }
        return width;
    }

    /** The width of the widest of {@code texts} (0 when there are none). */
    double widest(List<String> texts) {
        int count = texts.size();
        double[] bounds = new double[count];
        int top = -1;
        for (int index = 0; index < count; index++) {
            String text = texts.get(index);
            Double known = measured.get(text);
            bounds[index] = known != null ? known : bound(text);
            if (top < 0 || bounds[index] > bounds[top]) {
                top = index;
            }
        }
        if (top < 0) {
            return 0;
        }
        // the text of the highest bound first: then only the texts whose bound is above the widest measured are laid out
        double widest = width(texts.get(top));
        for (int index = 0; index < count; index++) {
            if (bounds[index] > widest) {
                widest = Math.max(widest, width(texts.get(index)));
            }
        }
        return widest;
    }
}
