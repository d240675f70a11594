package dev.eventscope.audit.tests;

import java.util.List;
import java.util.Objects;

/**
 * What one test found: its name, title and description (with the settings it ran with), the entries it
 * flags in recording order, and for the Benford test the analysis of each account type.
 */
public record TestResult(String name, String title, String description, List<FlaggedEntry> flagged,
                         List<BenfordGroup> benford) {

    public TestResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        flagged = List.copyOf(flagged);
        benford = List.copyOf(benford);
    }
}
