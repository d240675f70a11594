package dev.eventscope.audit;

/** Paper for the PDF report, in PostScript points (1/72 inch), portrait. */
public enum PaperSize {
    A4(595.28f, 841.89f),
    LETTER(612f, 792f);

    private final float width;
    private final float height;

    PaperSize(float width, float height) {
        this.width = width;
        this.height = height;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }
}
