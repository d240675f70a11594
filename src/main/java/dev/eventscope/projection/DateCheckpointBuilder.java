package dev.eventscope.projection;

import dev.eventscope.domain.ledger.Balances;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the balances projection's date checkpoints ({@link DateCheckpoint}) from its register, in the
 * projection's own transaction: one pass over the register lines recorded up to a position, in date
 * order, writing a checkpoint at the end of a date whenever at least {@code every} lines were added since
 * the previous one, and one at the last date. Every checkpoint it writes has that position and the hash of
 * its event, so it holds exactly the lines dated on or before its date and recorded at or before that
 * position; a later line, however it is dated, never makes it wrong (a reader adds the lines recorded after
 * it), only slower to use. So they are built again once the register has moved {@code 2 × every}
 * positions past them ({@link #behind}).
 */
final class DateCheckpointBuilder {

    private final int every;

    DateCheckpointBuilder(int every) {
        this.every = every;
    }

    /** Whether the date checkpoints lag at least {@code 2 × every} positions behind the register (or do not exist yet). */
    boolean behind(ReadModelTables tables) {
        long registerPosition = tables.max(BalancesProjection.REGISTER, "position");
        long builtAt = tables.max(BalancesProjection.DATE_CHECKPOINTS, "position");
        return registerPosition > 0 && (builtAt == 0 || registerPosition - builtAt >= 2L * every);
    }

    /**
     * Replaces every date checkpoint by ones that hold the register lines recorded at or before
     * {@code position} (the event whose hash is {@code eventHash}), read back from the register in date order.
     */
    void build(ReadModelTables tables, long position, String eventHash) {
        build(tables, position, eventHash, line -> tables.forEach(BalancesProjection.REGISTER,
                List.of("date", "position", "account", "commodity", "amount"), List.of("date", "position"), row -> {
                    if (row.integer(1) <= position) {
                        line.accept(row.text(0), row.text(2), row.text(3), row.decimal(4));
                    }
                }));
    }

    /** The same from postings a rebuild kept in memory: every register line, none read back. */
    void build(ReadModelTables tables, long position, String eventHash, DatedPostings postings) {
        build(tables, position, eventHash, postings::forEachByDate);
    }

    private void build(ReadModelTables tables, long position, String eventHash, Consumer<DatedPostings.Line> linesByDate) {
        tables.clear(BalancesProjection.DATE_CHECKPOINTS);
        Balances.Fold balances = Balances.fold();
        String[] currentDate = {null};
        long[] sinceCheckpoint = {0};
        linesByDate.accept((date, account, commodity, amount) -> {
            if (!date.equals(currentDate[0])) {
                if (currentDate[0] != null && sinceCheckpoint[0] >= every) {
                    save(tables, currentDate[0], position, eventHash, balances);
                    sinceCheckpoint[0] = 0;
                }
                currentDate[0] = date;
            }
            balances.add(account, commodity, amount);
            sinceCheckpoint[0]++;
        });
        if (currentDate[0] != null) {
            save(tables, currentDate[0], position, eventHash, balances);
        }
    }

    private static void save(ReadModelTables tables, String date, long position, String eventHash, Balances.Fold balances) {
        byte[] data = BalanceBlob.encode(balances);
        tables.upsert(BalancesProjection.DATE_CHECKPOINTS, LocalDate.parse(date).toString(), position, eventHash,
                BalanceBlob.digest(data), data);
    }
}
