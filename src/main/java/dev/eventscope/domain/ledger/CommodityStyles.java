package dev.eventscope.domain.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decimal places a ledger's journals gave each commodity they styled, as hledger 1.25 styles a commodity: its
 * {@code commodity} directive's format, else the most places of the amounts written in it in postings, a {@code D}
 * directive or a {@code P} price (never a posting's {@code @}/{@code @@} price alone). Reports show every amount of
 * a styled commodity at its places, sums and amounts inferred from prices too; a commodity that is not here (written
 * only as a price) is shown at the places of the amounts themselves. Recorded on each import's
 * {@link LedgerEvent.JournalImported}; several imports keep the most places any of them gave a commodity.
 */
public record CommodityStyles(Map<String, Integer> places) {

    public static final CommodityStyles NONE = new CommodityStyles(Map.of());

    public CommodityStyles {
        places = copyOf(places);
    }

    /** {@code places} sorted by commodity, without nulls or negative places; null is none. */
    public static Map<String, Integer> copyOf(Map<String, Integer> places) {
        TreeMap<String, Integer> copy = new TreeMap<>();
        if (places != null) {
            places.forEach((commodity, count) -> {
                if (commodity != null && count != null && count >= 0) {
                    copy.put(commodity, count);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /** These styles and {@code more} (another import's): each commodity at the most places either gives it. */
    public CommodityStyles plus(Map<String, Integer> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, Integer> merged = new TreeMap<>(places);
        more.forEach((commodity, count) -> merged.merge(commodity, count, Math::max));
        return new CommodityStyles(merged);
    }

    /**
     * {@code amount} as a report shows it: at {@code commodity}'s places, rounded half even as hledger 1.25 rounds
     * what it shows, when the journals styled it; else as it is. For display only: never sum what this returns.
     */
    public java.math.BigDecimal shown(String commodity, java.math.BigDecimal amount) {
        Integer count = places.get(commodity);
        return count == null ? amount : amount.setScale(count, java.math.RoundingMode.HALF_EVEN);
    }

    /** Whether the journals gave {@code commodity} a style. */
    public boolean styled(String commodity) {
        return places.containsKey(commodity);
    }
}
