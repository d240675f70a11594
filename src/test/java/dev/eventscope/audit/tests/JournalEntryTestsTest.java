package dev.eventscope.audit.tests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: every journal-entry test, on a small ledger of twenty clean entries plus planted cases, flags
 * exactly the planted entries, and the clean books alone are flagged by no test at all.
 */
class JournalEntryTestsTest {

    private static final TestSettings SETTINGS = TestSettings.defaults(ZoneOffset.UTC);

    @TempDir
    Path folder;

    private WorkbenchLedger ledger;

    @BeforeEach
    void cleanBooks() {
        ledger = new WorkbenchLedger(folder.resolve("workbench.ledger")).cleanBooks();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private List<String> flagged(String test) {
        return flagged(test, SETTINGS);
    }

    private List<String> flagged(String test, TestSettings settings) {
        TestResult result = JournalEntryTests.run(ledger.facts(), settings, Set.of(test)).get(0);
        result.flagged().forEach(flag -> {
            assertTrue(flag.position() > 0 && flag.positions().contains(flag.position()), flag.toString());
            assertTrue(flag.reason().endsWith("."), flag.reason());
        });
        return result.flagged().stream().map(FlaggedEntry::entryId).toList();
    }

    @Test
    @DisplayName("the clean books are flagged by no test")
    void clean_books_are_flagged_by_no_test() {
        for (TestResult result : JournalEntryTests.run(ledger.facts(), SETTINGS, Set.of())) {
            assertEquals(List.of(), result.flagged(), result.name());
        }
        assertEquals(JournalEntryTests.names().size(), JournalEntryTests.run(ledger.facts(), SETTINGS, Set.of()).size());
    }

    @Test
    void late_postings_are_entries_dated_in_a_period_closed_before_they_were_recorded() {
        ledger.closePeriod("2025-02-14", "2025-03-04T16:00");
        ledger.post("E-0021", "2025-02-17", "2025-03-05T10:00", "alice", "expenses:rent", "612.40", "liabilities:payables");
        ledger.reopenPeriod("2025-03-05T11:00");
        ledger.post("E-0022", "2025-02-10", "2025-03-05T11:05", "alice", "expenses:rent", "133.70", "liabilities:payables");
        ledger.closePeriod("2025-02-14", "2025-03-05T11:10");
        assertEquals(List.of("E-0022"), flagged("late-postings"));
        TestResult result = JournalEntryTests.run(ledger.facts(), SETTINGS, Set.of("late-postings")).get(0);
        assertEquals("Dated 2025-02-10 but recorded on 2025-03-05, after the period through 2025-02-14 was closed on 2025-03-04"
                + " (position " + ledger.facts().closes().get(0).position() + ").", result.flagged().get(0).reason());
    }

    @Test
    void backdated_entries_are_dated_more_than_n_days_before_the_entry_recorded_before_them() {
        LocalDate last = ledger.lastCleanDate();
        ledger.post("E-0021", last.minusDays(30), "2025-03-04T10:00", "alice", "expenses:rent", "612.40", PAYABLES);
        ledger.post("E-0022", last, "2025-03-04T11:00", "alice", "expenses:rent", "133.70", PAYABLES);
        ledger.post("E-0023", last.minusDays(31), "2025-03-04T12:00", "alice", "expenses:rent", "244.10", PAYABLES);
        assertEquals(List.of("E-0023"), flagged("backdated"));
        assertEquals(List.of("E-0021", "E-0023"), flagged("backdated", SETTINGS.with("backdated.days", "29")));
    }

    @Test
    void off_hours_are_weekends_public_holidays_and_times_outside_working_hours() {
        ledger.post("E-0021", "2025-03-07", "2025-03-08T10:00", "alice", "expenses:rent", "612.40", PAYABLES);   // Saturday
        ledger.post("E-0022", "2025-03-10", "2025-03-11T06:59", "alice", "expenses:rent", "133.70", PAYABLES);   // too early
        ledger.post("E-0023", "2025-03-10", "2025-03-11T07:00", "alice", "expenses:rent", "244.10", PAYABLES);   // first minute
        ledger.post("E-0024", "2025-03-10", "2025-03-11T18:59", "alice", "expenses:rent", "355.20", PAYABLES);   // last minute
        ledger.post("E-0025", "2025-03-10", "2025-03-11T19:00", "alice", "expenses:rent", "466.30", PAYABLES);   // too late
        ledger.post("E-0026", "2025-04-17", "2025-04-21T10:00", "alice", "expenses:rent", "577.40", PAYABLES);   // Easter Monday
        ledger.post("E-0027", "2025-04-22", "2025-04-23T10:00", "alice", "expenses:rent", "688.50", PAYABLES);
        assertEquals(List.of("E-0021", "E-0022", "E-0025", "E-0026"), flagged("off-hours"));
        assertEquals(List.of("E-0021", "E-0022", "E-0025"), flagged("off-hours", SETTINGS.with("holidays.calendar", "none")));
        assertEquals(List.of("E-0021", "E-0026"), flagged("off-hours", SETTINGS.with("hours.start", "06:00").with("hours.end", "20:00")));
    }

    @Test
    void a_holiday_file_adds_dates_to_the_calendar(@TempDir Path files) throws Exception {
        Path holidays = files.resolve("holidays.txt");
        java.nio.file.Files.writeString(holidays, "# company holidays\n2025-03-12 Works outing\n");
        ledger.post("E-0021", "2025-03-11", "2025-03-12T10:00", "alice", "expenses:rent", "612.40", PAYABLES);
        assertEquals(List.of(), flagged("off-hours"));
        assertEquals(List.of("E-0021"), flagged("off-hours", SETTINGS.withHolidays(SETTINGS.holidays().withFile(holidays))));
        java.nio.file.Files.writeString(holidays, "12.03.2025 Works outing\n");
        IllegalArgumentException wrong = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SETTINGS.holidays().withFile(holidays));
        assertEquals("Line 1 of the holiday file " + holidays + " does not start with a date as 2025-12-24: \"12.03.2025 Works outing\".",
                wrong.getMessage());
    }

