package dev.eventscope.ui;

import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TextWidths} against measuring every text afresh with its own {@link Text}, as {@link TableFit} did before: the
 * widest of many texts is exactly the widest measured, and no text is wider than its bound. Seeded random texts of the
 * kinds a table shows (amounts with "before → after", account names, labels) in the fonts a cell may have.
 */
class TextWidthsTest {

    private static final String[] COMMODITIES = {"EUR", "USD", "CHF", "AAPL", "kWh", "€", "Ünits"};
    private static final String[] WORDS = {"assets", "bank", "checking", "liabilities", "Total", "expenses", "income",
            "Debits", "Credits", "WWW", "iii", "fixed", "accumulated-depreciation", "Ärzte", "Łódź", "VAT"};

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void the_widest_of_many_texts_is_the_widest_measured_one_by_one() {
        Random random = new Random(20261203);
        for (Font font : fonts()) {
            TextWidths widths = new TextWidths(font);
            for (int round = 0; round < 60; round++) {
                List<String> texts = new ArrayList<>();
                int count = 1 + random.nextInt(400);
                for (int index = 0; index < count; index++) {
                    texts.add(text(random));
                }
                // a move shows many of the texts measured before, and new ones
                if (round % 3 == 0) {
                    texts.addAll(texts.subList(0, count / 2));
                }
                double expected = texts.stream().mapToDouble(text -> alone(text, font)).max().orElse(0);
                assertEquals(expected, widths.widest(texts), () -> "widest of " + texts.size() + " texts in " + font);
            }
            assertEquals(0, widths.widest(List.of()));
        }
    }

    @Test
    void no_text_is_wider_than_its_bound_and_each_measures_as_alone() {
        Random random = new Random(7);
        for (Font font : fonts()) {
            TextWidths widths = new TextWidths(font);
            for (int index = 0; index < 3_000; index++) {
                String text = text(random);
                double alone = alone(text, font);
                assertTrue(widths.bound(text) >= alone, () -> "bound of '" + text + "' in " + font);
                assertEquals(alone, widths.width(text));
                assertEquals(alone, widths.width(text), "remembered");
            }
        }
    }

    @Test
    void the_memory_starts_afresh_when_full_and_still_answers_exactly() {
        Font font = Font.getDefault();
        TextWidths widths = new TextWidths(font);
        for (int index = 0; index < TextWidths.KEPT + 10; index++) {
            widths.width(Integer.toString(index));
        }
        assertEquals(alone("12,345.67 EUR", font), widths.width("12,345.67 EUR"));
        assertEquals(alone("0", font), widths.width("0"));
    }

    private static List<Font> fonts() {
        Font base = Font.getDefault();
        return List.of(base, Font.font(base.getFamily(), FontWeight.BOLD, 13), Font.font("Monospaced", 12),
                Font.font(base.getFamily(), 17.5));
    }

    private static double alone(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    private static String text(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> money(random);
            case 1 -> money(random) + " → " + money(random);
            case 2 -> {
                StringBuilder account = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
                for (int level = random.nextInt(4); level > 0; level--) {
                    account.append(':').append(WORDS[random.nextInt(WORDS.length)]);
                }
                yield account.toString();
            }
            default -> {
                StringBuilder any = new StringBuilder();
                for (int length = random.nextInt(30); length > 0; length--) {
                    int kind = random.nextInt(10);
                    // printable ASCII, Latin letters with accents, now and then a character outside the basic plane (🙂)
                    any.appendCodePoint(kind < 5 ? 32 + random.nextInt(95) : kind < 9 ? 0xC0 + random.nextInt(0x17F - 0xC0)
                            : 0x1F600 + random.nextInt(0x40));
                }
                yield any.toString();
            }
        };
    }

    private static String money(Random random) {
        long cents = (long) (random.nextGaussian() * Math.pow(10, 1 + random.nextInt(9)));
        String digits = String.format(java.util.Locale.ROOT, "%,.2f", cents / 100.0);
        return digits + " " + COMMODITIES[random.nextInt(COMMODITIES.length)];
    }
}
