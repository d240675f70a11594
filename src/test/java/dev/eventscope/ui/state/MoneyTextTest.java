package dev.eventscope.ui.state;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-built amount text is exactly what the formatter ({@code %,.Nf}) gives, in every kind of locale. */
class MoneyTextTest {

    private final Locale saved = Locale.getDefault(Locale.Category.FORMAT);

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.FORMAT, saved);
    }

    private static String formatted(BigDecimal amount) {
        int scale = Math.max(2, amount.stripTrailingZeros().scale());
        return String.format("%,." + scale + "f", amount.setScale(scale, RoundingMode.UNNECESSARY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "de-CH", "hi-IN", "en-IN", "ar-EG", "th-TH-u-nu-thai", "ja-JP", "es-ES", "pt-BR", "ru-RU"})
    void equalsTheFormatterInEveryLocale(String tag) {
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(tag));
        Random random = new Random(tag.hashCode());
        for (int sample = 0; sample < 2_000; sample++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(70), random);
            BigDecimal amount = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(12) - 3);
            assertEquals(formatted(amount), MoneyText.of(amount), tag + " " + amount.toPlainString());
        }
        for (String edge : new String[] {"0", "0.00", "-0.01", "0.5", "-0.005", "1", "-1", "999", "1000", "-1000.10", "123456.789",
                "1E+3", "-1E+7", "0.0000001", "100.000", "99999999999999999999.99"}) {
            BigDecimal amount = new BigDecimal(edge);
            assertEquals(formatted(amount), MoneyText.of(amount), tag + " " + edge);
        }
    }

    @Test
    void commodityFollowsTheAmount() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        assertEquals("-1,234,567.50 EUR", MoneyText.of(new BigDecimal("-1234567.5"), "EUR"));
        assertEquals("0.001 BTC", MoneyText.of(new BigDecimal("0.0010"), "BTC"));
    }

    @Test
    void aBareAmountShowsNoSymbolAndNoTrailingSpace() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        assertEquals("1,000.00", MoneyText.of(new BigDecimal("1000"), ""));
    }
}
