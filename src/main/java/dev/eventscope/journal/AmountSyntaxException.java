package dev.eventscope.journal;

/** An amount that cannot be read; {@code offset} is where in the amount text, turned into a column by the reader. */
final class AmountSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    AmountSyntaxException(String problem, int offset) {
        super(problem);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
