package dev.eventscope.projection;

import dev.eventscope.domain.ledger.Balances;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Builds the balances projection's date checkpoints ({@link DateCheckpoint}) from its register, in the
 * projection's own transaction: one pass over the register lines up to the latest position checkpoint,
 * in date order, writing a checkpoint at the end of a date whenever at least {@code every} lines were
 * added since the previous one, and one at the last date. Every checkpoint it writes has that position
 * checkpoint's position and event hash, so it holds exactly the lines dated on or before its date and
 * recorded at or before that position; a later line, however it is dated, never makes it wrong (a reader
 * adds the lines recorded after it), only slower to use. So the checkpoints are built again when the
 * latest position checkpoint has moved at least {@code 2 × every} positions past them: a reader never
 * adds more than about three intervals' worth of lines.
 */
final class DateCheckpointBuilder {

    private final int every;

    DateCheckpointBuilder(int every) {
        this.every = every;
    }

    /** Builds them again if they lag too far behind the latest position checkpoint (or do not exist yet). */
    void refreshIfBehind(ReadModelTables tables) {
        long builtAt = tables.max(BalancesProjection.DATE_CHECKPOINTS, "position");
        long latest = tables.max(BalancesProjection.CHECKPOINTS, "position");
        if (latest > 0 && (builtAt == 0 || latest - builtAt >= 2L * every)) {
            build(tables);
        }
    }

    /** Replaces every date checkpoint by ones built at the latest position checkpoint (none when there is none). */
    void build(ReadModelTables tables) {
        tables.clear(BalancesProjection.DATE_CHECKPOINTS);
        Optional<ReadModelRow> latest = tables.find(BalancesProjection.CHECKPOINTS,
                tables.max(BalancesProjection.CHECKPOINTS, "position"));
        if (latest.isEmpty()) {
            return;
        }
        long position = latest.get().integer(0);
        String eventHash = latest.get().text(1);
        Balances.Fold balances = Balances.fold();
        String[] currentDate = {null};
        long[] sinceCheckpoint = {0};
        tables.forEach(BalancesProjection.REGISTER, List.of("date", "position", "account", "commodity", "amount"),
                List.of("date", "position"), line -> {
                    if (line.integer(1) > position) {
                        return;
                    }
                    String date = line.text(0);
                    if (!date.equals(currentDate[0])) {
                        if (currentDate[0] != null && sinceCheckpoint[0] >= every) {
                            save(tables, currentDate[0], position, eventHash, balances);
                            sinceCheckpoint[0] = 0;
                        }
                        currentDate[0] = date;
                    }
                    balances.add(line.text(2), line.text(3), line.decimal(4));
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
