package dev.eventscope.audit;

/** Told how far a report has come: the phase ("verifying", "summarising", "writing"), events done and the total. */
@FunctionalInterface
public interface ReportProgress {

    void update(String phase, long done, long total);

    static ReportProgress none() {
        return (phase, done, total) -> { };
    }
}
