package dev.eventscope.projection;

import dev.eventscope.domain.ledger.Amounts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Register lines kept compactly (position, date as a day number, each account and commodity pair as a small integer,
 * the amount the event holds anyway), so that the date checkpoints are folded from memory in date order: from the
 * postings a rebuild or a first catch-up applied, or from the register read back in position order (no sort by
 * date in SQL). The fold sums per pair without normalising each step and formats a balance only when a checkpoint
 * needs it and it changed since the last one; the blobs are byte for byte those {@link BalanceBlob#encode} writes
 * for a {@link dev.eventscope.domain.ledger.Balances.Fold} of the same lines ({@code DatedPostingsTest}). Each
 * checkpoint also gets the lines dated after the previous one and on or before its date, in date order
 * ({@link DatedLines}): what questions as of a date read instead of an index of the register by date.
 */
final class DatedPostings {

    /**
     * Receives one date checkpoint: its date, its blob, the lines it added to the previous one ({@link DatedLines})
     * and its busiest accounts' posting summaries ({@link PostingSummaries}).
     */
    @FunctionalInterface
    interface Checkpoint {
        void accept(String date, byte[] blob, byte[] lines, byte[] summaries);
    }

    private final Map<String, Integer> accountIds = new HashMap<>();
    private final List<String> accounts = new ArrayList<>();
    private final Map<String, Integer> commodityIds = new HashMap<>();
    private final List<String> commodities = new ArrayList<>();
    /** Per account id: pair id + 1 by commodity id (0: none yet). */
    private final List<int[]> pairsOfAccount = new ArrayList<>();
    private int[] pairAccount = new int[64];
    private int[] pairCommodity = new int[64];
    private int pairs;
    private long[] positions = new long[1_024];
    private int[] days = new int[1_024];
    private int[] pairOf = new int[1_024];
    private BigDecimal[] amounts = new BigDecimal[1_024];
    private int size;

    /** Adds a register line; lines of one date must come in position order. */
    void add(long position, LocalDate date, String account, String commodity, BigDecimal amount) {
        if (size == days.length) {
            int grown = size * 2;
            positions = Arrays.copyOf(positions, grown);
            days = Arrays.copyOf(days, grown);
            pairOf = Arrays.copyOf(pairOf, grown);
            amounts = Arrays.copyOf(amounts, grown);
        }
        positions[size] = position;
        days[size] = (int) date.toEpochDay();
        pairOf[size] = pair(id(account, accountIds, accounts), id(commodity, commodityIds, commodities));
        amounts[size] = amount;
        size++;
    }

    private int id(String name, Map<String, Integer> ids, List<String> names) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            ids.put(name, id);
            names.add(name);
            if (names == accounts) {
                pairsOfAccount.add(new int[0]);
            }
        }
        return id;
    }

    private int pair(int account, int commodity) {
        int[] byCommodity = pairsOfAccount.get(account);
        if (commodity >= byCommodity.length) {
            byCommodity = Arrays.copyOf(byCommodity, commodity + 1);
            pairsOfAccount.set(account, byCommodity);
        }
        if (byCommodity[commodity] == 0) {
            if (pairs == pairAccount.length) {
                pairAccount = Arrays.copyOf(pairAccount, pairs * 2);
                pairCommodity = Arrays.copyOf(pairCommodity, pairs * 2);
            }
            pairAccount[pairs] = account;
            pairCommodity[pairs] = commodity;
            byCommodity[commodity] = ++pairs;
        }
        return byCommodity[commodity] - 1;
    }

    /**
     * Folds every line in date order (lines of one date in the order added) and hands over a checkpoint at the end
     * of a date whenever at least {@code every} lines were added since the previous one, and one at the last date; each
     * with the posting summaries of the accounts that have at least {@code every} lines in all.
     */
    void checkpoints(int every, Checkpoint checkpoint) {
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            // days since 1970 fit in 31 bits with room to spare; the index breaks ties in the order added
            order[i] = ((long) days[i] << 32) | i;
        }
        Arrays.sort(order);
        Blob blob = new Blob();
        Summaries summaries = new Summaries(every);
        DatedLines.Writer lines = new DatedLines.Writer();
        long sinceCheckpoint = 0;
        String date = null;
        for (int k = 0; k < size; k++) {
            int i = (int) order[k];
            if (k == 0 || days[(int) order[k - 1]] != days[i]) {
                date = LocalDate.ofEpochDay(days[i]).toString();
            }
            blob.add(pairOf[i], amounts[i]);
            summaries.add(pairAccount[pairOf[i]], date, positions[i]);
            lines.line(positions[i], date, accounts.get(pairAccount[pairOf[i]]), commodities.get(pairCommodity[pairOf[i]]),
                    amounts[i]);
            sinceCheckpoint++;
            boolean lastOfDate = k + 1 == size || days[(int) order[k + 1]] != days[i];
            if (lastOfDate && (k + 1 == size || sinceCheckpoint >= every)) {
                checkpoint.accept(date, blob.encode(), lines.bytes(), summaries.encode());
                sinceCheckpoint = 0;
            }
        }
    }

    /** Per account: postings, latest date and position so far; encoded for the accounts of at least {@code every} lines. */
    private final class Summaries {
        private final long[] postings = new long[accounts.size()];
        private final String[] lastDates = new String[accounts.size()];
        private final long[] lastPositions = new long[accounts.size()];
        /** The busy accounts' ids in name order. */
        private final int[] busy;
        private final PostingSummaries.Writer writer = new PostingSummaries.Writer();

        Summaries(int every) {
            Arrays.fill(lastDates, "");
            int[] linesOf = new int[accounts.size()];
            for (int i = 0; i < size; i++) {
                linesOf[pairAccount[pairOf[i]]]++;
            }
            busy = IntStream.range(0, linesOf.length).filter(account -> linesOf[account] >= every).boxed()
                    .sorted(Comparator.comparing(accounts::get)).mapToInt(Integer::intValue).toArray();
        }

        /** Lines come in date order, so the date is the latest; positions of one date come in the order added. */
        void add(int account, String date, long position) {
            postings[account]++;
            lastDates[account] = date;
            lastPositions[account] = Math.max(lastPositions[account], position);
        }

        byte[] encode() {
            for (int account : busy) {
                writer.summary(accounts.get(account), postings[account], lastDates[account], lastPositions[account]);
            }
            return writer.bytes();
        }
    }

    /** The running sums per pair, and their blob (lines sorted by account, then commodity; zeros left out). */
    private final class Blob {
        private final BigDecimal[] sums = new BigDecimal[pairs];
        /** Each nonzero sum's blob line in UTF-8, null while it changed since it was last formatted. */
        private final byte[][] lines = new byte[pairs][];
        private final int[] sorted = sortedPairs();
        /** The blob being written, reused from one checkpoint to the next. */
        private byte[] buffer = new byte[1 << 16];

        void add(int pair, BigDecimal amount) {
            BigDecimal sum = sums[pair];
            sums[pair] = sum == null ? amount : sum.add(amount);
            lines[pair] = null;
        }

        byte[] encode() {
            int size = 0;
            for (int pair : sorted) {
                BigDecimal sum = sums[pair];
                if (sum == null || sum.signum() == 0) {
                    continue;
                }
                byte[] line = lines[pair];
                if (line == null) {
                    line = (accounts.get(pairAccount[pair]) + '\t' + commodities.get(pairCommodity[pair]) + '\t'
                            + Amounts.normalise(sum).toPlainString() + '\n').getBytes(StandardCharsets.UTF_8);
                    lines[pair] = line;
                }
                if (size + line.length > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + line.length));
                }
                System.arraycopy(line, 0, buffer, size, line.length);
                size += line.length;
            }
            return Arrays.copyOf(buffer, size);
        }

        private int[] sortedPairs() {
            Integer[] byName = new Integer[pairs];
            for (int pair = 0; pair < pairs; pair++) {
                byName[pair] = pair;
            }
            Arrays.sort(byName, Comparator.<Integer, String>comparing(pair -> accounts.get(pairAccount[pair]))
                    .thenComparing(pair -> commodities.get(pairCommodity[pair])));
            return Arrays.stream(byName).mapToInt(Integer::intValue).toArray();
        }
    }
}
