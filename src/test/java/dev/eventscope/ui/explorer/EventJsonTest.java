package dev.eventscope.ui.explorer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventJsonTest {

    @Test
    void the_summary_shows_the_first_three_pairs_and_marks_that_more_exist() {
        assertEquals("entryId: entry-1, amount: 12.50 EUR, lines: [2], …",
                EventJson.summary("{\"entryId\":\"entry-1\",\"amount\":\"12.50 EUR\",\"lines\":[1,2],\"more\":true}"));
    }

    @Test
    void nested_objects_are_abbreviated_and_numbers_kept() {
        assertEquals("a: {…}, n: 42", EventJson.summary("{\"a\":{\"b\":1},\"n\":42}"));
    }

    @Test
    void data_that_is_not_json_is_shown_shortened_on_one_line() {
        assertEquals("not json at all", EventJson.summary("not   json\nat all"));
        assertEquals("not json", EventJson.pretty("not json"));
    }

    @Test
    void pretty_indents_json() {
        assertEquals("{\n  \"a\" : 1\n}", EventJson.pretty("{\"a\":1}").replace("\r\n", "\n"));
    }

    @Test
    void a_virtual_posting_is_marked_as_one_before_its_fields() {
        assertEquals("(virtual posting) entryId: E1, postingIndex: 3, date: 2025-01-01, …", EventJson.summary(
                "{\"entryId\":\"E1\",\"postingIndex\":3,\"date\":\"2025-01-01\",\"kind\":\"VIRTUAL\"}"));
        assertEquals("[balanced virtual posting] entryId: E1, postingIndex: 4, date: 2025-01-01, …", EventJson.summary(
                "{\"entryId\":\"E1\",\"postingIndex\":4,\"date\":\"2025-01-01\",\"kind\":\"BALANCED_VIRTUAL\"}"));
        assertEquals("entryId: E1, postingIndex: 1, date: 2025-01-01, …", EventJson.summary(
                "{\"entryId\":\"E1\",\"postingIndex\":1,\"date\":\"2025-01-01\",\"kind\":\"REAL\"}"));
    }
}
