package dev.eventscope.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The postings a rebuild applied, kept compactly (date as a day number, account and commodity as small
 * integers, the amount the event holds anyway) so that the date checkpoints can be folded from memory in
 * date order at its end, without reading the register back sorted by date. Lines of one date keep their
 * position order.
 */
final class DatedPostings {

    /** Receives one posting in date order. */
    @FunctionalInterface
    interface Line {
        void accept(String date, String account, String commodity, BigDecimal amount);
    }

    private final Map<String, Integer> accountIds = new HashMap<>();
    private final List<String> accounts = new ArrayList<>();
    private final Map<String, Integer> commodityIds = new HashMap<>();
    private final List<String> commodities = new ArrayList<>();
    private int[] days = new int[1_024];
    private int[] accountOf = new int[1_024];
    private int[] commodityOf = new int[1_024];
    private BigDecimal[] amounts = new BigDecimal[1_024];
    private int size;

    void add(LocalDate date, String account, String commodity, BigDecimal amount) {
        if (size == days.length) {
            int grown = size * 2;
            days = Arrays.copyOf(days, grown);
            accountOf = Arrays.copyOf(accountOf, grown);
            commodityOf = Arrays.copyOf(commodityOf, grown);
            amounts = Arrays.copyOf(amounts, grown);
        }
        days[size] = (int) date.toEpochDay();
        accountOf[size] = id(account, accountIds, accounts);
        commodityOf[size] = id(commodity, commodityIds, commodities);
        amounts[size] = amount;
        size++;
    }

    private static int id(String name, Map<String, Integer> ids, List<String> names) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
        }
        return id;
    }

    /** Every posting, by date and then in the order added (position order). */
    void forEachByDate(Line line) {
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            // days since 1970 fit in 31 bits with room to spare; the index breaks ties in position order
            order[i] = ((long) days[i] << 32) | i;
        }
        Arrays.sort(order);
        String date = null;
        int dateDay = Integer.MIN_VALUE;
        for (long key : order) {
            int i = (int) key;
            if (days[i] != dateDay) {
                dateDay = days[i];
                date = LocalDate.ofEpochDay(dateDay).toString();
            }
            line.accept(date, accounts.get(accountOf[i]), commodities.get(commodityOf[i]), amounts[i]);
        }
    }
}
