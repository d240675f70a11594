package dev.eventscope.journal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Per account and commodity without a display style (one written only in {@code @}/{@code @@} prices), the most
 * places of the prices the account's amounts in it were inferred from, as the import meets its entries: hledger 1.25
 * shows such an amount at its price's places (the unit price's for {@code @}, the total's for {@code @@}), and a sum at
 * the most places of what it sums. Recorded on the import's {@code JournalImported} for the reports: the most for the
 * whole journal, and the most per posting date ({@code byDate}), as hledger shows a sum at the most places of the
 * amounts summed by the asked date (or within the asked period) only.
 */
final class InferredPlaces {

    private final Map<String, Map<String, Integer>> byAccount = new TreeMap<>();
    private final Map<String, Map<String, Map<String, Integer>>> byDate = new TreeMap<>();

    /** Notes the entry's postings in a commodity of its prices that {@code styled} has no style for. */
    void note(JournalTransaction transaction, Map<String, Integer> styled, Function<String, String> accountName) {
        Map<String, Integer> pricePlaces = null;
        for (JournalPosting posting : transaction.postings()) {
            if (posting.price() != null && !styled.containsKey(posting.price().amount().commodity())) {
                if (pricePlaces == null) {
                    pricePlaces = new HashMap<>();
                }
                pricePlaces.merge(posting.price().amount().commodity(),
                        Math.max(0, posting.price().amount().quantity().scale()), Math::max);
            }
        }
        if (pricePlaces == null) {
            return;
        }
        for (JournalPosting posting : transaction.postings()) {
            Integer places = posting.amount() == null ? null : pricePlaces.get(posting.amount().commodity());
            if (places != null) {
                String account = accountName.apply(posting.account());
                byAccount.computeIfAbsent(account, name -> new TreeMap<>()).merge(posting.amount().commodity(), places, Math::max);
                LocalDate date = JournalImporter.postingDate(posting, transaction);
                byDate.computeIfAbsent(account, name -> new TreeMap<>())
                        .computeIfAbsent(posting.amount().commodity(), commodity -> new TreeMap<>())
                        .merge(date.toString(), places, Math::max);
            }
        }
    }

    Map<String, Map<String, Integer>> byAccount() {
        return byAccount;
    }

    /** Per account and commodity, per posting date (ISO text), the most places of that day's inferred amounts. */
    Map<String, Map<String, Map<String, Integer>>> byDate() {
        return byDate;
    }
}
