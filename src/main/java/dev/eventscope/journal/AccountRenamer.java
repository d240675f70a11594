package dev.eventscope.journal;

import dev.eventscope.domain.ledger.PostingKind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code apply account} prefixes and {@code alias} directives, applied to posting accounts as hledger 1.25
 * applies them: the prefixes first ({@code apply account a} then {@code apply account b} gives {@code a:b:NAME}),
 * then the aliases, the most recently defined first, each to the result of the one before. A plain alias
 * {@code OLD = NEW} renames {@code OLD} and its subaccounts (case-sensitively); a regular-expression alias
 * {@code /REGEX/ = REPLACEMENT} replaces every case-insensitive match, {@code \1} naming a group.
 * An included file starts with its includer's state and does not change it ({@link #snapshot}).
 */
final class AccountRenamer {

    private record Alias(String plain, Pattern regex, String replacement) {
        String apply(String account) {
            if (regex != null) {
                return regex.matcher(account).replaceAll(replacement);
            }
            if (account.equals(plain)) {
                return replacement;
            }
            return account.startsWith(plain + ":") ? replacement + account.substring(plain.length()) : account;
        }
    }

    /** What an include restores afterwards. */
    record State(List<String> prefixes, List<Alias> aliases) {
    }

    private List<String> prefixes = new ArrayList<>();
    private List<Alias> aliases = new ArrayList<>();

    boolean isIdentity() {
        return prefixes.isEmpty() && aliases.isEmpty();
    }

    String rename(String account) {
        String renamed = prefixes.isEmpty() ? account : String.join(":", prefixes) + ":" + account;
        for (int index = aliases.size() - 1; index >= 0; index--) {
            renamed = aliases.get(index).apply(renamed);
        }
        return renamed;
    }

    /**
     * The name of a virtual posting written {@code (inner)} or {@code [inner]}, as hledger 1.25 reads it: joining it
     * to the {@code apply account} prefixes and applying the aliases each take off one more pair of brackets around the
     * whole name, so {@code [([(a)])]} is the account {@code (a)} and {@code (((a)))} the account {@code a}.
     */
    String renameVirtual(String inner) {
        String renamed = unbracket(prefixes.isEmpty() ? inner : String.join(":", prefixes) + ":" + inner);
        for (int index = aliases.size() - 1; index >= 0; index--) {
            renamed = aliases.get(index).apply(renamed);
        }
        return unbracket(renamed);
    }

    private static String unbracket(String name) {
        return PostingKind.written(name).unwrap(name);
    }

    void applyAccount(String prefix) {
        prefixes.add(prefix);
    }

    /** False when no {@code apply account} is open. */
    boolean endApplyAccount() {
        if (prefixes.isEmpty()) {
            return false;
        }
        prefixes.remove(prefixes.size() - 1);
        return true;
    }

    /** Throws {@link IllegalArgumentException} with a sentence when the alias cannot be read. */
    void addAlias(String definition) {
        int equals = definition.startsWith("/") ? definition.indexOf('=', definition.lastIndexOf('/') > 0
                ? regexEnd(definition) : 0) : definition.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("the alias \"" + definition + "\" needs OLD = NEW");
        }
        String old = definition.substring(0, equals).strip();
        String replacement = definition.substring(equals + 1).strip();
        if (old.isEmpty()) {
            throw new IllegalArgumentException("the alias \"" + definition + "\" names no account to rename");
        }
        if (old.length() > 1 && old.startsWith("/") && old.endsWith("/")) {
            Pattern regex;
            try {
                regex = Pattern.compile(old.substring(1, old.length() - 1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException invalid) {
                throw new IllegalArgumentException("the alias " + old + " is not a regular expression Eventscope can read");
            }
            aliases.add(new Alias(null, regex, javaReplacement(replacement)));
        } else {
            aliases.add(new Alias(old, null, replacement));
        }
    }

    void endAliases() {
        aliases = new ArrayList<>();
    }

    State snapshot() {
        return new State(List.copyOf(prefixes), List.copyOf(aliases));
    }

    void restore(State state) {
        prefixes = new ArrayList<>(state.prefixes());
        aliases = new ArrayList<>(state.aliases());
    }

    private static int regexEnd(String definition) {
        int close = definition.indexOf('/', 1);
        while (close > 0 && definition.charAt(close - 1) == '\\') {
            close = definition.indexOf('/', close + 1);
        }
        return close < 0 ? 0 : close;
    }

    /** hledger writes group references as {@code \1}; Java as {@code $1}, and a literal {@code $} must be escaped. */
    private static String javaReplacement(String replacement) {
        String escaped = Matcher.quoteReplacement(replacement);
        return escaped.replaceAll("\\\\\\\\(\\d)", "\\$$1");
    }
}
