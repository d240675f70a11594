package dev.eventscope.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds hledger tags in comment text: a word immediately followed by {@code :} starts a tag, whose value
 * runs to the next comma or the end of the line, trimmed ({@code "trip: paris, billable:"} gives
 * {@code trip=paris} and {@code billable=""}).
 */
final class TagParser {

    private static final Pattern TAG_NAME = Pattern.compile("(?<![^\\s,])([^\\s,:]+):");

    private TagParser() {
    }

    static List<Tag> tags(String comment) {
        if (comment.indexOf(':') < 0) {
            // every tag name ends at a colon: most comments (and every empty one) have none, and no expression is run
            return List.of();
        }
        List<Tag> tags = new ArrayList<>();
        for (String line : comment.split("\n", -1)) {
            Matcher matcher = TAG_NAME.matcher(line);
            int from = 0;
            while (from < line.length() && matcher.find(from)) {
                int valueStart = matcher.end();
                int comma = line.indexOf(',', valueStart);
                int valueEnd = comma < 0 ? line.length() : comma;
                tags.add(new Tag(matcher.group(1), line.substring(valueStart, valueEnd).strip()));
                from = valueEnd;
            }
        }
        return tags;
    }
}
