package dev.eventscope.domain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The one printable form of a quoted name or text (session 22, adversary2). */
class PrintableTextTest {

    @Test
    void control_invisible_and_bidirectional_characters_are_written_out() {
        assertEquals("new\\u000Aline\\u000D \\u001B[2J \\u0000 \\u0009 \\u007F \\u0085", PrintableText.of("new\nline\r \u001B[2J \u0000 \t \u007F \u0085"));
        assertEquals("fdp\\u202Eexe \\u200B \\uFEFF \\u2028 \\u2029 \\u2066", PrintableText.of("fdp\u202Eexe \u200B \uFEFF \u2028 \u2029 \u2066"));
        assertEquals("tag\\uE0041", PrintableText.of("tag\uDB40\uDC41"), "a supplementary format character (a tag letter)");
    }

    @Test
    void quotes_letters_of_any_script_and_the_joiners_are_kept() {
        String text = "l \"q\" 'é' café Кафе 東京 \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u0915\u094D\u200D\u0937 😀 \\u000A";
        assertSame(text, PrintableText.of(text));
    }

    @Test
    void a_path_is_shown_by_its_text() {
        assertEquals("/tmp/a\\u000Ab.journal", PrintableText.of(Path.of("/tmp/a\nb.journal")));
        assertEquals("null", PrintableText.of(null));
    }

    @Test
    void long_text_is_shortened_with_its_length_in_characters() {
        assertEquals("abc", PrintableText.shortened("abc", 3));
        assertEquals("ab… (4 characters in all)", PrintableText.shortened("abcd", 2));
        assertEquals("x".repeat(200) + "… (10,000,000 characters in all)", PrintableText.shortened("x".repeat(10_000_000)));
        // counted in characters, never cutting a pair of surrogates
        assertEquals("😀😀", PrintableText.shortened("😀😀", 2));
        assertEquals("😀… (3 characters in all)", PrintableText.shortened("😀😀😀", 1));
        assertEquals("\\u001B… (2 characters in all)", PrintableText.shortened("\u001B\u001B", 1));
    }
}
