package dev.eventscope.projection.sqlite.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens SQLite's FTS5 {@code unicode61 remove_diacritics 2} tokenizer makes of a text, done in Java so the
 * relevance walk can count a word's occurrences in a document without asking FTS5: a token is a run of letters,
 * digits and private-use characters (Unicode categories L*, N*, Co), folded to lower case without diacritics.
 * The walk checks every document it reads against FTS5's own token count and falls back to FTS5 when they differ.
 */
final class Fts5Tokens {

    private Fts5Tokens() {
    }

    static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            index += Character.charCount(codePoint);
            if (codePoint < 128) {
                if (codePoint >= 'A' && codePoint <= 'Z') {
                    token.append((char) (codePoint + 32));
                } else if (codePoint >= 'a' && codePoint <= 'z' || codePoint >= '0' && codePoint <= '9') {
                    token.append((char) codePoint);
                } else {
                    end(token, tokens);
                }
            } else if (isTokenCharacter(codePoint)) {
                token.append(fold(codePoint));
            } else if (Character.getType(codePoint) != Character.NON_SPACING_MARK) {
                // a combining mark is dropped (remove_diacritics 2) without ending the token
                end(token, tokens);
            }
        }
        end(token, tokens);
        return tokens;
    }

    private static void end(StringBuilder token, List<String> tokens) {
        if (token.length() > 0) {
            tokens.add(token.toString());
            token.setLength(0);
        }
    }

    private static boolean isTokenCharacter(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                 Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                 Character.PRIVATE_USE -> true;
            default -> false;
        };
    }

    /**
     * Lower case, and without its diacritics when what is left is an ASCII letter: FTS5's table of diacritics maps only to
     * ASCII ({@code é} → {@code e}, {@code č} → {@code c}, {@code ǘ} → {@code u}), so Greek {@code ά}, Cyrillic {@code й} and
     * Polish {@code ł} stay as they are.
     */
    private static String fold(int codePoint) {
        String lower = new String(Character.toChars(Character.toLowerCase(codePoint)));
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        int base = decomposed.codePointAt(0);
        if (base >= 128) {
            return lower;
        }
        for (int index = Character.charCount(base); index < decomposed.length(); index++) {
            if (Character.getType(decomposed.charAt(index)) != Character.NON_SPACING_MARK) {
                return lower;
            }
        }
        return new String(Character.toChars(base));
    }

    /** How often the phrase (its tokens in a row) occurs in the tokens; every start counts, as FTS5's instances do. */
    static int occurrences(List<String> phrase, List<String> tokens) {
        int count = 0;
        for (int start = 0; start + phrase.size() <= tokens.size(); start++) {
            int matched = 0;
            while (matched < phrase.size() && tokens.get(start + matched).equals(phrase.get(matched))) {
                matched++;
            }
            if (matched == phrase.size()) {
                count++;
            }
        }
        return count;
    }

    /**
     * True when an ASCII text cannot hold every phrase: one of their (ASCII) tokens is not even part of the text in lower
     * case. Cheaper than making the tokens; a text with other characters is never ruled out (é folds to e).
     */
    static boolean lacksAny(String text, List<List<String>> phrases) {
        for (int index = 0; index < text.length(); index++) {
            if (text.charAt(index) >= 128) {
                return false;
            }
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (List<String> phrase : phrases) {
            for (String token : phrase) {
                if (!lower.contains(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One bit of 64 per token (from its hash): a document lacks a token whose bit its signature lacks. */
    static long signature(List<String> tokens) {
        long signature = 0;
        for (String token : tokens) {
            signature |= bit(token);
        }
        return signature;
    }

    static long bit(String token) {
        return 1L << ((token.hashCode() * 0x9E3779B9) >>> 26);
    }

    /** The tokens that occur more than once, with how often. */
    static java.util.Map<String, Integer> repeated(List<String> tokens) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String token : tokens) {
            counts.merge(token, 1, Integer::sum);
        }
        counts.values().removeIf(count -> count < 2);
        return counts;
    }
}
