package dev.eventscope.projection;

import java.time.LocalDate;
import java.util.List;

/**
 * Builds the balances projection's date checkpoints ({@link DateCheckpoint}) from its register, in the
 * projection's own transaction: one pass over the register lines recorded up to a position, in date
 * order, writing a checkpoint at the end of a date whenever at least {@code every} lines were added since
 * the previous one, and one at the last date ({@link DatedPostings#checkpoints}). Every checkpoint it writes has
 * that position and the hash of its event, so it holds exactly the lines dated on or before its date and recorded
 * at or before that position; a later line, however it is dated, never makes it wrong (a reader adds the lines
 * recorded after it), only slower to use. So they are built again once the register has moved {@code 2 × every}
 * positions past them ({@link #behind}).
 */
final class DateCheckpointBuilder {

    private final int every;

    DateCheckpointBuilder(int every) {
        this.every = every;
    }

    /** Whether the date checkpoints lag at least {@code 2 × every} positions behind the register (or do not exist yet). */
    boolean behind(ReadModelTables tables) {
        long registerPosition = RegisterWriter.lastPosition(tables);
        long builtAt = tables.max(BalancesProjection.DATE_CHECKPOINTS, "position");
        return registerPosition > 0 && (builtAt == 0 || registerPosition - builtAt >= 2L * every);
    }

    /**
     * Replaces every date checkpoint by ones that hold the register lines recorded at or before
     * {@code position} (the event whose hash is {@code eventHash}), read back from the register's runs in position
     * order (their primary key: no sort) and put in date order in memory.
     */
    void build(ReadModelTables tables, long position, String eventHash) {
        DatedPostings lines = new DatedPostings();
        tables.forEach(BalancesProjection.REGISTER_RUNS, List.of("lines"), List.of("first_position"), row -> {
            RegisterBlob.Lines run = RegisterBlob.Lines.ofRun(row.blob(0));
            while (run.next()) {
                if (run.position() <= position) {
                    lines.add(run.position(), LocalDate.parse(run.date()), run.account(), run.commodity(), run.amount());
                }
            }
        });
        build(tables, position, eventHash, lines);
    }

    /** The same from postings a rebuild kept in memory: every register line, none read back. */
    void build(ReadModelTables tables, long position, String eventHash, DatedPostings postings) {
        tables.clear(BalancesProjection.DATE_CHECKPOINTS);
        postings.checkpoints(every, (date, data, lines, summaries) -> tables.upsert(BalancesProjection.DATE_CHECKPOINTS, date,
                position, eventHash, BalanceBlob.digest(data), data, lines, summaries));
    }
}
