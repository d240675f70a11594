package dev.eventscope.journal.testkit;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement as hledger 1.25 draws it ({@code bs}, {@code bse}, {@code is} with {@code --tree --no-elide -O csv}):
 * per section, each shown account's amounts per column, the section's total and the net line. The CSV rounds to
 * each commodity's display precision, so amounts are read with the decimals hledger printed; "0" and an empty
 * cell are no amount.
 */
public record HledgerStatement(List<String> columns, Map<String, Map<String, List<SortedMap<String, BigDecimal>>>> sections,
                               Map<String, List<SortedMap<String, BigDecimal>>> totals, List<SortedMap<String, BigDecimal>> net,
                               String csv) {

    /** "$-1163.19", "-14991.67 EUR", "2063.00Kč", "CHF 12.00": symbol before or after, maybe spaced. */
    private static final Pattern AMOUNT = Pattern.compile("^(\"[^\"]*\"|\\D*?)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*(.*)$");

    /** Runs {@code hledger -f JOURNAL COMMAND --tree --no-elide -O csv ARGUMENTS...} and reads what it printed. */
    public static HledgerStatement run(Path journal, String command, List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("-f", journal.toString(), command, "--tree", "--no-elide", "-O", "csv"));
        all.addAll(arguments);
        HledgerRun run = Hledger.run(all);
        if (!run.succeeded()) {
            throw new IllegalStateException(run.describe());
        }
        return parse(run.standardOutput());
    }

    static HledgerStatement parse(String csv) {
        // hledger ends its CSV lines in LF, and the last one in nothing
        List<List<String>> records = dev.eventscope.audit.Csv.parse(csv.lines().map(line -> line + "\r\n")
                .collect(java.util.stream.Collectors.joining())).stream().filter(record -> !record.equals(List.of(""))).toList();
        List<String> columns = records.get(1).subList(1, records.get(1).size());
        Map<String, Map<String, List<SortedMap<String, BigDecimal>>>> sections = new LinkedHashMap<>();
        Map<String, List<SortedMap<String, BigDecimal>>> totals = new LinkedHashMap<>();
        List<SortedMap<String, BigDecimal>> net = List.of();
        String section = null;
        for (List<String> record : records.subList(2, records.size())) {
            String name = record.get(0);
            List<SortedMap<String, BigDecimal>> amounts = new ArrayList<>();
            for (int column = 1; column <= columns.size(); column++) {
                amounts.add(amounts(column < record.size() ? record.get(column) : ""));
            }
            if (name.equals("Net:")) {
                net = amounts;
            } else if (name.equals("total")) {
                totals.put(section, amounts);
            } else if (!name.contains(":") && record.stream().skip(1).allMatch(String::isEmpty) && Character.isUpperCase(name.charAt(0))) {
                section = name;
                sections.put(section, new LinkedHashMap<>());
            } else {
                sections.get(section).put(name, amounts);
            }
        }
        return new HledgerStatement(columns, sections, totals, net, csv);
    }

    /** One cell: amounts separated by ", ". */
    public static SortedMap<String, BigDecimal> amounts(String cell) {
        SortedMap<String, BigDecimal> amounts = new TreeMap<>();
        if (cell.isBlank()) {
            return amounts;
        }
        for (String part : cell.split(", ")) {
            Matcher matcher = AMOUNT.matcher(part.strip());
            if (!matcher.matches()) {
                throw new IllegalStateException("hledger printed an amount that cannot be read: \"" + part + "\"");
            }
            // hledger quotes a symbol holding spaces or digits ("Plans: Wildthorn Mail"); the ledger keeps it unquoted
            String commodity = unquoted((matcher.group(1) + matcher.group(3)).strip());
            BigDecimal quantity = new BigDecimal(matcher.group(2));
            if (quantity.signum() != 0) {
                amounts.merge(commodity, quantity, BigDecimal::add);
            }
        }
        return amounts;
    }

    private static String unquoted(String commodity) {
        return commodity.length() > 1 && commodity.startsWith("\"") && commodity.endsWith("\"")
                ? commodity.substring(1, commodity.length() - 1) : commodity;
    }
}
