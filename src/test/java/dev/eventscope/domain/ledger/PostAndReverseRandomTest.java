package dev.eventscope.domain.ledger;

import static dev.eventscope.domain.ledger.Fixtures.money;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.domain.ledger.EntryCommand.PostEntry;
import dev.eventscope.domain.ledger.EntryCommand.ReverseEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random (seeded, so repeatable) balanced entries: their costs sum to zero and reversing all of them empties every account. */
@DisplayName("Random balanced entries")
class PostAndReverseRandomTest {

    private static final List<String> ACCOUNTS = List.of("assets:bank", "assets:stocks", "expenses:rent",
            "income:sales", "liabilities:visa", "equity:opening");
    private static final List<String> COMMODITIES = List.of("EUR", "USD", "AAPL");

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void postedAndReversedLeaveNoBalance(int seed) {
        Random random = new Random(seed);
        Books books = Books.created().open(ACCOUNTS.toArray(String[]::new));
        LocalDate day = LocalDate.of(2024, 1, 1);
        int entries = 1 + random.nextInt(8);
        for (int number = 1; number <= entries; number++) {
            EntryDecision decision = books.post(PostEntry.simple(EntryId.of("e" + number), day, "random",
                    randomBalancedPostings(random)));
            List<Money> costs = decision.allEvents().stream()
                    .filter(PostingRecorded.class::isInstance)
                    .map(event -> ((PostingRecorded) event).cost())
                    .toList();
            assertEquals(Map.of(), Balances.sum(costs), "costs of entry e" + number);
        }
        for (int number = 1; number <= entries; number++) {
            books.reverse(new ReverseEntry(EntryId.of("e" + number), EntryId.of("r" + number), day, null));
        }
        for (String account : ACCOUNTS) {
            assertEquals(Map.of(), books.account(account).balances(), account);
        }
    }

    /** Postings in random commodities, some priced, closed by one balancing posting per commodity. */
    private static List<Posting> randomBalancedPostings(Random random) {
        List<Posting> postings = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int index = 0; index < count; index++) {
            AccountName account = AccountName.of(ACCOUNTS.get(random.nextInt(ACCOUNTS.size())));
            String commodity = COMMODITIES.get(random.nextInt(COMMODITIES.size()));
            Money amount = new Money(BigDecimal.valueOf(random.nextInt(200_001) - 100_000, 2), commodity);
            PostingPrice price = switch (random.nextInt(3)) {
                case 0 -> PostingPrice.unit(new Money(BigDecimal.valueOf(random.nextInt(100_000), 3), "EUR"));
                case 1 -> PostingPrice.total(new Money(BigDecimal.valueOf(random.nextInt(100_000), 2), "USD"));
                default -> null;
            };
            postings.add(new Posting(account, amount, commodity.equals("EUR") || commodity.equals("USD") ? null : price,
                    null));
        }
        Map<String, BigDecimal> open = Balances.sum(postings.stream().map(Posting::cost).toList());
        open.forEach((commodity, sum) -> postings.add(Posting.of(AccountName.of("equity:opening"),
                money(sum.negate().toPlainString() + " " + commodity))));
        if (postings.size() < 2) {
            postings.add(Posting.of(AccountName.of("assets:bank"), Money.zero("EUR")));
        }
        return postings;
    }
}
