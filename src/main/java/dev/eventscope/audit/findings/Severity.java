package dev.eventscope.audit.findings;

/** How serious a finding is, from a note for the file to a matter for those charged with governance. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The severity named (any case); throws with the names otherwise. */
    public static Severity named(String name) {
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(name.strip())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("There is no severity \"" + name + "\": use info, low, medium, high or critical.");
    }

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
