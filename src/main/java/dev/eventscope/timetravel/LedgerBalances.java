package dev.eventscope.timetravel;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * Every account's balance in every commodity at a point (zero balances left out), with the global
 * position it reflects and how it was computed: from the checkpoint at {@code checkpointPosition}
 * plus {@code linesReplayed} register lines.
 */
public record LedgerBalances(Point point, long position, SortedMap<String, SortedMap<String, BigDecimal>> balances,
                             long checkpointPosition, long linesReplayed) {
}
