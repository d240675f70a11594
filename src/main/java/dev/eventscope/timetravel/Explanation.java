package dev.eventscope.timetravel;

import dev.eventscope.projection.RegisterLine;

import java.math.BigDecimal;
import java.util.List;

/**
 * Why an account's balance in a commodity is what it is at a point: every posting that contributed,
 * oldest first, each with its entry, date, user and command; their amounts sum to {@code balance}.
 */
public record Explanation(String account, String commodity, Point point, long position, BigDecimal balance,
                          List<RegisterLine> contributions) {
}
