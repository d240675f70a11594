package dev.eventscope.audit.tests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gaps and duplicates in the entry numbering. Ids are read as a prefix and a trailing number, as new ids
 * are made ({@code application.EntryIds}: {@code JE-2025-0194}); each prefix with at least the configured
 * number of entries is a series. A number used by two ids of a series ({@code JE-2025-0197} and
 * {@code JE-2025-197}) flags the later-recorded one; a missing number flags the entry numbered just after
 * the gap.
 */
public final class EntryNumbering implements JournalEntryTest {

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d{1,15})");

    @Override
    public String name() {
        return "numbering";
    }

    @Override
    public String title() {
        return "Gaps and duplicates in the entry numbering";
    }

    @Override
    public String describe(TestSettings settings) {
        return "Numbers missing or used twice in a series of entry ids with a common prefix and at least "
                + settings.numberingMinimum() + " entries.";
    }

    @Override
    public TestResult run(LedgerFacts facts, TestSettings settings) {
        Map<String, List<EntryFacts>> series = new LinkedHashMap<>();
        for (EntryFacts entry : facts.entries()) {
            Matcher numbered = NUMBERED.matcher(entry.entryId());
            if (numbered.matches()) {
                series.computeIfAbsent(numbered.group(1), prefix -> new ArrayList<>()).add(entry);
            }
        }
        List<FlaggedEntry> flagged = new ArrayList<>();
        for (Map.Entry<String, List<EntryFacts>> one : series.entrySet()) {
            if (one.getValue().size() >= Math.max(1, settings.numberingMinimum())) {
                check(one.getKey(), one.getValue(), flagged);
            }
        }
        flagged.sort(Comparator.comparingLong(FlaggedEntry::position));
        return result(settings, flagged);
    }

    private void check(String prefix, List<EntryFacts> entries, List<FlaggedEntry> flagged) {
        Map<Long, EntryFacts> firstByNumber = new HashMap<>();
        TreeMap<Long, EntryFacts> numbers = new TreeMap<>();
        for (EntryFacts entry : entries) {
            long number = number(prefix, entry);
            EntryFacts first = firstByNumber.putIfAbsent(number, entry);
            if (first != null) {
                flagged.add(FlaggedEntry.of(this, entry, "Number " + number + " of the series " + prefix
                        + "… is also used by " + first.entryId() + "."));
            } else {
                numbers.put(number, entry);
            }
        }
        Map.Entry<Long, EntryFacts> previous = null;
        for (Map.Entry<Long, EntryFacts> current : numbers.entrySet()) {
            if (previous != null && current.getKey() - previous.getKey() > 1) {
                long missing = current.getKey() - previous.getKey() - 1;
                flagged.add(FlaggedEntry.of(this, current.getValue(), (missing == 1 ? "Number " + (previous.getKey() + 1)
                        + " is missing" : missing + " numbers (" + (previous.getKey() + 1) + "–" + (current.getKey() - 1) + ") are missing")
                        + " from the series " + prefix + "…: it jumps from " + previous.getValue().entryId() + " to "
                        + current.getValue().entryId() + "."));
            }
            previous = current;
        }
    }

    private static long number(String prefix, EntryFacts entry) {
        return Long.parseLong(entry.entryId().substring(prefix.length()));
    }
}
