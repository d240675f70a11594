package dev.eventscope.audit;

import dev.eventscope.audit.findings.Finding;
import dev.eventscope.audit.tests.BenfordGroup;
import dev.eventscope.audit.tests.FlaggedEntry;
import dev.eventscope.audit.tests.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workbench section of a report as rows of text, one table for the findings and one for the test
 * flags, the same in every format that prints tables (HTML, PDF, CSV).
 */
final class WorkbenchRows {

    /** Findings table: id, severity, about, event position (blank when none), note, by and when. */
    static final List<String> FINDING_COLUMNS = List.of("Finding", "Severity", "About", "Event", "Note", "By, when");
    /** Test flags table: test, entry, event position, reason. */
    static final List<String> FLAG_COLUMNS = List.of("Test", "Entry", "Event", "Reason");

    private WorkbenchRows() {
    }

    static List<List<String>> findings(ReportWorkbench workbench) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportWorkbench.LinkedFinding linked : workbench.findings()) {
            Finding finding = linked.finding();
            rows.add(List.of(finding.id(), finding.severity().text(), finding.target().describe(),
                    linked.position() == 0 ? "" : Long.toString(linked.position()), finding.note(),
                    finding.user() + ", " + finding.createdAt()));
        }
        return rows;
    }

    static List<List<String>> flags(ReportWorkbench workbench) {
        List<List<String>> rows = new ArrayList<>();
        for (TestResult result : workbench.tests()) {
            for (FlaggedEntry flag : result.flagged()) {
                rows.add(List.of(result.name(), flag.entryId(), Long.toString(flag.position()), flag.reason()));
            }
        }
        return rows;
    }

    /** One line per test: its title, what it looks for and how many entries it flagged. */
    static List<String> testLines(ReportWorkbench workbench) {
        List<String> lines = new ArrayList<>();
        for (TestResult result : workbench.tests()) {
            lines.add(result.title() + " (" + result.name() + "): " + result.flagged().size() + " flagged. " + result.description());
        }
        return lines;
    }

    /** One line per Benford account type: postings, chi-square, MAD and conformity. */
    static List<String> benfordLines(ReportWorkbench workbench) {
        List<String> lines = new ArrayList<>();
        for (TestResult result : workbench.tests()) {
            for (BenfordGroup group : result.benford()) {
                lines.add(String.format(Locale.ROOT, "Benford, %s: %d postings, chi-square %.2f, MAD %.4f, %s; first digits 1-9: %s",
                        group.accountType(), group.count(), group.chiSquare(), group.mad(), group.conformity().text(),
                        group.digitCounts()));
            }
        }
        return lines;
    }
}
