package dev.eventscope.ui.timeline;

/** What the slider measures: the event's global position, the entries' business date, or when it was recorded. */
public enum TimelineAxis {
    POSITION("Position"),
    ENTRY_DATE("Entry date"),
    RECORDED_TIME("Recorded time");

    private final String label;

    TimelineAxis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
