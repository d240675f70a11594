package dev.eventscope.ui.timeline;

import dev.eventscope.projection.LedgerQueries;
import dev.eventscope.projection.RegisterLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An account's balance over time per commodity, from its register, as points (axis coordinate,
 * balance) for a line chart; thinned to at most {@link #MAXIMUM_POINTS} per commodity.
 */
public final class BalanceHistory {

    public static final int MAXIMUM_POINTS = 1_500;

    /** One point of the chart. */
    public record ChartPoint(long coordinate, BigDecimal balance) {
    }

    private BalanceHistory() {
    }

    /** Register lines read at once for the position and recorded-time axes: a 250,000-posting account is never held whole. */
    static final long WINDOW = 100_000;

    /** Per commodity, the balance after each posting, on {@code axis}. */
    public static Map<String, List<ChartPoint>> of(LedgerQueries queries, String account, long upToPosition, TimelineAxis axis) {
        Map<String, List<ChartPoint>> series = new TreeMap<>();
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        if (axis == TimelineAxis.ENTRY_DATE) {
            // by entry date the lines must be sorted by date first, so they are read at once
            List<RegisterLine> lines = new ArrayList<>(queries.accountRegister(account, null, 0, upToPosition));
            lines.sort(Comparator.comparing(RegisterLine::date).thenComparingLong(RegisterLine::position));
            lines.forEach(line -> add(series, balances, line, axis));
        } else {
            for (long after = 0; after < upToPosition; after += WINDOW) {
                queries.accountRegister(account, null, after, Math.min(upToPosition, after + WINDOW))
                        .forEach(line -> add(series, balances, line, axis));
            }
        }
        series.replaceAll((commodity, points) -> thin(points));
        return series;
    }

    private static void add(Map<String, List<ChartPoint>> series, Map<String, BigDecimal> balances, RegisterLine line, TimelineAxis axis) {
        BigDecimal balance = balances.merge(line.commodity(), line.amount(), BigDecimal::add);
        long coordinate = switch (axis) {
            case POSITION -> line.position();
            case RECORDED_TIME -> line.recordedAtMicros();
            case ENTRY_DATE -> line.date().toEpochDay();
        };
        List<ChartPoint> points = series.computeIfAbsent(line.commodity(), commodity -> new ArrayList<>());
        if (!points.isEmpty() && points.get(points.size() - 1).coordinate() == coordinate) {
            points.set(points.size() - 1, new ChartPoint(coordinate, balance));
        } else {
            points.add(new ChartPoint(coordinate, balance));
        }
    }

    private static List<ChartPoint> thin(List<ChartPoint> points) {
        if (points.size() <= MAXIMUM_POINTS) {
            return points;
        }
        List<ChartPoint> thinned = new ArrayList<>(MAXIMUM_POINTS + 1);
        double step = points.size() / (double) MAXIMUM_POINTS;
        for (int index = 0; index < MAXIMUM_POINTS; index++) {
            thinned.add(points.get((int) (index * step)));
        }
        thinned.add(points.get(points.size() - 1));
        return thinned;
    }

    /** A coordinate as the chart's axis shows it. */
    public static String format(TimelineAxis axis, double coordinate) {
        return switch (axis) {
            case POSITION -> "#" + (long) coordinate;
            case ENTRY_DATE -> LocalDate.ofEpochDay((long) coordinate).toString();
            case RECORDED_TIME -> java.time.Instant.ofEpochSecond((long) (coordinate / 1_000_000)).toString().substring(0, 10);
        };
    }
}
