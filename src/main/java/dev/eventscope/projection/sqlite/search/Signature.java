package dev.eventscope.projection.sqlite.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a document's 64-bit token signature must hold to contain every query phrase: each plain token's bit, and for a
 * prefix with a few known terms ({@link PrefixTerms}) at least one of their bits. The test runs inside SQLite, on the
 * index row, before the document is read.
 */
record Signature(long all, List<Long> anyOf) {

    /** @param terms per phrase, the terms its prefix token begins (null: not a prefix, or not known) */
    static Signature of(List<List<String>> phrases, List<List<String>> terms) {
        long all = 0;
        List<Long> anyOf = new ArrayList<>();
        for (int phrase = 0; phrase < phrases.size(); phrase++) {
            all |= Fts5Tokens.signature(phrases.get(phrase));
            if (terms.get(phrase) != null && !terms.get(phrase).isEmpty()) {
                anyOf.add(Fts5Tokens.signature(terms.get(phrase)));
            }
        }
        return new Signature(all, List.copyOf(anyOf));
    }

    /** The SQL condition on {@code alias.tokens}. */
    String test(String alias) {
        StringBuilder test = new StringBuilder("(" + alias + ".tokens & " + all + ") = " + all);
        for (long any : anyOf) {
            test.append(" AND (").append(alias).append(".tokens & ").append(any).append(") != 0");
        }
        return test.toString();
    }
}
