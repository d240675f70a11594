package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.util.List;
import java.util.Optional;

/**
 * The names a command writes into a ledger or beside it, refused when they hold a character that does not show: a user
 * ({@code --user}, {@code --by}: recorded on every event, so hashed into the chain and kept for good) and a new ledger's
 * {@code --name} ({@code import}). Session 22 showed such names printably wherever they are quoted; session 23
 * (adversary) refuses them where they enter, because a name recorded with a line break, an escape sequence or a
 * right-to-left override (U+202E) can never be taken back out of a hash-chained history, and is read as another name by
 * anything that shows it raw (another tool over the exported journal, a terminal, a spreadsheet). The characters are
 * those {@link PrintableText#hidden} writes as {@code \\uXXXX}; the zero-width joiner and non-joiner stay allowed.
 * The searches and reports that filter by user ({@code search --user}, {@code report --user}) only read, and may name
 * a user recorded before this rule.
 */
final class RecordedNames {

    private static final List<String> FILTERS = List.of("search", "report");

    private RecordedNames() {
    }

    /** The refusal of the first recorded name in {@code parsed} (or its subcommands) that holds a hidden character. */
    static Optional<String> problem(ParseResult parsed) {
        for (ParseResult command = parsed; command != null; command = command.subcommand()) {
            String commandName = command.commandSpec().name();
            for (OptionSpec option : command.matchedOptions()) {
                String name = option.longestName();
                boolean recorded = (name.equals("--user") || name.equals("--by")) && !FILTERS.contains(commandName)
                        || name.equals("--name") && commandName.equals("import");
                Object value = option.getValue();
                if (recorded && value instanceof String text) {
                    Optional<String> refused = refusal(name, text);
                    if (refused.isPresent()) {
                        return refused;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The one-sentence refusal of {@code value} given to {@code option}, or empty when every character shows. */
    static Optional<String> refusal(String option, String value) {
        for (int index = 0; index < value.length(); ) {
            int c = value.codePointAt(index);
            if (PrintableText.hidden(c)) {
                String what = option.equals("--name") ? "a ledger's name is recorded in its first event"
                        : "a user's name is recorded on every event";
                return Optional.of(String.format("The value of %s, \"%s\", holds the character U+%04X (a control, invisible or"
                        + " bidirectional character): %s and hashed into the chain for good, so it must be one line of"
                        + " visible text. Nothing was done; give the name without it.", option, PrintableText.shortened(value),
                        c, what));
            }
            index += Character.charCount(c);
        }
        return Optional.empty();
    }
}
