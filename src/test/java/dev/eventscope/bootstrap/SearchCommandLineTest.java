package dev.eventscope.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventscope.cli.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: {@code eventscope search} on the audit-case sample; the ledger file is never changed. */
class SearchCommandLineTest {

    @TempDir
    static Path folder;

    private static Path ledger;
    private static byte[] before;

    @BeforeAll
    static void copy() throws Exception {
        ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        before = Files.readAllBytes(ledger);
    }

    private static RealCli search(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "search";
        all[1] = "--ledger";
        all[2] = ledger.toString();
        all[3] = "--index-dir";
        all[4] = folder.resolve("indexes").toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return RealCli.run(all);
    }

    @Test
    void an_entry_id_finds_every_event_naming_it_with_links_to_their_positions() throws Exception {
        RealCli run = search("JE-2025-0100", "--format", "json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertEquals(4, result.get("total").asLong(), "the reopening that names it, the entry and its two postings");
        assertEquals(List.of("334", "335", "336", "337"), result.get("hits").findValuesAsText("position"));
        assertEquals("PeriodReopened", result.get("hits").get(0).get("type").asText());
        assertEquals("JE-2025-0100", result.get("hits").get(1).get("entryId").asText());
        assertTrue(Files.exists(folder.resolve("indexes")));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(ledger), "the ledger is untouched");
    }

    @Test
    void filters_without_words_list_the_whole_log_through_them() {
        RealCli run = search("--user", "p.brandt", "--format", "csv");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(5, run.out().lines().count(), run.out());
        RealCli closes = search("--type", "PeriodClosed,PeriodReopened", "--recorded-from", "2025-05-01");
        assertTrue(closes.out().startsWith("2 events found; page 1 of 1."), closes.out());
        RealCli amounts = search("--account", "expenses:travel", "--min-amount", "4900", "--max-amount", "4950", "--format", "csv");
        assertEquals(List.of("4,905.60", "4,926.90", "4,917.80").size() + 1, amounts.out().lines().count(), amounts.out());
        RealCli relevance = search("Kanzlei", "Brandt", "--sort", "relevance", "--page-size", "2", "--count");
        assertTrue(relevance.out().startsWith("6 events found; page 1 of 3."), relevance.out());
        // without --count the first page is printed without counting every event found (unless the page holds them all)
        RealCli uncounted = search("Kanzlei", "Brandt", "--sort", "relevance", "--page-size", "2");
        assertTrue(uncounted.out().startsWith("Page 1; more follow (--count counts them all)."), uncounted.out());
        assertEquals(relevance.out().lines().skip(1).toList(), uncounted.out().lines().skip(1).toList(), "the same page");
        RealCli uncountedJson = search("Kanzlei", "Brandt", "--sort", "relevance", "--page-size", "2", "--format", "json");
        assertTrue(uncountedJson.out().contains("\"total\" : null"), uncountedJson.out());
    }

    @Test
    void the_next_page_is_asked_for_by_the_key_the_page_before_printed() throws Exception {
        RealCli first = search("--page-size", "50");
        String key = first.out().lines().filter(line -> line.startsWith("Next page: --after ")).findFirst().orElseThrow()
                .substring("Next page: --after ".length());
        assertEquals("50", key);
        RealCli byKey = search("--page-size", "50", "--after", key, "--format", "json");
        RealCli byPage = search("--page-size", "50", "--page", "2", "--format", "json");
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(byPage.out()).get("hits"), mapper.readTree(byKey.out()).get("hits"));
        assertEquals("100", mapper.readTree(byKey.out()).get("next").asText());
        RealCli relevance = search("Kanzlei", "Brandt", "--sort", "relevance", "--page-size", "2", "--format", "json");
        String rankKey = mapper.readTree(relevance.out()).get("next").asText();
        RealCli second = search("Kanzlei", "Brandt", "--sort", "relevance", "--page-size", "2", "--after", rankKey, "--format", "json");
        RealCli secondByPage = search("Kanzlei", "Brandt", "--sort", "relevance", "--page-size", "2", "--page", "2", "--format", "json");
        assertEquals(mapper.readTree(secondByPage.out()).get("hits"), mapper.readTree(second.out()).get("hits"));
        RealCli wrong = search("--after", "soon");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, wrong.exitCode());
        assertEquals("--after \"soon\" is not where a page ended (a position such as 1234, or rank:position such as -7.25:1234,"
                + " as the last page printed it).", wrong.err().strip());
    }

    @Test
    void bad_input_is_one_sentence_and_exit_2() {
        RealCli amounts = search("--min-amount", "10", "--max-amount", "5");
        assertEquals(ExitCodes.USAGE_OR_UNREADABLE_LEDGER, amounts.exitCode());
        assertEquals("--min-amount 10 is above --max-amount 5.", amounts.err().strip());
        RealCli time = search("--recorded-from", "yesterday");
        assertEquals("--recorded-from yesterday is not a date (2025-05-06) or a time (2025-05-06T12:00:00Z).", time.err().strip());
        RealCli page = search("--page-size", "5000");
        assertEquals("The page size must be between 1 and 1000, not 5000.", page.err().strip());
    }
}
