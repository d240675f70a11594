package dev.eventscope.ui.explorer;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventSummaryTest {

    @Test
    void a_posting_reads_as_amount_description_and_the_other_accounts() {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        try {
            assertEquals("-14.90 EUR, Sparkasse account fees, with expenses:bank-fees", EventSummary.of("PostingRecorded",
                    "{\"entryId\":\"E000048\",\"postingIndex\":2,\"date\":\"2025-12-30\",\"description\":\"Sparkasse account fees\","
                            + "\"amount\":{\"amount\":-14.9,\"commodity\":\"EUR\"},\"cost\":{\"amount\":-14.9,\"commodity\":\"EUR\"},"
                            + "\"otherAccounts\":[\"expenses:bank-fees\"],\"reversesEntryId\":null}"));
            assertEquals("(virtual posting) 1,200.00 EUR, Budget, reverses JE-1", EventSummary.of("PostingRecorded",
                    "{\"description\":\"Budget\",\"amount\":{\"amount\":\"1200\",\"commodity\":\"EUR\"},\"otherAccounts\":[],"
                            + "\"reversesEntryId\":\"JE-1\",\"kind\":\"VIRTUAL\"}"));
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
    }

    @Test
    void other_events_and_unreadable_data_keep_the_json_summary() {
        assertEquals("name: assets:bank, type: ASSETS", EventSummary.of("AccountOpened", "{\"name\":\"assets:bank\",\"type\":\"ASSETS\"}"));
        assertEquals("{not json", EventSummary.of("PostingRecorded", "{not json"));
    }
}
