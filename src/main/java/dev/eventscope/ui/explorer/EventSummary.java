package dev.eventscope.ui.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eventscope.ui.state.MoneyText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The history's one-line summary of an event: a posting in a person's words (amount, description, the other
 * accounts of its entry), which is what a narrow history has room for; any other event as its first JSON fields.
 */
final class EventSummary {

    private EventSummary() {
    }

    /** The summary in its printable form, shortened: a description may be a megabyte long (session 23, adversary). */
    static String of(String type, String data) {
        if ("PostingRecorded".equals(type)) {
            JsonNode posting = EventJson.parse(data);
            if (posting != null && posting.path("amount").path("amount").isValueNode()) {
                return dev.eventscope.domain.PrintableText.shortened(posting(posting));
            }
        }
        return dev.eventscope.domain.PrintableText.shortened(EventJson.summary(data));
    }

    /** "-14.90 EUR, Sparkasse account fees, with expenses:bank-fees" (reversals and virtual postings say so). */
    private static String posting(JsonNode posting) {
        JsonNode amount = posting.get("amount");
        List<String> parts = new ArrayList<>();
        parts.add(EventJson.virtualMark(posting) + money(amount));
        String description = posting.path("description").asText("").strip();
        if (!description.isEmpty()) {
            parts.add(description);
        }
        JsonNode others = posting.path("otherAccounts");
        if (others.isArray() && !others.isEmpty()) {
            List<String> names = new ArrayList<>();
            others.forEach(name -> names.add(name.asText()));
            parts.add("with " + String.join(", ", names));
        }
        JsonNode reverses = posting.path("reversesEntryId");
        if (reverses.isTextual() && !reverses.asText().isBlank()) {
            parts.add("reverses " + reverses.asText());
        }
        return String.join(", ", parts);
    }

    private static String money(JsonNode amount) {
        String commodity = amount.path("commodity").asText("");
        try {
            return MoneyText.of(new BigDecimal(amount.get("amount").asText()), commodity);
        } catch (NumberFormatException unreadable) {
            return (amount.get("amount").asText() + " " + commodity).strip();
        }
    }
}
