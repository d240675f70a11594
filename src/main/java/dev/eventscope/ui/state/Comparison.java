package dev.eventscope.ui.state;

import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.AccountState;
import dev.eventscope.domain.ledger.AccountType;
import dev.eventscope.domain.ledger.Amounts;
import dev.eventscope.domain.ledger.LedgerStreams;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.timetravel.BalanceChange;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Compare two points", in the State panel's words: the same labels and money format as the panel
 * (never raw field names such as {@code balances.EUR}), a signed change for amounts and counts, and each
 * change's effect on the books' owner rather than its sign (income growing is good news, not a minus in
 * red). Runs off the UI thread.
 */
public final class Comparison {

    /** What a change means for the owner of the books. */
    public enum Effect {
        /** More assets, income or equity; fewer liabilities or expenses. */
        FAVOURABLE,
        /** The opposite. */
        UNFAVOURABLE,
        /** Text, dates, counts, or an account whose type is not known. */
        NEUTRAL
    }

    private final TimeTravel timeTravel;
    private final StateQuery query;

    public Comparison(TimeTravel timeTravel, StateQuery query) {
        this.timeTravel = timeTravel;
        this.query = query;
    }

    /** What differs between two points: per account and commodity for the whole ledger (stream null), else line by line. */
    public List<CompareRow> between(StreamId stream, Point from, Point to) {
        return stream == null ? wholeLedger(from, to) : stream(stream, from, to);
    }

    private List<CompareRow> wholeLedger(Point from, Point to) {
        List<CompareRow> rows = new ArrayList<>();
        for (BalanceChange change : timeTravel.diff(from, to)) {
            BigDecimal difference = change.change();
            rows.add(new CompareRow(change.account() + (change.commodity().isEmpty() ? "" : " (" + change.commodity() + ")"),
                    MoneyText.of(change.before(), change.commodity()), MoneyText.of(change.after(), change.commodity()),
                    signed(difference, change.commodity()), effect(change.account(), difference)));
        }
        return rows;
    }

    private List<CompareRow> stream(StreamId stream, Point from, Point to) {
        List<StateRow> before = query.at(stream, from).rows();
        List<StateRow> after = query.at(stream, to).rows();
        Map<String, BigDecimal> balancesBefore = balances(stream, from);
        Map<String, BigDecimal> balancesAfter = balances(stream, to);
        Map<String, StateRow> was = new LinkedHashMap<>();
        before.stream().filter(Comparison::compared).forEach(row -> was.put(row.key(), row));
        List<CompareRow> rows = new ArrayList<>();
        for (StateRow row : after) {
            if (!compared(row)) {
                continue;
            }
            StateRow old = was.remove(row.key());
            if (old == null || !old.value().equals(row.value())) {
                rows.add(line(row, old == null ? StateRows.ABSENT : old.value(), row.value(), balancesBefore, balancesAfter));
            }
        }
        for (StateRow gone : was.values()) {
            rows.add(line(gone, gone.value(), StateRows.ABSENT, balancesBefore, balancesAfter));
        }
        return rows;
    }

    /** The lines a comparison shows: not the "last entries", which are a window onto the register, not state. */
    private static boolean compared(StateRow row) {
        return !row.section().equals(StateQuery.LAST_ENTRIES) && !row.key().equals("balance:none");
    }

    private CompareRow line(StateRow row, String before, String after, Map<String, BigDecimal> balancesBefore,
                            Map<String, BigDecimal> balancesAfter) {
        String item = row.section().equals("Balances") ? "Balance in " + row.label() : row.label();
        if (row.account() != null && row.commodity() != null) {
            BigDecimal difference = balancesAfter.getOrDefault(row.commodity(), BigDecimal.ZERO)
                    .subtract(balancesBefore.getOrDefault(row.commodity(), BigDecimal.ZERO));
            return new CompareRow(item, before, after, signed(difference, row.commodity()), effect(row.account(), difference));
        }
        return new CompareRow(item, before, after, countChange(before, after), Effect.NEUTRAL);
    }

    private Map<String, BigDecimal> balances(StreamId stream, Point point) {
        if (!stream.value().startsWith(LedgerStreams.ACCOUNT_PREFIX)) {
            return Map.of();
        }
        Object state = timeTravel.stateOf(stream, point).state();
        return state instanceof AccountState account ? account.balances() : Map.of();
    }

    /** "+1,250.00 EUR", "-3.50 USD"; empty for no change. */
    static String signed(BigDecimal difference, String commodity) {
        BigDecimal normal = Amounts.normalise(difference);
        if (normal.signum() == 0) {
            return "";
        }
        return (normal.signum() > 0 ? "+" : "") + MoneyText.of(normal, commodity);
    }

    /** For counts such as "1,234" → "1,240": "+6"; nothing for text and dates. */
    static String countChange(String before, String after) {
        Long was = count(before);
        Long is = count(after);
        if (was == null || is == null || was.equals(is)) {
            return "";
        }
        long change = is - was;
        return String.format(java.util.Locale.ROOT, "%s%,d", change > 0 ? "+" : "", change);
    }

    /** A whole number as the panel writes counts ({@code %,d}: "1,234"); null for anything else. */
    private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("-?\\d{1,3}([,\u00a0]\\d{3})*|-?\\d{1,18}");

    private static Long count(String text) {
        if (StateRows.ABSENT.equals(text)) {
            return 0L;
        }
        String typed = text.strip();
        return COUNT.matcher(typed).matches() ? Long.valueOf(typed.replace(",", "").replace("\u00a0", "")) : null;
    }

    /** What a change of {@code difference} in {@code account}'s balance means for the owner (debits positive). */
    static Effect effect(String account, BigDecimal difference) {
        if (difference.signum() == 0) {
            return Effect.NEUTRAL;
        }
        AccountType type = AccountType.of(AccountName.of(account));
        if (type == AccountType.UNCLASSIFIED) {
            // an unclassified account has no side that is good for its owner
            return Effect.NEUTRAL;
        }
        boolean debitGrows = difference.signum() > 0;
        boolean favourable = switch (type) {
            // a debit raises assets and expenses and lowers liabilities, equity and income
            case ASSETS, CASH, LIABILITIES, UNCLASSIFIED -> debitGrows;
            case EXPENSES, EQUITY, CONVERSION, INCOME -> !debitGrows;
        };
        return favourable ? Effect.FAVOURABLE : Effect.UNFAVOURABLE;
    }
}
