package dev.eventscope.domain.ledger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The per-entry checks written as loops (session 18: they run for every entry an import posts) against the streams
 * they stand in for: a description's check ({@link InvalidDescription#requireValid}: which problem, if any, is
 * reported), an entry's distinct accounts ({@link EntryCommand.PostEntry#accounts}) and its imbalances per kind
 * ({@link BalancingRule#imbalances(List, Map)}).
 */
class PerEntryLoopsProperties {

    private static final EntryId ID = EntryId.of("E1");

    @Property(tries = 5_000)
    void a_description_is_refused_for_the_problem_the_streams_found(@ForAll("descriptions") String description) {
        String expected = streamProblem(description);
        if (expected == null) {
            InvalidDescription.requireValid(ID, description);
        } else {
            InvalidDescription refused = assertThrows(InvalidDescription.class,
                    () -> InvalidDescription.requireValid(ID, description));
            assertEquals(new InvalidDescription(ID, description, expected).getMessage(), refused.getMessage());
        }
    }

    @Property(tries = 2_000)
    void an_entrys_accounts_are_the_distinct_accounts_in_order(@ForAll("accountIndexes") List<Integer> indexes) {
        List<Posting> postings = indexes.stream()
                .map(i -> Posting.of(AccountName.of("assets:a" + i), Money.of("1", "EUR"))).toList();
        EntryCommand.PostEntry entry = EntryCommand.PostEntry.simple(ID, java.time.LocalDate.of(2024, 1, 1), "d", postings);
        assertEquals(postings.stream().map(Posting::account).distinct().toList(), entry.accounts());
    }

    @Property(tries = 2_000)
    void imbalances_are_the_sums_the_stream_made(@ForAll("amounts") List<Integer> cents, @ForAll("kinds") List<PostingKind> kinds,
            @ForAll("commodities") List<String> commodities) {
        int n = Math.min(cents.size(), Math.min(kinds.size(), commodities.size()));
        List<Posting> postings = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            postings.add(new Posting(AccountName.of("assets:a" + i), new Money(BigDecimal.valueOf(cents.get(i), 2),
                    commodities.get(i)), null, null, kinds.get(i)));
        }
        Map<String, Integer> precision = Map.of("EUR", 2, "USD", 0);
        Map<PostingKind, Map<String, BigDecimal>> expected = new EnumMap<>(PostingKind.class);
        for (PostingKind kind : new PostingKind[] {PostingKind.REAL, PostingKind.BALANCED_VIRTUAL}) {
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            postings.stream().filter(posting -> posting.kind() == kind).map(Posting::cost)
                    .forEach(cost -> sums.merge(cost.commodity(), cost.amount(), BigDecimal::add));
            Map<String, BigDecimal> off = BalancingRule.imbalances(sums, precision);
            if (!off.isEmpty()) {
                expected.put(kind, off);
            }
        }
        Map<PostingKind, Map<String, BigDecimal>> actual = BalancingRule.imbalances(postings, precision);
        assertEquals(expected, actual);
        // the same order of commodities, as the messages name them
        expected.forEach((kind, off) -> assertEquals(List.copyOf(off.keySet()), List.copyOf(actual.get(kind).keySet())));
    }

    /** What the two code-point streams reported (null: nothing). */
    private static String streamProblem(String description) {
        if (description.codePoints().anyMatch(c -> c != '\t' && (Character.isISOControl(c)
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR))) {
            return "contains a line break or another control character";
        }
        int bidi = description.codePoints().filter(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
                .findFirst().orElse(-1);
        if (bidi >= 0) {
            return String.format("contains the bidirectional control character"
                    + " U+%04X, which makes the text display in another order than it is stored", bidi);
        }
        if (description.indexOf(';') >= 0) {
            return "contains ';', which starts a comment in a journal (hledger would read the rest as a comment and its tags)";
        }
        return null;
    }

    @Provide
    Arbitrary<String> descriptions() {
        // mostly plain text, with the characters each check looks for: controls (tab, line feed, DEL, C1), the line and
        // paragraph separators, the bidirectional marks and their neighbours, ';', a surrogate pair and a lone surrogate
        Arbitrary<Character> special = Arbitraries.of('\t', '\n', '\r', '\u0000', '\u001F', '\u007F', '\u0085', '\u009F',
                '\u00A0', '\u2028', '\u2029', '\u2029', '\u2029', '\u202A', '\u202E', '\u202F', '\u2066', '\u2069',
                '\u2065', '\u206A', ';', '\uD83D', '\uDE00', 'é', 'ж');
        Arbitrary<Character> plain = Arbitraries.chars().range(' ', '~');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, plain), net.jqwik.api.Tuple.of(1, special))
                .list().ofMaxSize(12).map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    @Provide
    Arbitrary<List<Integer>> accountIndexes() {
        return Arbitraries.integers().between(0, 6).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Integer>> amounts() {
        return Arbitraries.integers().between(-300, 300).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<PostingKind>> kinds() {
        return Arbitraries.of(PostingKind.class).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<String>> commodities() {
        return Arbitraries.of("EUR", "USD", "XAU").list().ofMaxSize(8);
    }
}