    @Test
    void round_amounts_are_multiples_of_a_thousand_or_whole_amounts_ending_in_999() {
        ledger.post("E-0021", "2025-03-03", "2025-03-04T10:00", "alice", "expenses:rent", "5000.00", PAYABLES);
        ledger.post("E-0022", "2025-03-03", "2025-03-04T10:10", "alice", "expenses:rent", "1999", PAYABLES);
        ledger.post("E-0023", "2025-03-03", "2025-03-04T10:20", "alice", "expenses:rent", "5000.50", PAYABLES);
        ledger.post("E-0024", "2025-03-03", "2025-03-04T10:30", "alice", "expenses:rent", "1999.99", PAYABLES);
        ledger.post("E-0025", "2025-03-03", "2025-03-04T10:40", "alice", "expenses:rent", "500.00", PAYABLES);
        assertEquals(List.of("E-0021", "E-0022"), flagged("round-amounts"));
        assertEquals(List.of("E-0021", "E-0025"), flagged("round-amounts",
                SETTINGS.with("round.multiple", "500").with("round.endings", "")));
    }

    @Test
    void rare_users_recorded_less_than_a_share_of_the_entries() {
        ledger.post("E-0021", "2025-03-03", "2025-03-04T10:00", "bob", "expenses:rent", "612.40", PAYABLES);
        ledger.post("E-0022", "2025-03-03", "2025-03-04T10:10", "carol", "expenses:rent", "133.70", PAYABLES);
        ledger.post("E-0023", "2025-03-03", "2025-03-04T10:20", "carol", "expenses:rent", "244.10", PAYABLES);
        assertEquals(List.of("E-0021"), flagged("rare-users"));
    }

    @Test
    void unfamiliar_accounts_are_accounts_others_used_first_and_an_established_user_never_did() {
        ledger.post("E-0021", "2025-03-03", "2025-03-04T10:00", "bob", "expenses:travel", "612.40", PAYABLES);
        ledger.post("E-0022", "2025-03-03", "2025-03-04T10:10", "alice", "expenses:travel", "133.70", PAYABLES);
        ledger.post("E-0023", "2025-03-03", "2025-03-04T10:20", "alice", "expenses:office", "244.10", PAYABLES);
        ledger.post("E-0024", "2025-03-03", "2025-03-04T10:30", "alice", "expenses:travel", "355.20", PAYABLES);
        assertEquals(List.of("E-0022"), flagged("unfamiliar-accounts"));
    }

    @Test
    void duplicates_have_the_same_accounts_and_amounts_within_n_days() {
        ledger.post("E-0021", "2025-03-03", "2025-03-04T10:00", "alice", MATERIALS, "842.20", PAYABLES);
        ledger.post("E-0022", "2025-03-09", "2025-03-10T10:00", "alice", MATERIALS, "842.20", PAYABLES);
        ledger.post("E-0023", "2025-03-20", "2025-03-21T10:00", "alice", MATERIALS, "842.20", PAYABLES);
        ledger.reverse("E-0022", "E-0024", "2025-03-21", "2025-03-21T11:00", "alice");
        ledger.post("E-0025", "2025-03-21", "2025-03-21T12:00", "alice", MATERIALS, "842.21", PAYABLES);
        assertEquals(List.of("E-0022"), flagged("duplicates"));
    }

