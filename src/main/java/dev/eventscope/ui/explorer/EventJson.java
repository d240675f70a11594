package dev.eventscope.ui.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Shows any event's data as generic JSON: a one-line summary and a pretty-printed text. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int SUMMARY_FIELDS = 3;
    private static final int SUMMARY_VALUE_LENGTH = 40;

    private EventJson() {
    }

    /** The first few {@code key: value} pairs of a JSON object; other JSON or non-JSON text is shortened as is. */
    public static String summary(String data) {
        JsonNode node = parse(data);
        if (node == null || !node.isObject()) {
            return shorten(data == null ? "" : data.strip().replaceAll("\\s+", " "), 80);
        }
        List<String> pairs = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext() && pairs.size() < SUMMARY_FIELDS) {
            Map.Entry<String, JsonNode> field = fields.next();
            pairs.add(field.getKey() + ": " + shortValue(field.getValue()));
        }
        String summary = String.join(", ", pairs);
        summary = node.size() > SUMMARY_FIELDS ? summary + ", …" : summary;
        return virtualMark(node) + summary;
    }

    /** A posting event's virtual kind comes first in its summary, so that a virtual posting is seen as one. */
    static String virtualMark(JsonNode node) {
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isTextual()) {
            return "";
        }
        return switch (kind.asText()) {
            case "VIRTUAL" -> "(virtual posting) ";
            case "BALANCED_VIRTUAL" -> "[balanced virtual posting] ";
            default -> "";
        };
    }

    /** The data indented for reading; text that is not JSON is returned unchanged. */
    public static String pretty(String data) {
        JsonNode node = parse(data);
        if (node == null) {
            return data == null ? "" : data;
        }
        try {
            return printable(MAPPER.writeValueAsString(shortened(node)));
        } catch (JsonProcessingException e) {
            return data;
        }
    }

    /** The most characters of one text value the pane shows (the whole is in {@code eventscope history --format json}). */
    static final int VALUE_AT_MOST = 2_000;

    /** {@code node} with every text value longer than {@link #VALUE_AT_MOST} cut, saying how long it was (session 23). */
    private static JsonNode shortened(JsonNode node) {
        if (node.isTextual() && node.asText().length() > VALUE_AT_MOST) {
            String text = node.asText();
            int characters = text.codePointCount(0, text.length());
            return characters <= VALUE_AT_MOST ? node : com.fasterxml.jackson.databind.node.TextNode.valueOf(
                    text.substring(0, text.offsetByCodePoints(0, VALUE_AT_MOST)) + "… (" + String.format(java.util.Locale.ROOT,
                            "%,d", characters) + " characters in all)");
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                object.fields().forEachRemaining(field -> field.setValue(shortened(field.getValue())));
            } else if (copy instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, shortened(array.get(i)));
                }
            }
            return copy;
        }
        return node;
    }

    /**
     * The JSON text with every character that does not show (U+202E, a zero-width space; Jackson already escapes the
     * control characters) written as the JSON escape {@code \\uXXXX}: the same JSON, shown printably (session 23).
     */
    private static String printable(String json) {
        StringBuilder shown = new StringBuilder(json.length());
        json.codePoints().forEach(c -> {
            if (c != '\n' && dev.eventscope.domain.PrintableText.hidden(c)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    private static String shortValue(JsonNode value) {
        if (value.isObject()) {
            return "{…}";
        }
        if (value.isArray()) {
            return "[" + value.size() + "]";
        }
        return shorten(value.isTextual() ? value.asText() : value.toString(), SUMMARY_VALUE_LENGTH);
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    static JsonNode parse(String data) {
        if (data == null || data.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
