package dev.eventscope.audit;

import org.apache.fontbox.afm.FontMetrics;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.util.ArrayList;
import java.util.List;

/**
 * The PDF's fonts (the standard Helvetica family, so nothing is embedded) with cached glyph widths,
 * text cleaning (characters the fonts cannot show become '?') and word wrapping.
 */
final class PdfFonts {

    final PdfFont regular = new PdfFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    final PdfFont bold = new PdfFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    final PdfFont mono = new PdfFont(new PDType1Font(Standard14Fonts.FontName.COURIER));

    /** One font with a width cache; widths are in text-space units per 1 point of font size. */
    static final class PdfFont {
        final PDType1Font font;
        private final float[] widths = new float[65536];

        private final FontMetrics metrics;

        PdfFont(PDType1Font font) {
            this.font = font;
            this.metrics = Standard14Fonts.getAFM(font.getName());
            java.util.Arrays.fill(widths, -1f);
        }

        /** The text with arrows spelled out and every character the font lacks replaced by '?'. */
        String clean(String text) {
            if (text == null) {
                return "";
            }
            String spelled = text.replace("\u2192", "->");
            StringBuilder cleaned = new StringBuilder(spelled.length());
            for (int index = 0; index < spelled.length(); index++) {
                char character = spelled.charAt(index);
                if (Character.isISOControl(character)) {
                    cleaned.append(' ');
                } else {
                    cleaned.append(charWidth(character) < 0 ? '?' : character);
                }
            }
            return cleaned.toString();
        }

        /** The width of cleaned text at the given size. */
        float width(String cleanText, float size) {
            float total = 0;
            for (int index = 0; index < cleanText.length(); index++) {
                total += Math.max(0, charWidth(cleanText.charAt(index)));
            }
            return total * size;
        }

        private float charWidth(char character) {
            float cached = widths[character];
            if (cached != -1f) {
                return cached;
            }
            // glyph names and AFM widths, not font.encode: that would load a system font just to measure
            String name = GlyphList.getAdobeGlyphList().codePointToName(character);
            float width = font.getEncoding().contains(name) ? metrics.getCharacterWidth(name) / 1000f : -2f;
            widths[character] = width;
            return width;
        }

        /**
         * Cleaned text broken into lines that fit {@code maxWidth}, at most {@code maxLines}; a cut
         * last line ends with "...". Words longer than a line are broken between characters.
         */
        List<String> wrap(String text, float size, float maxWidth, int maxLines) {
            String cleaned = clean(text);
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : cleaned.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > maxWidth && rest.length() > 1) {
                    int fit = 1;
                    while (fit < rest.length() && width(rest.substring(0, fit + 1), size) <= maxWidth) {
                        fit++;
                    }
                    lines.add(rest.substring(0, fit));
                    rest = rest.substring(fit);
                }
                line.append(rest);
            }
            if (line.length() > 0 || lines.isEmpty()) {
                lines.add(line.toString());
            }
            if (lines.size() > maxLines) {
                List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
                String last = cut.get(maxLines - 1);
                while (!last.isEmpty() && width(last + "...", size) > maxWidth) {
                    last = last.substring(0, last.length() - 1);
                }
                cut.set(maxLines - 1, last + "...");
                return cut;
            }
            return lines;
        }
    }
}
