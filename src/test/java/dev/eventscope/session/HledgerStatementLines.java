package dev.eventscope.session;

import dev.eventscope.domain.ledger.ValuationTarget;
import dev.eventscope.domain.ledger.ValuedLine;
import dev.eventscope.journal.testkit.HledgerStatement;
import dev.eventscope.statement.Interval;
import dev.eventscope.statement.Statement;
import dev.eventscope.statement.StatementValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Statements and hledger's as comparable lines ("Assets | assets:bank | 2025-03-31 | EUR 27021.98"), ours rounded to
 * the decimals hledger printed, and hledger's flags for the same request: shared by {@link StatementsAgreeWithHledgerTest}
 * and {@link ReportsCorpusDifferentialTest}.
 */
final class HledgerStatementLines {

    private HledgerStatementLines() {
    }

    /** A valuation as the test's table writes it ("-X EUR", "-V", "2025-06-30 EUR", "2025-06-30 -V"): ours and hledger's flag. */
    record Valued(StatementValue value, String hledgerFlag) {
        static Optional<Valued> parse(String text) {
            String[] words = text.strip().split(" ");
            boolean dated = Character.isDigit(words[0].charAt(0));
            java.time.LocalDate date = dated ? java.time.LocalDate.parse(words[0]) : null;
            String target = dated ? words[1] : words[0].equals("-V") ? "-V" : words[1];
            ValuationTarget into = target.equals("-V") ? ValuationTarget.defaults() : ValuationTarget.in(target);
            String flag = dated ? "--value=" + date + (target.equals("-V") ? "" : "," + target)
                    : target.equals("-V") ? "-V" : "--value=end," + target;
            return Optional.of(new Valued(new StatementValue(into, date), flag));
        }
    }

    /** How many (column, commodity) pairs the statement converted with a price. */
    static long converted(Statement statement) {
        return statement.valuation().orElseThrow().columns().stream().flatMap(column -> column.prices().stream())
                .filter(price -> price.status() == ValuedLine.Status.CONVERTED).count();
    }

    static List<String> ordinals(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(Integer::toString).toList();
    }

    /** hledger's -p, -M/-Q/-Y and --depth for the same request. */
    static List<String> hledgerFlags(String period, Interval interval, int depth) {
        List<String> flags = new ArrayList<>();
        if (!period.isEmpty()) {
            flags.addAll(List.of("-p", period));
        }
        switch (interval) {
            case MONTHLY -> flags.add("-M");
            case QUARTERLY -> flags.add("-Q");
            case YEARLY -> flags.add("-Y");
            case NONE -> { }
        }
        if (depth > 0) {
            flags.addAll(List.of("--depth", Integer.toString(depth)));
        }
        return flags;
    }

    /** hledger's lines: section | account | column | commodity amount, in a sorted order. */
    static List<String> lines(HledgerStatement hledger) {
        List<String> lines = new ArrayList<>();
        hledger.sections().forEach((section, rows) -> {
            rows.forEach((account, amounts) -> add(lines, section + " | " + account, hledger.columns(), amounts, Map.of()));
            add(lines, section + " | total", hledger.columns(), hledger.totals().getOrDefault(section, List.of()), Map.of());
        });
        add(lines, "Net", hledger.columns(), hledger.net(), Map.of());
        return lines.stream().sorted().toList();
    }

    static List<String> lines(Statement statement, Map<String, Integer> scales) {
        List<String> lines = new ArrayList<>();
        List<String> columns = statement.columnHeadings();
        for (Statement.Section section : statement.sections()) {
            section.rows().forEach(row -> add(lines, section.name() + " | " + row.account(), columns, row.amounts(), scales));
            add(lines, section.name() + " | total", columns, section.totals(), scales);
        }
        add(lines, "Net", columns, statement.net(), scales);
        return lines.stream().sorted().toList();
    }

    static void add(List<String> lines, String label, List<String> columns, List<SortedMap<String, BigDecimal>> amounts,
                            Map<String, Integer> scales) {
        for (int column = 0; column < amounts.size(); column++) {
            String heading = columns.get(column);
            boolean any = false;
            for (Map.Entry<String, BigDecimal> amount : amounts.get(column).entrySet()) {
                BigDecimal shown = scales.containsKey(amount.getKey())
                        ? amount.getValue().setScale(scales.get(amount.getKey()), RoundingMode.HALF_EVEN) : amount.getValue();
                if (shown.signum() != 0) {
                    lines.add(label + " | " + heading + " | " + amount.getKey() + " " + shown.stripTrailingZeros().toPlainString());
                    any = true;
                }
            }
            if (!any) {
                lines.add(label + " | " + heading + " | 0");
            }
        }
    }

    /** Per commodity, the decimals hledger printed (its display precision). */
    static Map<String, Integer> scales(HledgerStatement hledger) {
        Map<String, Integer> scales = new HashMap<>();
        List<List<SortedMap<String, BigDecimal>>> all = new ArrayList<>();
        hledger.sections().values().forEach(rows -> all.addAll(rows.values()));
        all.addAll(hledger.totals().values());
        all.add(hledger.net());
        all.forEach(columns -> columns.forEach(amounts -> amounts.forEach((commodity, amount) ->
                scales.merge(commodity, amount.scale(), Math::max))));
        return scales;
    }

    /** hledger's {@code bal -H --tree --no-elide -O csv} as lines (account | column ordinal | commodity amount), sorted; fills {@code scales}. */
    static List<String> trialBalanceLines(String hledgerCsv, Map<String, Integer> scales) {
        List<List<String>> records = dev.eventscope.audit.Csv.parse(hledgerCsv.lines().map(line -> line + "\r\n")
                .collect(java.util.stream.Collectors.joining()));
        List<String> expected = new ArrayList<>();
        int columns = records.get(0).size() - 1;
        for (List<String> record : records.subList(1, records.size())) {
            if (record.equals(List.of(""))) {
                continue;
            }
            List<SortedMap<String, BigDecimal>> amounts = new ArrayList<>();
            // a total of zero in every column is printed as the word alone ("total"): each missing cell is 0
            for (int column = 1; column <= columns; column++) {
                amounts.add(HledgerStatement.amounts(column < record.size() ? record.get(column) : ""));
            }
            amounts.forEach(column -> column.forEach((commodity, amount) -> scales.merge(commodity, amount.scale(), Math::max)));
            add(expected, record.get(0), ordinals(amounts.size()), amounts, Map.of());
        }
        return expected.stream().sorted().toList();
    }

    /** Our trial balance as the same lines, rounded to hledger's decimals. */
    static List<String> trialBalanceLines(Statement ours, Map<String, Integer> scales) {
        List<String> lines = new ArrayList<>();
        List<String> columns = ordinals(ours.columns().size());
        ours.sections().forEach(section -> section.rows().forEach(row -> add(lines, row.account(), columns, row.amounts(), scales)));
        add(lines, "total", columns, ours.net(), scales);
        return lines.stream().sorted().toList();
    }
}
