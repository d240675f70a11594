package dev.eventscope.journal;

import java.util.List;

/**
 * The automated transactions ({@code = QUERY}) of a journal and its includes, in journal order, read in a pass of their
 * own before any transaction (hledger applies each one to every transaction wherever it stands), and the refusal that
 * pass met ({@code refusal}, null: none) with the rules read before it. The import does not throw that refusal at once:
 * it reads the journal with those rules and names the first refusal it meets, throwing this one if it meets none, so
 * that the journal is refused at the first line in journal order, as hledger names it (hledger parses the whole journal
 * before it applies a rule), without a third pass. Until session 20 a journal read with {@code --auto} was refused at the
 * first directive the import does not read (ledger's {@code apply fixed}, line 12), where hledger names a bad posting
 * above it (line 3).
 */
record CollectedRules(List<AutomatedRule> rules, JournalParseException refusal) {

    CollectedRules {
        rules = List.copyOf(rules);
    }

    /** The rules, when the pass read the whole journal; else its refusal, thrown. */
    List<AutomatedRule> orThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return rules;
    }
}