    @Test
    void numbering_gaps_and_numbers_used_twice_in_a_series() {
        ledger.post("E-0022", "2025-03-03", "2025-03-04T10:00", "alice", "expenses:rent", "612.40", PAYABLES);
        ledger.post("E-0023", "2025-03-03", "2025-03-04T10:10", "alice", "expenses:rent", "133.70", PAYABLES);
        ledger.post("E-23", "2025-03-03", "2025-03-04T10:20", "alice", "expenses:rent", "244.10", PAYABLES);
        ledger.post("X-7", "2025-03-03", "2025-03-04T10:30", "alice", "expenses:rent", "355.20", PAYABLES);
        assertEquals(List.of("E-0022", "E-23"), flagged("numbering"));
        TestResult result = JournalEntryTests.run(ledger.facts(), SETTINGS, Set.of("numbering")).get(0);
        assertEquals("Number 21 is missing from the series E-…: it jumps from E-0020 to E-0022.", result.flagged().get(0).reason());
        assertEquals("Number 23 of the series E-… is also used by E-0023.", result.flagged().get(1).reason());
    }

    @Test
    void reversals_dated_shortly_after_the_period_end_of_what_they_reverse() {
        ledger.post("A", "2025-03-31", "2025-04-01T10:00", "alice", RECEIVABLES, "612.40", SALES);
        ledger.post("B", "2025-03-15", "2025-04-01T10:10", "alice", RECEIVABLES, "133.70", SALES);
        ledger.post("C", "2025-03-28", "2025-04-01T10:20", "alice", RECEIVABLES, "244.10", SALES);
        ledger.reverse("A", "RA", "2025-04-03", "2025-04-03T10:00", "alice");
        ledger.reverse("B", "RB", "2025-03-20", "2025-04-03T10:10", "alice");
        ledger.reverse("C", "RC", "2025-04-15", "2025-04-15T10:00", "alice");
        assertEquals(List.of("RA"), flagged("reversed-after-period-end"));
        assertEquals(List.of("RA", "RC"), flagged("reversed-after-period-end", SETTINGS.with("reversals.days", "15")));
        assertEquals(List.of(), flagged("reversed-after-period-end", SETTINGS.with("reversals.period", "quarter").with("reversals.days", "2")));
    }

    @Test
    void reversals_of_reversals() {
        ledger.post("A", "2025-03-03", "2025-03-04T10:00", "alice", RECEIVABLES, "612.40", SALES);
        ledger.reverse("A", "RA", "2025-03-05", "2025-03-05T10:00", "alice");
        ledger.reverse("RA", "RRA", "2025-03-06", "2025-03-06T10:00", "alice");
        ledger.post("B", "2025-03-06", "2025-03-06T11:00", "alice", RECEIVABLES, "133.70", SALES);
        ledger.reverse("B", "RB", "2025-03-07", "2025-03-07T10:00", "alice");
        assertEquals(List.of("RRA"), flagged("reversals-of-reversals"));
    }

    @Test
    void amounts_just_below_an_approval_threshold() {
        ledger.post("E-0021", "2025-03-03", "2025-03-04T10:00", "alice", MATERIALS, "9700.00", PAYABLES);
        ledger.post("E-0022", "2025-03-03", "2025-03-04T10:10", "alice", MATERIALS, "9999.99", PAYABLES);
        ledger.post("E-0023", "2025-03-03", "2025-03-04T10:20", "alice", MATERIALS, "10000.01", PAYABLES);
        ledger.post("E-0024", "2025-03-03", "2025-03-04T10:30", "alice", MATERIALS, "9699.99", PAYABLES);
        ledger.post("E-0025", "2025-03-03", "2025-03-04T10:40", "alice", MATERIALS, "4950.00", PAYABLES);
        assertEquals(List.of("E-0021", "E-0022"), flagged("below-threshold"));
        assertEquals(List.of("E-0021", "E-0022", "E-0025"), flagged("below-threshold", SETTINGS.with("threshold.amounts", "5000, 10000")));
    }

    private static final String PAYABLES = WorkbenchLedger.PAYABLES;
    private static final String MATERIALS = WorkbenchLedger.MATERIALS;
    private static final String RECEIVABLES = WorkbenchLedger.RECEIVABLES;
    private static final String SALES = WorkbenchLedger.SALES;
}
