package dev.eventscope.audit;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws onto landscape pages one after another, top to bottom, starting a new page (with a running
 * header and, for tables, the table's header row again) when the next block does not fit. Each page's
 * content is closed as soon as the page is full, so finished pages go to PDFBox's temporary file.
 */
final class PdfPageWriter {

    static final float MARGIN = 36f;
    static final float CELL_PADDING = 2.5f;

    /** A table column: its title, width in points and whether its cells are right-aligned. */
    record Column(String title, float width, boolean right) {
    }

    private final PDDocument document;
    private final PDRectangle pageSize;
    final PdfFonts fonts = new PdfFonts();
    private PDPageContentStream content;
    private float cursorY;
    private String runningHeaderLeft = "";
    private String runningHeaderRight = "";
    private List<Column> repeatedHeader;

    PdfPageWriter(PDDocument document, PaperSize paper) {
        this.document = document;
        this.pageSize = new PDRectangle(paper.height(), paper.width());
    }

    float contentWidth() {
        return pageSize.getWidth() - 2 * MARGIN;
    }

    void runningHeader(String left, String right) {
        runningHeaderLeft = left;
        runningHeaderRight = right;
    }

    /** Table header to draw again at the top of each new page, or null for none. */
    void repeatHeader(List<Column> columns) {
        repeatedHeader = columns;
    }

    void newPage() {
        closeContent();
        PDPage page = new PDPage(pageSize);
        document.addPage(page);
        try {
            content = new PDPageContentStream(document, page);
        } catch (IOException failed) {
            throw failed(failed);
        }
        cursorY = pageSize.getHeight() - MARGIN;
        if (document.getNumberOfPages() > 1) {
            text(fonts.regular, 7, MARGIN, cursorY - 7, runningHeaderLeft, Color.GRAY);
            float rightWidth = fonts.regular.width(fonts.regular.clean(runningHeaderRight), 7);
            text(fonts.regular, 7, pageSize.getWidth() - MARGIN - rightWidth, cursorY - 7, runningHeaderRight, Color.GRAY);
            rule(cursorY - 10, Color.LIGHT_GRAY);
            cursorY -= 18;
            if (repeatedHeader != null) {
                headerRow(repeatedHeader);
            }
        }
    }

    /** Makes sure {@code height} points fit on this page, starting a new one when not. */
    void ensureSpace(float height) {
        if (content == null || cursorY - height < MARGIN + 14) {
            newPage();
        }
    }

    void space(float points) {
        cursorY -= points;
    }

    /** A paragraph wrapped to the content width. */
    void paragraph(PdfFonts.PdfFont font, float size, String text, Color color) {
        float lineHeight = size * 1.3f;
        for (String line : font.wrap(text, size, contentWidth(), 50)) {
            ensureSpace(lineHeight);
            text(font, size, MARGIN, cursorY - size, line, color);
            cursorY -= lineHeight;
        }
    }

    /** A framed, filled box of lines (headline first); used for the integrity statement. */
    void box(List<String> lines, List<PdfFonts.PdfFont> lineFonts, List<Float> sizes, Color border, Color fill, Color textColor) {
        List<String[]> wrapped = new ArrayList<>();
        float height = 12;
        for (int index = 0; index < lines.size(); index++) {
            List<String> parts = lineFonts.get(index).wrap(lines.get(index), sizes.get(index), contentWidth() - 16, 6);
            wrapped.add(parts.toArray(new String[0]));
            height += parts.size() * sizes.get(index) * 1.3f;
        }
        ensureSpace(height);
        try {
            content.setNonStrokingColor(fill);
            content.setStrokingColor(border);
            content.setLineWidth(2f);
            content.addRect(MARGIN, cursorY - height, contentWidth(), height);
            content.fillAndStroke();
        } catch (IOException failed) {
            throw failed(failed);
        }
        float y = cursorY - 6;
        for (int index = 0; index < wrapped.size(); index++) {
            float size = sizes.get(index);
            for (String line : wrapped.get(index)) {
                text(lineFonts.get(index), size, MARGIN + 8, y - size, line, textColor);
                y -= size * 1.3f;
            }
        }
        cursorY -= height;
    }

    void headerRow(List<Column> columns) {
        row(columns, columns.stream().map(Column::title).toList(), fonts.bold, 7.5f, new Color(0xE0, 0xE0, 0xE0), Color.BLACK, 2, false);
    }

    /**
     * One table row; cells wrap to at most {@code maxLines} lines. When {@code breakable} and the row
     * does not fit, a new page starts (which repeats the table header).
     */
    void row(List<Column> columns, List<String> cells, PdfFonts.PdfFont font, float size, Color fill, Color textColor,
             int maxLines, boolean breakable) {
        float lineHeight = size * 1.25f;
        List<List<String>> wrapped = new ArrayList<>(cells.size());
        int lines = 1;
        for (int index = 0; index < columns.size(); index++) {
            List<String> cellLines = font.wrap(cells.get(index), size, columns.get(index).width() - 2 * CELL_PADDING, maxLines);
            wrapped.add(cellLines);
            lines = Math.max(lines, cellLines.size());
        }
        float height = lines * lineHeight + 2 * CELL_PADDING;
        if (breakable) {
            ensureSpace(height);
        }
        try {
            if (fill != null) {
                content.setNonStrokingColor(fill);
                content.addRect(MARGIN, cursorY - height, contentWidth(), height);
                content.fill();
            }
        } catch (IOException failed) {
            throw failed(failed);
        }
        float x = MARGIN;
        for (int index = 0; index < columns.size(); index++) {
            Column column = columns.get(index);
            float y = cursorY - CELL_PADDING - size;
            for (String line : wrapped.get(index)) {
                float textX = column.right() ? x + column.width() - CELL_PADDING - font.width(line, size) : x + CELL_PADDING;
                text(font, size, textX, y, line, textColor);
                y -= lineHeight;
            }
            x += column.width();
        }
        cursorY -= height;
        rule(cursorY, new Color(0xD0, 0xD0, 0xD0));
    }

    void rule(float y, Color color) {
        try {
            content.setStrokingColor(color);
            content.setLineWidth(0.4f);
            content.moveTo(MARGIN, y);
            content.lineTo(pageSize.getWidth() - MARGIN, y);
            content.stroke();
        } catch (IOException failed) {
            throw failed(failed);
        }
    }

    void text(PdfFonts.PdfFont font, float size, float x, float y, String text, Color color) {
        String cleaned = font.clean(text);
        if (cleaned.isEmpty()) {
            return;
        }
        try {
            content.beginText();
            content.setNonStrokingColor(color);
            content.setFont(font.font, size);
            content.newLineAtOffset(x, y);
            content.showText(cleaned);
            content.endText();
        } catch (IOException failed) {
            throw failed(failed);
        }
    }

    /** Writes "Page i of N" and the footer line on every page, once all pages exist. */
    void footers(String left) {
        closeContent();
        int total = document.getNumberOfPages();
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            try (PDPageContentStream footer = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                content = footer;
                String pageText = "Page " + number + " of " + total;
                text(fonts.regular, 7, MARGIN, MARGIN - 12, left, Color.GRAY);
                text(fonts.bold, 7.5f, pageSize.getWidth() - MARGIN - fonts.bold.width(pageText, 7.5f), MARGIN - 12, pageText, Color.DARK_GRAY);
            } catch (IOException failed) {
                throw failed(failed);
            }
        }
        content = null;
    }

    void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException failed) {
                throw failed(failed);
            }
            content = null;
        }
    }

    static UncheckedIOException failed(IOException failed) {
        return new UncheckedIOException("Could not write the PDF report: " + failed.getMessage(), failed);
    }
}
