package dev.eventscope.ui.reports;

import dev.eventscope.audit.ReportFormat;
import dev.eventscope.audit.ReportScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The file name the export dialog suggests: ledger, "audit", the scope, the day, the format's extension. */
public final class ReportFileNames {

    private ReportFileNames() {
    }

    /** "small-business-audit-assets-bank-2025-03-03.pdf" for account assets:bank on 3 March 2025. */
    public static String suggest(String ledgerFileName, ReportScope scope, ReportFormat format, LocalDate today) {
        String ledger = ledgerFileName.endsWith(".ledger")
                ? ledgerFileName.substring(0, ledgerFileName.length() - ".ledger".length()) : ledgerFileName;
        List<String> parts = new ArrayList<>();
        parts.add(ledger);
        parts.add("audit");
        if (scope.account() != null) {
            parts.add(scope.account());
        }
        if (scope.entryId() != null) {
            parts.add(scope.entryId());
        }
        if (scope.user() != null) {
            parts.add("by-" + scope.user());
        }
        if (scope.hasPeriod()) {
            parts.add((scope.from() == null ? "start" : scope.from().toString()) + "-to-"
                    + (scope.to() == null ? "end" : scope.to().toString()));
        }
        parts.add(today.toString());
        return safe(String.join("-", parts)) + "." + format.extension();
    }

    /** The same name with the format's extension instead of any report extension it had. */
    public static String withExtension(String fileName, ReportFormat format) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ReportFormat any : ReportFormat.values()) {
            if (lower.endsWith("." + any.extension())) {
                return fileName.substring(0, fileName.length() - any.extension().length()) + format.extension();
            }
        }
        return fileName + "." + format.extension();
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
    }
}
