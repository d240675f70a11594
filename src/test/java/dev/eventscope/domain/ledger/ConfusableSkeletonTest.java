package dev.eventscope.domain.ledger;

import com.ibm.icu.text.SpoofChecker;
import org.junit.jupiter.api.Test;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The skeleton's table is Unicode's (through ICU4J) for the scripts whose letters look like Latin ones (session 17). */
class ConfusableSkeletonTest {

    private static final Set<UnicodeScript> SCRIPTS = EnumSet.of(UnicodeScript.LATIN, UnicodeScript.CYRILLIC,
            UnicodeScript.GREEK, UnicodeScript.ARMENIAN, UnicodeScript.CHEROKEE, UnicodeScript.COPTIC,
            UnicodeScript.COMMON, UnicodeScript.INHERITED);

    @Test
    void every_letter_digit_and_mark_of_the_look_alike_scripts_has_icu_s_skeleton() {
        SpoofChecker icu = new SpoofChecker.Builder().build();
        List<String> differing = new ArrayList<>();
        int checked = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int type = Character.getType(c);
            boolean wanted = Character.isLetter(c) || type == Character.DECIMAL_DIGIT_NUMBER
                    || type == Character.NON_SPACING_MARK;
            if (!Character.isDefined(c) || !wanted || !SCRIPTS.contains(UnicodeScript.of(c))) {
                continue;
            }
            String text = Character.toString(c);
            checked++;
            // also in a word, where NFD may compose a mark with the letter before it
            for (String word : List.of(text, "a" + text + "b")) {
                if (!ConfusableSkeleton.of(word).equals(icu.getSkeleton(word))) {
                    differing.add(String.format("U+%04X in '%s'", c, word));
                }
            }
        }
        assertTrue(checked > 3_000, "the characters were found: " + checked);
        assertEquals(List.of(), differing.subList(0, Math.min(20, differing.size())), differing.size() + " differ");
    }

    @Test
    void look_alikes_written_in_one_script_have_the_skeleton_of_the_latin_word() {
        // wholly Cyrillic but for the "t"; Greek omicron and Cyrillic o; digits one and zero; "rn" for "m"
        for (List<String> pair : List.of(List.of("\u0430\u0455\u0455\u0435t\u0455", "assets"),
                List.of("\u0441\u0430\u0455\u04BB", "cash"), List.of("f\u03BF\u043Ed", "food"),
                List.of("paypa1", "paypal"), List.of("B0NUS", "BONUS"), List.of("rnoney", "money"),
                List.of("\u0412\u0435\u0441", "Bec"))) {
            assertEquals(ConfusableSkeleton.of(pair.get(1)), ConfusableSkeleton.of(pair.get(0)), pair.toString());
        }
        for (List<String> pair : List.of(List.of("\u0420\u0430\u0441\u0445\u043E\u0434\u044B", "Pacxodbl"),
                List.of("assets", "Assets"), List.of("\u652F\u51FA", "\u6536\u5165"))) {
            assertNotEquals(ConfusableSkeleton.of(pair.get(1)), ConfusableSkeleton.of(pair.get(0)), pair.toString());
        }
    }
}
