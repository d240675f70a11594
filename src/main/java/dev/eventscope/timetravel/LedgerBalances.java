package dev.eventscope.timetravel;

import dev.eventscope.domain.ledger.Balances;

/**
 * Every account's balance in every commodity at a point, with the global position it reflects and how
 * it was computed: from the checkpoint at {@code checkpointPosition} plus {@code linesReplayed} register lines.
 */
public record LedgerBalances(Point point, long position, Balances balances, long checkpointPosition, long linesReplayed) {
}
