package dev.eventscope.audit;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws onto landscape pages one after another, top to bottom, starting a new page (with a running
 * header and, for tables, the table's header row again) when the next block does not fit. OpenPDF
 * writes each page to the output stream as soon as the next one starts, so memory holds one page;
 * the total in "Page i of N" is a small shared template filled in when the document closes.
 */
final class PdfPageWriter {

    static final float MARGIN = 36f;
    static final float CELL_PADDING = 2.5f;
    private static final float PAGE_NUMBER_SIZE = 7.5f;
    private static final float BOLD_OUTLINE = 0.42f;
    /** Room below the page total's baseline inside its template, for descenders. */
    private static final float TEMPLATE_BASELINE = 3f;

    /** A table column: its title, width in points and whether its cells are right-aligned. */
    record Column(String title, float width, boolean right) {
    }

    private final Document document;
    private final PdfWriter writer;
    private final Rectangle pageSize;
    final PdfFonts fonts = new PdfFonts();
    private PdfContentByte content;
    private PdfTemplate pageTotal;
    private float pageTotalWidth;
    private int pageNumber;
    private float cursorY;
    private String runningHeaderLeft = "";
    private String runningHeaderRight = "";
    private String footer = "";
    private List<Column> repeatedHeader;

    PdfPageWriter(OutputStream out, PaperSize paper) {
        this.pageSize = new Rectangle(paper.height(), paper.width());
        this.document = new Document(pageSize, MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            this.writer = PdfWriter.getInstance(document, out);
        } catch (DocumentException failed) {
            throw failed(failed);
        }
        writer.setCloseStream(false);
    }

    /** The writer, for document properties; set them before the first page. */
    PdfWriter writer() {
        return writer;
    }

    Document document() {
        return document;
    }

    float contentWidth() {
        return pageSize.getWidth() - 2 * MARGIN;
    }

    void runningHeader(String left, String right) {
        runningHeaderLeft = left;
        runningHeaderRight = right;
    }

    /** The line at the bottom left of every page (the page number is at the bottom right). */
    void footer(String text) {
        footer = text;
    }

    /** Table header to draw again at the top of each new page, or null for none. */
    void repeatHeader(List<Column> columns) {
        repeatedHeader = columns;
    }

    void newPage() {
        if (pageNumber == 0) {
            document.open();
            content = writer.getDirectContent();
            // room for three digits inside the margin; longer totals run on into the right margin
            pageTotalWidth = fonts.bold.width("000", PAGE_NUMBER_SIZE);
            pageTotal = content.createTemplate(pageTotalWidth + MARGIN - 4, PAGE_NUMBER_SIZE * 1.5f);
        } else {
            drawFooter();
            try {
                document.newPage();
            } catch (ExceptionConverter failed) {
                throw failed(failed.getException());
            }
            content = writer.getDirectContent();
        }
        pageNumber++;
        cursorY = pageSize.getHeight() - MARGIN;
        if (pageNumber > 1) {
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
        content.setColorFill(fill);
        content.setColorStroke(border);
        content.setLineWidth(2f);
        content.rectangle(MARGIN, cursorY - height, contentWidth(), height);
        content.fillStroke();
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
        if (fill != null) {
            content.setColorFill(fill);
            content.rectangle(MARGIN, cursorY - height, contentWidth(), height);
            content.fill();
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
        content.setColorStroke(color);
        content.setLineWidth(0.4f);
        content.moveTo(MARGIN, y);
        content.lineTo(pageSize.getWidth() - MARGIN, y);
        content.stroke();
    }

    void text(PdfFonts.PdfFont font, float size, float x, float y, String text, Color color) {
        String cleaned = font.clean(text);
        if (!cleaned.isBlank()) {
            show(content, font, size, x, y, cleaned, color);
        }
    }

    private static void show(PdfContentByte target, PdfFonts.PdfFont font, float size, float x, float y, String cleaned, Color color) {
        target.beginText();
        target.setColorFill(color);
        if (font.emboldened) {
            target.setColorStroke(color);
            target.setLineWidth(BOLD_OUTLINE * size / 10f);
            target.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
        } else {
            target.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL);
        }
        target.setFontAndSize(font.font, size);
        target.setTextMatrix(x, y);
        target.showText(cleaned);
        target.endText();
    }

    /** The footer line and "Page i of " with the shared total at the bottom of the current page. */
    private void drawFooter() {
        float y = MARGIN - 12;
        text(fonts.regular, 7, MARGIN, y, footer, Color.GRAY);
        String pageText = "Page " + pageNumber + " of ";
        float right = pageSize.getWidth() - MARGIN - pageTotalWidth;
        text(fonts.bold, PAGE_NUMBER_SIZE, right - fonts.bold.width(pageText, PAGE_NUMBER_SIZE), y, pageText, Color.DARK_GRAY);
        content.addTemplate(pageTotal, right, y - TEMPLATE_BASELINE);
    }

    /** Ends the last page, fills in the page total and completes the file. */
    void close() {
        if (pageNumber == 0) {
            newPage();
        }
        drawFooter();
        show(pageTotal, fonts.bold, PAGE_NUMBER_SIZE, 0, TEMPLATE_BASELINE, String.valueOf(pageNumber), Color.DARK_GRAY);
        try {
            document.close();
        } catch (ExceptionConverter failed) {
            throw failed(failed.getException());
        }
    }

    int pageNumber() {
        return pageNumber;
    }

    static UncheckedIOException failed(Exception failed) {
        return new UncheckedIOException("Could not write the PDF report: " + failed.getMessage(),
                failed instanceof IOException io ? io : new IOException(failed));
    }
}
