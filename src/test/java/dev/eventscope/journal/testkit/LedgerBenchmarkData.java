package dev.eventscope.journal.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Writes a large, realistic hledger journal for benchmarks: a retail business over five years from
 * 2020-01-01 with one EUR commodity and about {@code accountCount} accounts (stores, suppliers,
 * products, partners, cost-centre items). A handful of accounts are hot — {@code assets:bank:main}
 * gets a posting in about 95 % of entries, VAT and payroll accounts in many — while the others are
 * picked with a steep skew, so some have thousands of postings and most have a few. The bank
 * account carries a correct balance assertion at the start of every month. Entries are streamed to
 * disk one at a time, so millions of entries need no memory beyond the balance of each account.
 *
 * <p>Run it from the project folder after {@code mvn -o -q test-compile}:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) \
 *      dev.eventscope.journal.testkit.LedgerBenchmarkData target/bench.journal 1000000 10000 1
 * </pre>
 * where {@code cp.txt} comes from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class LedgerBenchmarkData {

    /** The account that gets a posting in most entries. */
    public static final String MAIN_ACCOUNT = "assets:bank:main";
    private static final Logger LOGGER = LoggerFactory.getLogger(LedgerBenchmarkData.class);
    private static final LocalDate FIRST_DATE = LocalDate.of(2020, 1, 1);
    private static final int SPAN_DAYS = 5 * 365;
    private static final String COMMODITY = "EUR";
    private static final BigDecimal VAT_RATE = new BigDecimal("0.19");
    private static final String[] HOT_ACCOUNTS = {MAIN_ACCOUNT, "assets:receivables:trade", "assets:vat:input",
            "liabilities:vat:output", "liabilities:payroll:taxes", "expenses:payroll:wages", "income:sales:retail",
            "equity:opening-balances"};

    private final int entryCount;
    private final int accountCount;
    private final long seed;

    public LedgerBenchmarkData(int entryCount, int accountCount, long seed) {
        if (entryCount < 1 || accountCount < 10) {
            throw new IllegalArgumentException("a benchmark journal needs at least 1 entry and 10 accounts, was "
                    + entryCount + " entries and " + accountCount + " accounts");
        }
        this.entryCount = entryCount;
        this.accountCount = accountCount;
        this.seed = seed;
    }

    /** Arguments: output file, then optionally entries (1,000,000), accounts (10,000) and seed (1). */
    public static void main(String[] arguments) {
        if (arguments.length < 1) {
            LOGGER.error("usage: LedgerBenchmarkData <output.journal> [entries=1000000] [accounts=10000] [seed=1]");
            return;
        }
        Path output = Path.of(arguments[0]);
        int entries = arguments.length > 1 ? Integer.parseInt(arguments[1].replace("_", "")) : 1_000_000;
        int accounts = arguments.length > 2 ? Integer.parseInt(arguments[2].replace("_", "")) : 10_000;
        long seed = arguments.length > 3 ? Long.parseLong(arguments[3]) : 1;
        long started = System.nanoTime();
        JournalSummary summary = new LedgerBenchmarkData(entries, accounts, seed).writeTo(output);
        LOGGER.info("wrote {} entries with {} postings over {} accounts to {} in {} ms", summary.entryCount(),
                summary.postingCount(), accounts, output, (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes the journal to a UTF-8 file, replacing it. */
    public JournalSummary writeTo(Path file) {
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            return writeTo(writer);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write the benchmark journal to " + file, cannotWrite);
        }
    }

    /** Writes the journal to the writer (flushed, not closed). */
    public JournalSummary writeTo(Writer writer) throws IOException {
        Random random = new Random(seed);
        int coldCount = accountCount - HOT_ACCOUNTS.length;
        Map<String, BigDecimal> balances = new HashMap<>();
        writer.write("; benchmark journal: " + entryCount + " entries, " + accountCount + " accounts, seed " + seed + "\n\n");
        writer.write("commodity 1,000.00 " + COMMODITY + "\n\n");
        for (String account : HOT_ACCOUNTS) {
            writer.write("account " + account + "\n");
        }
        for (int index = 0; index < coldCount; index++) {
            writer.write("account " + coldAccount(index) + "\n");
        }
        writer.write("\n");
        BigDecimal opening = new BigDecimal("250000.00");
        writeEntry(writer, balances, FIRST_DATE, "OPEN", "Opening balance", new String[]{MAIN_ACCOUNT, "equity:opening-balances"},
                new BigDecimal[]{opening, opening.negate()}, false);
        int postingCount = 2;
        int lastMonth = FIRST_DATE.getMonthValue();
        LocalDate date = FIRST_DATE;
        for (int index = 1; index < entryCount; index++) {
            date = FIRST_DATE.plusDays((long) index * SPAN_DAYS / entryCount);
            boolean newMonth = date.getMonthValue() != lastMonth;
            lastMonth = date.getMonthValue();
            int kind = random.nextInt(100);
            String code = "B" + String.format("%08d", index);
            String[] accounts;
            BigDecimal[] amounts;
            String description;
            if (kind < 60) {
                BigDecimal net = cents(random, 50_000_00L);
                BigDecimal vat = net.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP);
                String income = random.nextInt(3) == 0 ? "income:sales:retail" : pickIncome(random, coldCount);
                accounts = new String[]{MAIN_ACCOUNT, income, "liabilities:vat:output"};
                amounts = new BigDecimal[]{net.add(vat), net.negate(), vat.negate()};
                description = "Sale " + index;
            } else if (kind < 90) {
                BigDecimal net = cents(random, 20_000_00L);
                BigDecimal vat = net.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP);
                accounts = new String[]{coldAccount(skewed(random, coldCount)), "assets:vat:input", MAIN_ACCOUNT};
                amounts = new BigDecimal[]{net, vat, net.add(vat).negate()};
                description = "Supplier bill " + index;
            } else if (kind < 95) {
                BigDecimal gross = cents(random, 80_000_00L);
                BigDecimal tax = gross.multiply(new BigDecimal("0.32")).setScale(2, RoundingMode.HALF_UP);
                accounts = new String[]{"expenses:payroll:wages", "liabilities:payroll:taxes", MAIN_ACCOUNT};
                amounts = new BigDecimal[]{gross, tax.negate(), gross.subtract(tax).negate()};
                description = "Payroll " + index;
            } else {
                BigDecimal amount = cents(random, 5_000_00L);
                accounts = new String[]{coldAccount(skewed(random, coldCount)), coldAccount(skewed(random, coldCount))};
                if (accounts[0].equals(accounts[1])) {
                    accounts[1] = "assets:receivables:trade";
                }
                amounts = new BigDecimal[]{amount, amount.negate()};
                description = "Reclassification " + index;
            }
            writeEntry(writer, balances, date, code, description, accounts, amounts, newMonth);
            postingCount += accounts.length;
        }
        writer.flush();
        Map<String, Map<String, BigDecimal>> finalBalances = new HashMap<>();
        balances.forEach((account, quantity) -> finalBalances.put(account, Map.of(COMMODITY, quantity)));
        return new JournalSummary(entryCount, postingCount, FIRST_DATE, date, finalBalances);
    }

    private static void writeEntry(Writer writer, Map<String, BigDecimal> balances, LocalDate date, String code,
                                   String description, String[] accounts, BigDecimal[] amounts, boolean assertMain) throws IOException {
        StringBuilder entry = new StringBuilder(160);
        entry.append(date).append(" * (").append(code).append(") ").append(description).append('\n');
        for (int index = 0; index < accounts.length; index++) {
            BigDecimal balance = balances.merge(accounts[index], amounts[index], BigDecimal::add);
            entry.append("    ").append(accounts[index]).append("  ").append(amounts[index].toPlainString()).append(' ').append(COMMODITY);
            if (assertMain && accounts[index].equals(MAIN_ACCOUNT)) {
                entry.append(" = ").append(balance.toPlainString()).append(' ').append(COMMODITY);
            }
            entry.append('\n');
        }
        entry.append('\n');
        writer.write(entry.toString());
    }

    /** The name of the cold account with this index: a mix of all five account types. */
    static String coldAccount(int index) {
        return switch (index % 20) {
            case 0 -> String.format("assets:stores:store-%05d", index);
            case 1 -> String.format("liabilities:suppliers:supplier-%05d", index);
            case 2, 3 -> String.format("income:products:product-%05d", index);
            case 4 -> index % 100 == 4 ? String.format("equity:partners:partner-%05d", index)
                    : String.format("expenses:travel:trip-%05d", index);
            default -> String.format("expenses:cost-centre-%02d:item-%05d", index % 40, index);
        };
    }

    private static String pickIncome(Random random, int coldCount) {
        int index = skewed(random, coldCount);
        return coldAccount(index - index % 20 + 2 < coldCount ? index - index % 20 + 2 : 2);
    }

    /** An index in [0, count) where low indexes are much more likely: a few accounts get most postings. */
    private static int skewed(Random random, int count) {
        return Math.min(count - 1, (int) (count * Math.pow(random.nextDouble(), 3)));
    }

    private static BigDecimal cents(Random random, long maximumCents) {
        return BigDecimal.valueOf(1 + (long) (random.nextDouble() * maximumCents), 2);
    }
}
