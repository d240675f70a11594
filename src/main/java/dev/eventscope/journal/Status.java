package dev.eventscope.journal;

/** The clearing status of a transaction or posting: no mark, {@code !} pending, or {@code *} cleared. */
public enum Status {
    UNMARKED(""),
    PENDING("!"),
    CLEARED("*");

    private final String mark;

    Status(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }
}
