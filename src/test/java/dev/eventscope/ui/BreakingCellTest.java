package dev.eventscope.ui;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link BreakingCell#lines}, which remembers its answers and measures each text once, against the plain breaking it
 * replaces (below: every candidate line laid out with a new {@link Text}; the text cut at its breaks as the cell does): the same lines for seeded random texts of
 * the kinds the state, compare and why tables show, in several fonts and rooms, asked once and again.
 */
class BreakingCellTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void breaks_every_text_as_the_plain_breaking_does_also_when_asked_again() {
        Random random = new Random(20261204);
        List<String> texts = new ArrayList<>(List.of("assets:fixed:accumulated-depreciation", "Reverses JE-2025-0026",
                "2025-12-30 · PAY-2025-12B", "1,234.00 EUR → 12,345,678.90 EUR", "first line\nassets:bank:checking:main",
                "", " ", "a", "-leading hyphen", "trailing: ", "LOAN-4471-10 x-y"));
        for (int index = 0; index < 400; index++) {
            String text = TextWidthsTest.text(random);
            texts.add(random.nextInt(8) == 0 ? text + "\n" + TextWidthsTest.text(random) : text);
        }
        for (int round = 0; round < 2; round++) {
            for (Font font : TextWidthsTest.fonts()) {
                for (String text : texts) {
                    for (double room : new double[] {0.5, 24, 61.5, 90, 137.25, 200, 333, 900}) {
                        assertEquals(plain(text, room, font), BreakingCell.lines(text, room, font),
                                () -> "'" + text + "' in " + room + " px of " + font);
                    }
                }
            }
        }
    }

    /** The breaking as it was before its answers were remembered (383cb50). */
    private static String plain(String text, double room, Font font) {
        if (text.indexOf('\n') >= 0) {
            return String.join("\n", text.lines().map(line -> plain(line, room, font)).toList());
        }
        Text measure = new Text();
        measure.setFont(font);
        if (width(measure, text) <= room) {
            return text;
        }
        String atColons = packed(BreakingCell.parts(text, ":"), room, measure);
        if (atColons.lines().allMatch(line -> width(measure, line) <= room)) {
            return atColons;
        }
        return packed(BreakingCell.parts(text, ": -"), room, measure);
    }

    private static String packed(List<String> parts, double room, Text measure) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String part : parts) {
            String candidate = line + part;
            if (line.length() > 0 && width(measure, candidate.stripTrailing()) > room) {
                out.append(line.toString().stripTrailing()).append('\n');
                line.setLength(0);
                line.append(part);
            } else {
                line.append(part);
            }
        }
        return out.append(line.toString().stripTrailing()).toString();
    }

    private static double width(Text measure, String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
