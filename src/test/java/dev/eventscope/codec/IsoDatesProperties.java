package dev.eventscope.codec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The codec's quick reading of a date ({@code IsoDateModule.parseDate}) against the plain reference it stands in
 * for, {@link LocalDate#parse}: the same date, or the same exception with the same message, for real dates, dates
 * that do not exist, and text that is nearly a date.
 */
class IsoDatesProperties {

    @Property(tries = 3_000)
    void reads_every_text_as_LocalDate_parse_does(@ForAll("nearlyDates") String text) {
        Object expected;
        try {
            expected = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            expected = e.getClass().getName() + ": " + e.getMessage();
        }
        Object actual;
        try {
            actual = IsoDateModule.parseDate(text);
        } catch (DateTimeParseException e) {
            actual = e.getClass().getName() + ": " + e.getMessage();
        }
        assertEquals(expected, actual, text);
    }

    @Provide
    Arbitrary<String> nearlyDates() {
        Arbitrary<String> real = Arbitraries.longs().between(LocalDate.of(-2, 1, 1).toEpochDay(), LocalDate.of(10_001, 1, 1).toEpochDay())
                .map(day -> LocalDate.ofEpochDay(day).toString());
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99)).as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-+ x٣").ofMinLength(8).ofMaxLength(12);
        return Arbitraries.oneOf(real, shaped, noise);
    }
}
