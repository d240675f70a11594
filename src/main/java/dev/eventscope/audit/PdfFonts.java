package dev.eventscope.audit;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The PDF's font: Liberation Sans (metrically the same as Helvetica/Arial, SIL Open Font License),
 * shipped inside the OpenPDF jar and embedded as a subset, so that accented and Central European
 * letters and currency signs (ü, č, €, Kč) render. Bold is the same font drawn with an outline.
 * Characters the font lacks become '?'. Glyph widths are cached; text is word-wrapped here.
 */
final class PdfFonts {

    /** Liberation Sans Regular as bundled by OpenPDF 2.0.5 (its fallback font). */
    static final String FONT_RESOURCE = "/font-fallback/LiberationSans-Regular.ttf";

    private final BaseFont base = loadFont();
    final PdfFont regular = new PdfFont(base, false);
    final PdfFont bold = new PdfFont(base, true);

    private static BaseFont loadFont() {
        try (InputStream in = PdfFonts.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The PDF font " + FONT_RESOURCE + " is missing from the class path (it comes with OpenPDF).");
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not load the PDF font: " + failed.getMessage(), failed);
        }
    }

    /** The font with a width cache; widths are in text-space units per 1 point of font size. */
    static final class PdfFont {
        final BaseFont font;
        /** Drawn with fill and stroke, a heavier face of the same glyphs. */
        final boolean emboldened;
        private final float[] widths = new float[65536];

        PdfFont(BaseFont font, boolean emboldened) {
            this.font = font;
            this.emboldened = emboldened;
            Arrays.fill(widths, -1f);
        }

        /** The text with arrows spelled out and every character the font lacks replaced by '?'. */
        String clean(String text) {
            if (text == null) {
                return "";
            }
            String spelled = text.replace("\u2192", "->");
            StringBuilder cleaned = new StringBuilder(spelled.length());
            spelled.codePoints().forEach(codePoint -> {
                if (Character.isISOControl(codePoint)) {
                    cleaned.append(' ');
                } else if (codePoint > 0xFFFF || charWidth((char) codePoint) < 0) {
                    cleaned.append('?');
                } else {
                    cleaned.append((char) codePoint);
                }
            });
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
            float width = Character.isSurrogate(character) || !font.charExists(character) ? -2f : font.getWidth(character) / 1000f;
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
