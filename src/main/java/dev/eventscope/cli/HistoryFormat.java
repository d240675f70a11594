package dev.eventscope.cli;

/** How {@code history} prints events; picocli accepts the names in any case. */
public enum HistoryFormat {
    TEXT,
    JSON,
    CSV
}
