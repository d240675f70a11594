package dev.eventscope.timetravel;

/** One field of an aggregate's state that differs between two points; a missing side is null. */
public record FieldChange(String path, String before, String after) {
}
