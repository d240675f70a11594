package dev.eventscope.audit;

/** The file formats a report can be written in. */
public enum ReportFormat {
    PDF("pdf"),
    HTML("html"),
    CSV("csv"),
    JSON("json");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
