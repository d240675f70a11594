package dev.eventscope.cli;

import dev.eventscope.domain.ledger.EntryId;
import dev.eventscope.journal.JournalParseException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code --posting} refusals are decided from the kind of problem the journal parser names, not from its English
 * sentence (session 16): rewording the parser's message cannot turn them back into "the transaction on 2000-01-01 …
 * line 2".
 */
class PostingOptionsProblemTest {

    private static final List<String> TWO_WITHOUT_AMOUNT = List.of("expenses:rent", "assets:bank");
    private static final List<String> UNBALANCED = List.of("expenses:rent  1 EUR", "assets:bank  2 EUR");

    private static String refusal(List<String> postings) {
        CommandProblem refused = assertThrows(CommandProblem.class, () -> EntrySources.fromOptions(EntryId.of("E1"),
                LocalDate.of(2025, 1, 1), "Coffee", postings, null));
        assertEquals(ExitCodes.REFUSED, refused.exitCode());
        return refused.getMessage();
    }

    @Test
    @DisplayName("the parser names the kind of problem with its parts, beside its sentence")
    void the_options_refusals_name_the_options() {
        assertEquals("The --posting options do not balance: their amounts add up to 3 EUR instead of zero; give amounts"
                + " that sum to zero in each commodity, or leave one posting's amount out.", refusal(UNBALANCED));
        assertEquals("Only one --posting may leave its amount out, but --posting 'expenses:rent' and --posting"
                + " 'assets:bank' both do; give one of them an amount.", refusal(TWO_WITHOUT_AMOUNT));
    }

    @Test
    @DisplayName("a reworded parser sentence still gives the refusal in the words of the options")
    void a_reworded_parser_sentence_does_not_change_the_refusal() {
        JournalParseException unbalanced = new JournalParseException("--posting", 1, 0,
                "la transaction du 2000-01-01 n'est pas équilibrée (3 EUR)",
                new JournalParseException.Unbalanced(false, "3 EUR"));
        JournalParseException twoMissing = new JournalParseException("--posting", 3, 0,
                "deux écritures sans montant, lignes 2 et 3",
                new JournalParseException.TwoAmountsMissing("expenses:rent", 2, "assets:bank", 3));

        assertEquals(refusal(UNBALANCED), EntrySources.optionsProblem(unbalanced, UNBALANCED));
        assertEquals(refusal(TWO_WITHOUT_AMOUNT), EntrySources.optionsProblem(twoMissing, TWO_WITHOUT_AMOUNT));
    }

    @Test
    @DisplayName("a problem of no named kind is still said without the snippet's date, naming the option")
    void a_problem_of_no_named_kind_names_the_option() {
        String refused = refusal(List.of("expenses:rent  1 EUR", "assets:bank  abc"));
        assertTrue(refused.startsWith("The --posting 'assets:bank  abc' cannot be read"), refused);
        assertTrue(!refused.contains("2000-01-01"), refused);
    }
}
