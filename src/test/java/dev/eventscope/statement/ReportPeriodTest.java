package dev.eventscope.statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPeriodTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2025, 2025-01-01, 2026-01-01",
            "2025Q1, 2025-01-01, 2025-04-01",
            "2025q4, 2025-10-01, 2026-01-01",
            "2025-03, 2025-03-01, 2025-04-01",
            "2025-03-15, 2025-03-15, 2025-03-16",
            "2025/3/15, 2025-03-15, 2025-03-16",
            "2025-01..2025-04, 2025-01-01, 2025-04-01",
            "2025Q1..2025Q4, 2025-01-01, 2025-10-01",
            "2024..2026, 2024-01-01, 2026-01-01",
            // hledger 1.25's other ways of writing them (each checked with hledger -p)
            "in 2025, 2025-01-01, 2026-01-01",
            "in 2025-03, 2025-03-01, 2025-04-01",
            "2025-01-01 to 2025-03-01, 2025-01-01, 2025-03-01",
            "from 2025-01 to 2025-04, 2025-01-01, 2025-04-01",
            "From 2025 To 2026, 2025-01-01, 2026-01-01",
            "2025-01-2025-04, 2025-01-01, 2025-04-01",
            "2025-02-2025-04-15, 2025-02-01, 2025-04-15",
            "2025-01-01-2025-03-01, 2025-01-01, 2025-03-01",
            "2025-02 - 2025-04, 2025-02-01, 2025-04-01",
            "2025 - 2026, 2025-01-01, 2026-01-01",
            "20250315, 2025-03-15, 2025-03-16",
            "202503, 2025-03-01, 2025-04-01",
            "2025-3, 2025-03-01, 2025-04-01",
            "2025.03.15, 2025-03-15, 2025-03-16"})
    void reads_the_forms_hledger_reads_the_end_of_a_range_not_included(String text, LocalDate start, LocalDate end) {
        ReportPeriod period = ReportPeriod.parse(text);
        assertEquals(start, period.start());
        assertEquals(end, period.end());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource({"from 2025-02, 2025-02-01,", "2025-02-, 2025-02-01,", "2025/01/01.., 2025-01-01,", "to 2025-03, , 2025-03-01",
            "-2025-03, , 2025-03-01"})
    void hledgers_open_ranges_in_words_and_hyphens_are_read(String text, LocalDate start, LocalDate end) {
        assertEquals(start, ReportPeriod.parse(text).start());
        assertEquals(end, ReportPeriod.parse(text).end());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"last year", "jan", "q1", "today", "january 2025", "since 2025-02"})
    void a_period_relative_to_today_or_named_by_a_word_is_refused_saying_to_give_dates(String text) {
        InvalidPeriod problem = assertThrows(InvalidPeriod.class, () -> ReportPeriod.parse(text));
        assertEquals("--period \"" + text + "\" cannot be read: a period relative to today or named by a word is not read,"
                + " since a report of the books must not change with the day it is run; give its dates instead, as 2025,"
                + " 2025-01 or 2025-01..2025-04.", problem.naming("--period"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"monthly in 2025", "every month from 2025", "2025 quarterly"})
    void an_interval_in_the_period_is_refused_naming_the_column_options(String text) {
        InvalidPeriod problem = assertThrows(InvalidPeriod.class, () -> ReportPeriod.parse(text));
        assertTrue(problem.getMessage().endsWith("give the columns with -M, -Q or -Y beside the period instead, as --period 2025 -M."),
                problem.getMessage());
    }

    @Test
    void a_range_may_be_open_on_either_side() {
        assertNull(ReportPeriod.parse("2025-03..").end());
        assertEquals(LocalDate.of(2025, 3, 1), ReportPeriod.parse("2025-03..").start());
        assertNull(ReportPeriod.parse("..2025-07-01").start());
        assertNull(ReportPeriod.parse("").start());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"2025Q5", "2025-13", "2025-02-30", "last year", "2025..2024", "2025..2025", "..", "1..2..3", "25",
            "2025-02-29", "2025-01..2025-01", "-", "to", "2025-W11"})
    void a_period_it_cannot_read_is_named_in_one_sentence(String text) {
        InvalidPeriod problem = assertThrows(InvalidPeriod.class, () -> ReportPeriod.parse(text));
        assertTrue(problem.getMessage().startsWith("The period \"" + text + "\" cannot be read: "), problem.getMessage());
        assertEquals(1, problem.getMessage().split("\\. ").length, "one sentence: " + problem.getMessage());
    }

    @Test
    void columns_cover_whole_intervals_headed_as_hledger_heads_them() {
        List<Column> quarters = ReportPeriod.parse("2025-03-15..2025-06-01").columns(Interval.QUARTERLY, null, null);
        assertEquals(List.of(new Column("2025Q1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)),
                new Column("2025Q2", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30))), quarters);

        assertEquals(List.of("Jan", "Feb"), ReportPeriod.parse("2025-01..2025-03").columns(Interval.MONTHLY, null, null)
                .stream().map(Column::label).toList());
        assertEquals(List.of("2024-12", "2025-01"), ReportPeriod.parse("2024-12..2025-02").columns(Interval.MONTHLY, null, null)
                .stream().map(Column::label).toList());
        assertEquals(List.of("2024", "2025"), ReportPeriod.parse("2024-03..2025-09").columns(Interval.YEARLY, null, null)
                .stream().map(Column::label).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2025, 2025", "2025-01..2025-04, 2025Q1", "2025-02, Feb", "2025/3/15, 2025-03-15",
            "2025-03-10..2025-03-17, 2025-03-10W11", "2025-01-10..2025-05-16, 2025-01-10..2025-05-15"})
    void one_column_is_headed_by_its_span_as_hledger_simplifies_it(String period, String heading) {
        assertEquals(List.of(heading), ReportPeriod.parse(period).columns(Interval.NONE, null, null).stream().map(Column::label).toList());
    }

    @Test
    void an_open_side_is_the_first_or_last_entry_date() {
        LocalDate first = LocalDate.of(2025, 1, 3);
        LocalDate last = LocalDate.of(2025, 12, 27);
        assertEquals(List.of(new Column("2025-01-03..2025-12-27", null, last)), ReportPeriod.all().columns(Interval.NONE, first, last));
        assertEquals(List.of(new Column("2025Q3", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30))),
                ReportPeriod.parse("2025Q3").columns(Interval.NONE, first, last));
        assertEquals(4, ReportPeriod.all().columns(Interval.QUARTERLY, first, last).size());
        assertEquals(List.of(), ReportPeriod.all().columns(Interval.MONTHLY, null, null), "no entries, no columns");
    }
}
