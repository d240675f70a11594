package dev.eventscope.projection;

import dev.eventscope.domain.ledger.Balances;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceBlobTest {

    private static final Balances BALANCES = Balances.of(Map.of(
            "assets", Map.of("EUR", new BigDecimal("1.50")),
            "assets:bank", Map.of("EUR", new BigDecimal("-2"), "USD", new BigDecimal("3.25")),
            "assets:bank:main", Map.of("EUR", new BigDecimal("7")),
            "assetsx", Map.of("EUR", new BigDecimal("9"))));

    @Test
    void one_account_is_read_from_the_blob_without_its_namesakes() {
        // given
        byte[] blob = BalanceBlob.encode(BALANCES);

        // when
        SortedMap<String, BigDecimal> bank = BalanceBlob.decodeAccount(blob, "assets:bank");
        SortedMap<String, BigDecimal> first = BalanceBlob.decodeAccount(blob, "assets");
        SortedMap<String, BigDecimal> last = BalanceBlob.decodeAccount(blob, "assetsx");

        // then
        assertEquals(new TreeMap<>(Map.of("EUR", new BigDecimal("-2"), "USD", new BigDecimal("3.25"))), bank);
        assertEquals(new TreeMap<>(Map.of("EUR", new BigDecimal("1.5"))), first);
        assertEquals(new TreeMap<>(Map.of("EUR", new BigDecimal("9"))), last);
    }

    @Test
    void an_account_missing_from_the_blob_has_no_balances() {
        // given
        byte[] blob = BalanceBlob.encode(BALANCES);

        // when / then
        assertTrue(BalanceBlob.decodeAccount(blob, "assets:ban").isEmpty());
        assertTrue(BalanceBlob.decodeAccount(new byte[0], "assets").isEmpty());
    }

    @Test
    void every_account_read_alone_equals_the_whole_blob_decoded() {
        // given
        byte[] blob = BalanceBlob.encode(BALANCES);

        // when
        Balances whole = BalanceBlob.decode(blob).balances();

        // then
        assertEquals(BALANCES, whole);
        whole.asMap().forEach((account, balances) -> assertEquals(balances, BalanceBlob.decodeAccount(blob, account), account));
    }

    /** Names that sort differently by UTF-16 and by UTF-8 bytes (U+FB00 against a surrogate pair) and namesakes. */
    private static final List<String> NAMES = List.of("a", "a:b", "a:b:c", "ab", "a\uFB00", "a\uD834\uDD1E", "é", "z", "a b");

    @Property(tries = 200)
    void an_account_found_by_binary_search_equals_the_whole_blob_decoded(@ForAll long seed,
                                                                         @ForAll @IntRange(min = 0, max = 60) int lines) {
        // given: a random fold over a few names, some accounts absent
        Random random = new Random(seed);
        Balances.Fold fold = Balances.fold();
        for (int i = 0; i < lines; i++) {
            fold.add(NAMES.get(random.nextInt(NAMES.size())) + (random.nextBoolean() ? "" : ":" + random.nextInt(30)),
                    random.nextBoolean() ? "EUR" : "USD", BigDecimal.valueOf(random.nextInt(200) - 100, random.nextInt(3)));
        }
        byte[] blob = BalanceBlob.encode(fold);

        // when / then
        Balances whole = BalanceBlob.decode(blob).balances();
        for (String name : NAMES) {
            for (int suffix = -1; suffix < 30; suffix++) {
                String account = suffix < 0 ? name : name + ":" + suffix;
                assertEquals(whole.account(account), BalanceBlob.decodeAccount(blob, account), account);
            }
        }
    }
}
