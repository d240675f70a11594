package dev.eventscope.domain.ledger;

import java.lang.Character.UnicodeScript;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A colon-separated account name such as {@code assets:bank:checking}. Kept exactly as written
 * (case-sensitive, any Unicode letters); no segment may be empty or blank, the name may not start or end
 * with a space, and no tab or double space may appear inside, because journal files use those to separate the
 * account from its amount. A single space next to a colon is kept, as hledger keeps it ({@code a: b}).
 */
public record AccountName(String value) implements Comparable<AccountName> {

    public static final String SEPARATOR = ":";

    public AccountName {
        Objects.requireNonNull(value, "account name");
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidAccountName(value, problem);
        }
    }

    public static AccountName of(String value) {
        return new AccountName(value);
    }

    private static String problemWith(String value) {
        if (value.isEmpty()) {
            return "it is empty";
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return "it contains a tab, line break or other control character";
        }
        if (value.contains("  ")) {
            return "it contains two spaces in a row, which journal files read as the end of the account name";
        }
        if (!value.strip().equals(value)) {
            return "it starts or ends with a space";
        }
        for (String segment : value.split(SEPARATOR, -1)) {
            // a space next to a colon is part of the name, as in hledger ("a: b" is the account "a: b")
            if (segment.isBlank()) {
                return "it has an empty segment between colons or at either end";
            }
        }
        return null;
    }

    /**
     * The most segments a new account's name may have (100; a real chart of accounts goes a few levels deep). Every part
     * of a name up to a colon is compared with the ledger's accounts when it is opened, so a name 100,000 levels deep
     * kept an import busy for hours (session 21, adversary).
     */
    public static final int MAX_OPENED_DEPTH = 100;

    /** Why a new account may not be opened under this name because it is too deep, or null. */
    public String depthProblem() {
        int segments = 1;
        for (int index = value.indexOf(SEPARATOR); index >= 0; index = value.indexOf(SEPARATOR, index + 1)) {
            if (++segments > MAX_OPENED_DEPTH) {
                return "it has more than " + MAX_OPENED_DEPTH + " segments (levels between colons), more than Eventscope"
                        + " opens; a chart of accounts needs far fewer";
            }
        }
        return null;
    }

    /**
     * Why a new account may not be opened under this name although a journal could hold it, or null: the name holds a
     * character that does not show (a zero-width space, a soft hyphen, a byte-order mark, a bidirectional control, a line
     * or paragraph separator, a space other than U+0020), or it is not in composed form (NFC), so it would look exactly
     * like another account ("assets:bank:check\u200Bing", "cafe\u0301" beside "caf\u00E9") and postings to the
     * look-alike would pass unnoticed in every list, report and export (session 15). Only opening asks this: names already
     * recorded stay readable. The zero-width joiner and non-joiner (U+200C, U+200D) are allowed, as scripts such as
     * Persian and Devanagari need them.
     */
    public String unseenCharacterProblem() {
        int unseen = value.codePoints().filter(c -> c != 0x200C && c != 0x200D && switch (Character.getType(c)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            case Character.SPACE_SEPARATOR -> c != ' ';
            default -> false;
        }).findFirst().orElse(-1);
        if (unseen >= 0) {
            return String.format("it contains the character U+%04X, which does not show, so the name would look like"
                    + " another account's", unseen);
        }
        if (!java.text.Normalizer.isNormalized(value, java.text.Normalizer.Form.NFC)) {
            return "it is written with combining characters (not in composed form, NFC), so it would look like the account"
                    + " written with composed letters; write it with composed letters";
        }
        return null;
    }

    /**
     * The scripts whose letters look like one another's (Unicode TR39's confusables: Latin "a", "c", "o", "p" beside
     * Cyrillic "\u0430", "\u0441", "\u043E", "\u0440", Greek "\u03BF", Armenian "\u0585", Cherokee "\u13AA").
     */
    private static final Set<UnicodeScript> LOOK_ALIKE_SCRIPTS = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.CYRILLIC,
            UnicodeScript.GREEK, UnicodeScript.ARMENIAN, UnicodeScript.CHEROKEE, UnicodeScript.COPTIC);

    /**
     * Why a new account may not be opened under this name, or null: one of its words mixes the letters of two scripts
     * that look alike ("\u0430ssets" with a Cyrillic "\u0430" beside "assets", "\u0441hecking"), so postings to the
     * look-alike would pass unnoticed (session 16). Different segments may be in different scripts
     * ("assets:\u0431\u0430\u043D\u043A"), and a segment may mix scripts that do not look alike ("Tokyo \u98DF\u5802",
     * "\u0411\u0430\u043D\u043A\u83AB\u65AF\u79D1", as real journals do), which is looser than TR39's "moderately
     * restrictive" level. Only opening asks this: names already recorded stay readable.
     */
    public String mixedScriptProblem() {
        for (String segment : segments()) {
            // words, not segments: "\u041A\u0430\u0440\u0442\u0430 VISA" (a Cyrillic word beside a Latin one) is how
            // real journals name things; a look-alike hides inside one word
            for (String word : segment.split("[^\\p{L}\\p{M}]+")) {
                Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
                word.codePoints().mapToObj(UnicodeScript::of).filter(LOOK_ALIKE_SCRIPTS::contains).forEach(scripts::add);
                if (scripts.size() > 1) {
                    return "its word '" + word + "' mixes letters of the scripts " + scripts.stream()
                            .map(script -> script.name().charAt(0) + script.name().substring(1).toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(" and ")) + ", which look alike, so it could look like another"
                            + " account's; write each word in one of them";
                }
            }
        }
        return null;
    }

    /** The segments, top first: {@code [assets, bank, checking]}. */
    public List<String> segments() {
        return List.of(value.split(SEPARATOR, -1));
    }

    /** The enclosing account ({@code assets:bank} for {@code assets:bank:checking}); empty for a top-level name. */
    public Optional<AccountName> parent() {
        int last = value.lastIndexOf(SEPARATOR);
        return last < 0 ? Optional.empty() : Optional.of(new AccountName(value.substring(0, last)));
    }

    /** The account one level below this one. */
    public AccountName child(String segment) {
        return new AccountName(value + SEPARATOR + segment);
    }

    /** Number of segments: 1 for {@code assets}. */
    public int depth() {
        return segments().size();
    }

    /** The account type hledger infers from the name ({@link AccountType#UNCLASSIFIED} when it infers none). */
    public AccountType type() {
        return AccountType.of(this);
    }

    @Override
    public int compareTo(AccountName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
