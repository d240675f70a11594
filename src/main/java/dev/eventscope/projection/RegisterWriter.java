package dev.eventscope.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the balances read model's register as blobs ({@link RegisterBlob}, session 23): every line once in
 * {@code register_runs} (256 consecutive lines a row, keyed by the first one's position), and once in
 * {@code register_blocks} (256 lines of one account and commodity a row, keyed by the first one's position, with the
 * account, commodity, last position, line count, last running balance and the earliest and latest date in columns).
 * A full row is written once. The open run (fewer lines) is written at the end of every batch, so every committed
 * line is in the runs; the open blocks (one per account and commodity) are written at the end of every batch of a
 * catch-up, and only at the end of a build from nothing (a rebuild, or the first catch-up of a new read model), which
 * is what saves the rows and the index. A build that a crash stopped finds the lines its runs hold past the blocks and
 * puts them in the open blocks again ({@link #resume}).
 */
final class RegisterWriter {

    static final String RUNS = BalancesProjection.REGISTER_RUNS;
    static final String BLOCKS = BalancesProjection.REGISTER_BLOCKS;

    /** Receives one account and commodity's last running balance. */
    @FunctionalInterface
    interface LastBalance {
        void balance(String account, String commodity, String runningBalance);
    }

    private Run run = new Run();
    /** Whether the open run is known (else it is read before the first line is added). */
    private boolean runKnown;
    /**
     * Whether every account and commodity's last block is known (a register built from nothing, or one whose blocks
     * were all read when a build resumed); else each one's is looked up by the blocks' index the first time a line is
     * added to it (a later catch-up: a few lookups, not a read of every block's row on every open).
     */
    private boolean blocksKnown;
    private final Map<String, Map<String, Block>> blocks = new HashMap<>();
    private final List<Block> dirty = new ArrayList<>();

    /** The position of the register's last line; 0 when it has none. */
    static long lastPosition(ReadModelTables tables) {
        return tables.last(RUNS, List.of(), List.of(), "first_position").map(row -> row.integer(1)).orElse(0L);
    }

    /** A writer of a register with no lines. */
    static RegisterWriter empty() {
        RegisterWriter writer = new RegisterWriter();
        writer.runKnown = true;
        writer.blocksKnown = true;
        return writer;
    }

    /** A writer that continues the register the tables hold, whose open blocks are in them (a later catch-up). */
    static RegisterWriter read(ReadModelTables tables) {
        return new RegisterWriter();
    }

    /**
     * A writer that continues a build a crash stopped (its open blocks were never written): the lines the runs hold
     * after each account and commodity's last block go into its open block; {@code last} receives every account and
     * commodity's last running balance.
     */
    static RegisterWriter resume(ReadModelTables tables, LastBalance last) {
        RegisterWriter writer = new RegisterWriter();
        writer.blocksKnown = true;
        tables.forEach(BLOCKS, List.of("first_position", "account", "commodity", "lines_count"), List.of("first_position"),
                row -> writer.block(row.text(1), row.text(2)).lastStored(row.integer(0), row.integer(3)));
        Map<String, Map<String, Long>> covered = new HashMap<>();
        tables.forEach(BLOCKS, List.of("account", "commodity", "last_position"), List.of("first_position"),
                row -> covered.computeIfAbsent(row.text(0), account -> new HashMap<>()).merge(row.text(1), row.integer(2), Math::max));
        Map<String, Map<String, String>> balances = new HashMap<>();
        tables.forEach(RUNS, List.of("lines"), List.of("first_position"), row -> {
            RegisterBlob.Lines lines = RegisterBlob.Lines.ofRun(row.blob(0));
            while (lines.next()) {
                String account = lines.account();
                String commodity = lines.commodity();
                balances.computeIfAbsent(account, name -> new HashMap<>()).put(commodity, lines.runningBalanceText());
                long through = covered.getOrDefault(account, Map.of()).getOrDefault(commodity, 0L);
                if (lines.position() > through) {
                    writer.toBlock(tables, lines.position(), account, commodity, lines.amountText(),
                            lines.runningBalanceText(), lines.entryId(), lines.postingIndex(), lines.date(),
                            lines.description(), lines.reverses());
                }
            }
        });
        balances.forEach((account, perCommodity) -> perCommodity.forEach(
                (commodity, balance) -> last.balance(account, commodity, balance)));
        return writer;
    }

    private void readRun(ReadModelTables tables) {
        runKnown = true;
        Optional<ReadModelRow> last = tables.last(RUNS, List.of(), List.of(), "first_position");
        if (last.isEmpty()) {
            return;
        }
        ReadModelRow row = last.get();
        if (row.integer(2) < RegisterBlob.LINES) {
            run = new Run();
            run.first = row.integer(0);
            run.last = row.integer(1);
            run.count = (int) row.integer(2);
            run.lines = new RegisterBlob.Writer(true, row.blob(3));
        }
    }

    /** Adds a line: to the open run, and to its account and commodity's open block; writes either once it is full. */
    void line(ReadModelTables tables, long position, String account, String commodity, String amount, String runningBalance,
              String entryId, long postingIndex, String date, String description, String reverses) {
        if (!runKnown) {
            readRun(tables);
        }
        if (run.count == 0) {
            run.first = position;
        }
        run.lines.line(position, account, commodity, amount, runningBalance, entryId, postingIndex, date, description,
                reverses);
        run.last = position;
        run.count++;
        if (run.count == RegisterBlob.LINES) {
            run.write(tables);
            run = new Run();
        }
        toBlock(tables, position, account, commodity, amount, runningBalance, entryId, postingIndex, date, description,
                reverses);
    }

    private void toBlock(ReadModelTables tables, long position, String account, String commodity, String amount,
                         String runningBalance, String entryId, long postingIndex, String date, String description,
                         String reverses) {
        Block block = block(account, commodity);
        block.load(tables);
        if (block.count == 0) {
            block.first = position;
            block.minDate = date;
            block.maxDate = date;
        } else {
            block.minDate = date.compareTo(block.minDate) < 0 ? date : block.minDate;
            block.maxDate = date.compareTo(block.maxDate) > 0 ? date : block.maxDate;
        }
        block.lines.line(position, account, commodity, amount, runningBalance, entryId, postingIndex, date, description,
                reverses);
        block.last = position;
        block.balance = runningBalance;
        block.count++;
        if (block.count == RegisterBlob.LINES) {
            block.write(tables);
            block.dirty = false;
            block.reset();
        } else if (!block.dirty) {
            block.dirty = true;
            dirty.add(block);
        }
    }

    private Block block(String account, String commodity) {
        Map<String, Block> perCommodity = blocks.get(account);
        if (perCommodity == null) {
            perCommodity = new HashMap<>();
            blocks.put(account, perCommodity);
        }
        Block block = perCommodity.get(commodity);
        if (block == null) {
            block = new Block(account, commodity, !blocksKnown);
            perCommodity.put(commodity, block);
        }
        return block;
    }

    /** The end of a batch: the open run is written; the open blocks too unless {@code deferBlocks} (a build). */
    void endOfBatch(ReadModelTables tables, boolean deferBlocks) {
        if (run.count > 0) {
            run.write(tables);
        }
        if (!deferBlocks) {
            writeOpenBlocks(tables);
        }
    }

    /** Writes every open block a line was added to since it was last written. */
    void writeOpenBlocks(ReadModelTables tables) {
        for (Block block : dirty) {
            if (block.dirty && block.count > 0) {
                block.write(tables);
            }
            block.dirty = false;
        }
        dirty.clear();
    }

    private static final class Run {
        private long first;
        private long last;
        private int count;
        private RegisterBlob.Writer lines = new RegisterBlob.Writer(true);

        void write(ReadModelTables tables) {
            tables.upsert(RUNS, first, last, (long) count, lines.bytes());
        }
    }

    private static final class Block {
        private final String account;
        private final String commodity;
        private long first;
        private long last;
        private int count;
        private String balance;
        private String minDate;
        private String maxDate;
        private boolean dirty;
        /** Whether its last stored block is still to be looked up (see {@link #blocksKnown}). */
        private boolean lookUp;
        /** The stored open block (fewer lines than a full one) not read yet: its first position, else 0. */
        private long unread;
        private RegisterBlob.Writer lines = new RegisterBlob.Writer(false);

        Block(String account, String commodity, boolean lookUp) {
            this.account = account;
            this.commodity = commodity;
            this.lookUp = lookUp;
        }

        /** The account and commodity's last block in the tables: the one lines are added to when it is not full. */
        void lastStored(long firstPosition, long lines) {
            unread = lines < RegisterBlob.LINES ? firstPosition : 0;
        }

        /** Reads the stored open block before a line is added to it. */
        void load(ReadModelTables tables) {
            ReadModelRow row;
            if (lookUp) {
                lookUp = false;
                Optional<ReadModelRow> last = tables.last(BLOCKS, List.of("account", "commodity"), List.of(account, commodity),
                        "first_position");
                if (last.isEmpty() || last.get().integer(4) >= RegisterBlob.LINES) {
                    return;
                }
                row = last.get();
            } else if (unread != 0) {
                long at = unread;
                row = tables.find(BLOCKS, at).orElseThrow(() -> new ReadModelException(
                        "The balances read model's register block at position " + at + " is gone: rebuild the balances projection."));
            } else {
                return;
            }
            unread = 0;
            first = row.integer(0);
            last = row.integer(3);
            count = (int) row.integer(4);
            balance = row.text(5);
            minDate = row.text(6);
            maxDate = row.text(7);
            lines = new RegisterBlob.Writer(false, row.blob(8));
        }

        void reset() {
            count = 0;
            lines = new RegisterBlob.Writer(false);
        }

        void write(ReadModelTables tables) {
            tables.upsert(BLOCKS, first, account, commodity, last, (long) count, balance, minDate, maxDate, lines.bytes());
        }
    }
}
