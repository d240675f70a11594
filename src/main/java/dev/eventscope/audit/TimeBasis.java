package dev.eventscope.audit;

/** Which clock a report's period ({@code --from}/{@code --to}) is measured on. */
public enum TimeBasis {
    /** The entry's business date; events without one (a freeze, say) use the date they were recorded. */
    ENTRY_DATE("entry date"),
    /** When the event was stored, in the report's time zone. */
    RECORDED_TIME("recorded time");

    private final String label;

    TimeBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
