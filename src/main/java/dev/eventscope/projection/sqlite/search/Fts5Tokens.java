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

    /**
     * How often the phrase (its tokens in a row) occurs in the tokens; every start counts, as FTS5's instances do. A phrase
     * token ending in {@code *} (a prefix, {@link #prefixed}) matches every token beginning with it.
     */
    static int occurrences(List<String> phrase, List<String> tokens) {
        int count = 0;
        for (int start = 0; start + phrase.size() <= tokens.size(); start++) {
            int matched = 0;
            while (matched < phrase.size() && matches(phrase.get(matched), tokens.get(start + matched))) {
                matched++;
            }
            if (matched == phrase.size()) {
                count++;
            }
        }
        return count;
    }

    private static boolean matches(String phraseToken, String token) {
        return isPrefix(phraseToken) ? token.startsWith(phraseToken.substring(0, phraseToken.length() - 1)) : token.equals(phraseToken);
    }

    /** A token of a query phrase that is a prefix (FTS5's {@code "word" *}): it ends in {@code *}, which no token holds. */
    static boolean isPrefix(String phraseToken) {
        return phraseToken.endsWith("*");
    }

    /** A prefix word's phrase: the tokens of the word without its {@code *}, the last one marked as a prefix (empty: none). */
    static List<String> prefixed(String bare) {
        List<String> tokens = new ArrayList<>(of(bare));
        if (!tokens.isEmpty()) {
            tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "*");
        }
        return tokens;
    }

    /** The longest prefix (in characters) whose repeats the index keeps per document ({@code search_prefix_repeats}). */
    static final int KEPT_PREFIX = 3;

    /**
     * The key under which the index keeps a prefix token's repeats: its first {@link #KEPT_PREFIX} characters and {@code *}
     * (a token beginning with the prefix begins with these, so their count bounds the prefix's).
     */
    static String prefixKey(String prefixToken) {
        String bare = prefixToken.substring(0, prefixToken.length() - 1);
        int end = bare.codePointCount(0, bare.length()) <= KEPT_PREFIX ? bare.length() : bare.offsetByCodePoints(0, KEPT_PREFIX);
        return bare.substring(0, end) + "*";
    }

    /** The prefixes of 1 to {@link #KEPT_PREFIX} characters that begin more than one of the tokens, as keys ({@code ab*}), with how many. */
    static java.util.Map<String, Integer> prefixesRepeated(List<String> tokens) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String token : tokens) {
            int characters = token.codePointCount(0, token.length());
            for (int length = 1; length <= Math.min(KEPT_PREFIX, characters); length++) {
                counts.merge(token.substring(0, token.offsetByCodePoints(0, length)) + "*", 1, Integer::sum);
            }
        }
        counts.values().removeIf(count -> count < 2);
        return counts;
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
                if (!lower.contains(isPrefix(token) ? token.substring(0, token.length() - 1) : token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One bit of 64 per token (from its hash): a document lacks a token whose bit its signature lacks. A prefix has none. */
    static long signature(List<String> tokens) {
        long signature = 0;
        for (String token : tokens) {
            signature |= isPrefix(token) ? 0 : bit(token);
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
