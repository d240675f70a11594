package dev.eventscope.projection.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.eventstore.RecordedEvent;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a stored event into its {@link SearchDocument}. Reads the event's JSON as stored (any schema
 * version): the text is every string and number in it; the business date is its {@code date} (or
 * {@code throughDate}, {@code openedOn}); the account is the account stream's name; the amount is a
 * posting's amount, or an entry's debits summed; the entry id is its {@code entryId} or the entry stream's.
 */
public final class SearchDocuments {

    private static final String ACCOUNT_PREFIX = "account-";
    private static final String ENTRY_PREFIX = "entry-";

    private final ObjectMapper mapper = EventCodec.newObjectMapper();

    public SearchDocument of(RecordedEvent event) {
        String stream = event.streamId().value();
        int dash = stream.indexOf('-');
        String category = dash > 0 ? stream.substring(0, dash) : stream;
        JsonNode data = read(event.data());
        StringBuilder text = new StringBuilder(256);
        text.append(event.type()).append(' ').append(stream).append(' ').append(event.metadata().user());
        if (event.metadata().commandName() != null) {
            text.append(' ').append(event.metadata().commandName());
        }
        if (data != null) {
            appendValues(data, text);
        } else {
            text.append(' ').append(event.data());
        }
        String account = stream.startsWith(ACCOUNT_PREFIX) ? stream.substring(ACCOUNT_PREFIX.length()) : null;
        String entryId = data != null && data.path("entryId").isTextual() ? data.path("entryId").asText()
                : stream.startsWith(ENTRY_PREFIX) ? stream.substring(ENTRY_PREFIX.length()) : null;
        return new SearchDocument(event.position(), stream, category, event.type(), event.metadata().user(),
                event.metadata().commandName(), event.recordedAtMicros(), date(data), account, amount(data), entryId,
                text.toString());
    }

    private JsonNode read(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Every string and number; the names of tags too ({@code supplier:thyssen} is found by "supplier"). */
    private static void appendValues(JsonNode node, StringBuilder text) {
        if (node.isTextual() || node.isNumber()) {
            text.append(' ').append(node.asText());
        } else if (node.isArray()) {
            node.forEach(child -> appendValues(child, text));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("tags") && field.getValue().isObject()) {
                    field.getValue().fieldNames().forEachRemaining(tag -> text.append(' ').append(tag));
                }
                appendValues(field.getValue(), text);
            }
        }
    }

    private static LocalDate date(JsonNode data) {
        if (data == null) {
            return null;
        }
        for (String field : new String[] {"date", "throughDate", "openedOn", "closedOn"}) {
            JsonNode value = data.path(field);
            if (value.isTextual()) {
                try {
                    return LocalDate.parse(value.asText());
                } catch (DateTimeException notADate) {
                    return null;
                }
            }
        }
        return null;
    }

    private static BigDecimal amount(JsonNode data) {
        if (data == null) {
            return null;
        }
        JsonNode amount = data.path("amount").path("amount");
        if (amount.isNumber() || amount.isTextual()) {
            return decimal(amount);
        }
        JsonNode postings = data.path("postings");
        if (postings.isArray() && !postings.isEmpty()) {
            BigDecimal debits = BigDecimal.ZERO;
            for (JsonNode posting : postings) {
                BigDecimal value = decimal(posting.path("amount").path("amount"));
                if (value != null && value.signum() > 0) {
                    debits = debits.add(value);
                }
            }
            return debits;
        }
        return null;
    }

    private static BigDecimal decimal(JsonNode node) {
        try {
            return node.isNumber() ? node.decimalValue() : node.isTextual() ? new BigDecimal(node.asText()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
