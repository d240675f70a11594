package dev.eventscope.statement;

import java.util.List;

/** A statement as an HTML table (with its title as a heading), for {@code --format html} and the HTML audit report. */
public final class StatementHtml {

    private StatementHtml() {
    }

    /** The table alone: {@code <h3>} title, {@code <table class="statement">}; the caller supplies the page and its style. */
    public static String table(Statement statement) {
        StringBuilder html = new StringBuilder();
        html.append("<h3>").append(escape(statement.title())).append("</h3>\n<table class=\"statement\">\n<tr><th>Account</th>");
        statement.columnHeadings().forEach(heading -> html.append("<th class=\"number\">").append(escape(heading)).append("</th>"));
        html.append("</tr>\n");
        for (StatementLines.Line line : StatementLines.of(statement)) {
            String css = line.kind().name().toLowerCase(java.util.Locale.ROOT);
            int level = line.account().isEmpty() ? 1 : StatementBuilder.level(line.account());
            html.append("<tr class=\"statement-").append(css).append("\"><td")
                    .append(level > 1 ? " style=\"padding-left:" + (level - 1) * 1.2 + "em\"" : "").append('>');
            html.append(escape(line.label().strip())).append("</td>");
            if (line.kind() == StatementLines.Kind.SECTION) {
                html.append("<td colspan=\"").append(statement.columns().size()).append("\"></td>");
            }
            for (List<String> cell : line.cells()) {
                html.append("<td class=\"number\">").append(escape(String.join("\n", cell)).replace("\n", "<br>")).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        statement.valuation().map(valued -> valued.legend(statement.columnHeadings())).filter(legend -> !legend.isEmpty())
                .ifPresent(legend -> {
                    html.append("<p class=\"statement-prices\">Prices used (each applies to every line of its column holding that commodity):</p>\n<ul>");
                    legend.forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
                    html.append("</ul>\n");
                });
        return html.toString();
    }

    /** A whole page holding the table. */
    public static String page(Statement statement) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(statement.title()) + "</title>\n<style>"
                + "body{font-family:sans-serif} table.statement{border-collapse:collapse} td,th{padding:2px 10px}"
                + " .number{text-align:right;white-space:nowrap} tr.statement-section td{font-weight:bold;padding-top:10px}"
                + " tr.statement-total td,tr.statement-net td{border-top:1px solid #888;font-weight:bold}</style></head><body>\n"
                + table(statement) + "</body></html>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
