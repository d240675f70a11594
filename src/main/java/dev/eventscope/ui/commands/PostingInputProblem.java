package dev.eventscope.ui.commands;

/** A row of the postings grid that cannot become a posting (a missing account, an amount that is not a number). */
public final class PostingInputProblem extends RuntimeException {

    private final transient PostingRow row;

    public PostingInputProblem(PostingRow row, String message) {
        super(message);
        this.row = row;
    }

    public PostingRow row() {
        return row;
    }
}
