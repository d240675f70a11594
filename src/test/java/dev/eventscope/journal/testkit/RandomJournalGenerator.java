package dev.eventscope.journal.testkit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a random but valid hledger journal, the same bytes for the same seed and size.
 *
 * <p>The journal declares its 1 to 3 commodities (symbols before and after the number, with and
 * without a space) and all its accounts (every top type: assets, liabilities, equity, income or
 * revenue, expenses; some names hold a space or a non-ASCII letter). Entries are dated day by day
 * over about two years from 2024-01-01 and have 2 to 5 postings, status marks on entries and
 * postings, codes, descriptions with a payee and note, comments with tags, occasional elided
 * amounts, unit ({@code @}) and total ({@code @@}) prices, amounts with and without thousands
 * separators, and balance assertions that hold. Entries are written one at a time, so any size fits.
 *
 * <p>{@link #outOfDateOrder()} gives a generator whose entries stand out of date order in the file (entries of
 * one date keep their order) and whose balance assertions, and balance assignments written in place of some
 * amounts ({@code account  = BALANCE}), hold in date order, as hledger checks and fills them, and not in file
 * order; it keeps every entry in memory before writing.
 *
 * <p>{@link #withMarketPrices()} adds {@code P} directives between the entries (drawn from a random source of their
 * own, so the entries stay the same bytes): prices between the journal's commodities and of a commodity no posting
 * uses ({@code XAU}), in both directions, with 2 to 4 decimals, sometimes two for the same day, so that valuations
 * meet direct, reverse and chained prices.
 *
 * <p>{@link #writeTo} returns a {@link JournalSummary} with the balances the journal must produce.
 */
public final class RandomJournalGenerator {

    private static final LocalDate FIRST_DATE = LocalDate.of(2024, 1, 1);
    private static final int SPAN_DAYS = 730;
    private static final List<AmountFormat> FORMATS = List.of(AmountFormat.EURO_CODE, AmountFormat.DOLLAR,
            AmountFormat.EURO_SIGN, AmountFormat.POUND, AmountFormat.KORUNA, AmountFormat.FRANC);
    private static final List<String> ACCOUNT_POOL = List.of(
            "assets:bank:checking", "assets:bank:savings", "assets:cash", "assets:receivables:customers",
            "assets:inventory", "assets:prepaid:insurance", "assets:brokerage:cash",
            "liabilities:credit-card:visa", "liabilities:payables:suppliers", "liabilities:loans:car",
            "liabilities:taxes:vat", "liabilities:accrued",
            "equity:opening-balances", "equity:retained-earnings", "equity:owner draws",
            "income:salary", "income:sales:services", "income:interest", "income:dividends",
            "revenue:consulting", "revenue:licences",
            "expenses:food:groceries", "expenses:food:eating out", "expenses:rent", "expenses:travel:flights",
            "expenses:travel:hotels", "expenses:utilities", "expenses:insurance", "expenses:bank fees",
            "expenses:office:supplies", "expenses:café", "expenses:software", "expenses:taxes");
    private static final List<String> PAYEES = List.of("Acme Supplies", "City Utilities", "Grocery Corner",
            "Müller & Söhne", "Northwind Traders", "Bank", "Landlord", "Employer Ltd", "Café Central", "Airline");
    private static final List<String> NOTES = List.of("monthly", "refund", "invoice", "transfer", "adjustment",
            "deposit", "fee", "purchase", "payment");

    private final long seed;
    private final int entryCount;
    private final boolean outOfDateOrder;
    private final boolean marketPrices;

    public RandomJournalGenerator(long seed, int entryCount) {
        if (entryCount < 0) {
            throw new IllegalArgumentException("entry count must not be negative, was " + entryCount);
        }
        this.seed = seed;
        this.entryCount = entryCount;
        this.outOfDateOrder = false;
        this.marketPrices = false;
    }

    private RandomJournalGenerator(long seed, int entryCount, boolean outOfDateOrder, boolean marketPrices) {
        this.seed = seed;
        this.entryCount = entryCount;
        this.outOfDateOrder = outOfDateOrder;
        this.marketPrices = marketPrices;
    }

    /** The same generator writing its entries out of date order, with assignments; see the class comment. */
    public RandomJournalGenerator outOfDateOrder() {
        return new RandomJournalGenerator(seed, entryCount, true, marketPrices);
    }

    /** The same journal with {@code P} directives between its entries. */
    public RandomJournalGenerator withMarketPrices() {
        return new RandomJournalGenerator(seed, entryCount, outOfDateOrder, true);
    }

    /** Writes the journal to a UTF-8 file, replacing it. */
    public JournalSummary writeTo(Path file) {
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            return writeTo(writer);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException("cannot write the random journal to " + file, cannotWrite);
        }
    }

    /** Writes the journal to the writer (which is flushed but not closed). */
    public JournalSummary writeTo(Writer writer) throws IOException {
        Random random = new Random(seed);
        List<AmountFormat> formats = new ArrayList<>(FORMATS);
        Collections.shuffle(formats, random);
        formats = List.copyOf(formats.subList(0, 1 + random.nextInt(3)));
        List<String> accounts = chooseAccounts(random);
        Map<String, Map<String, BigDecimal>> balances = new HashMap<>();

        writer.write("; random journal, seed " + seed + ", " + entryCount + " entries\n\n");
        for (AmountFormat format : formats) {
            writer.write(format.directive() + "\n");
        }
        writer.write("\n");
        for (String account : accounts) {
            writer.write("account " + account + (random.nextInt(4) == 0 ? "  ; declared for the generator" : "") + "\n");
        }
        writer.write("\n");

        int postingCount = 0;
        LocalDate lastDate = FIRST_DATE;
        List<String> entries = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        Writer entryWriter = writer;
        Random prices = new Random(seed * 31 + 7);
        for (int index = 0; index < entryCount; index++) {
            LocalDate date = FIRST_DATE.plusDays((long) index * SPAN_DAYS / Math.max(entryCount, 1));
            lastDate = date;
            if (outOfDateOrder) {
                entryWriter = new java.io.StringWriter();
            }
            if (marketPrices) {
                writePrices(entryWriter, prices, formats, date);
            }
            if (random.nextInt(12) == 0) {
                entryWriter.write((random.nextBoolean() ? "; " : "# ") + "note before entry " + (index + 1) + "\n");
            }
            EntryWriter entry = new EntryWriter(random, formats, accounts, balances, outOfDateOrder);
            postingCount += entry.write(entryWriter, index, date);
            entryWriter.write("\n");
            if (outOfDateOrder) {
                entries.add(entryWriter.toString());
                dates.add(date);
            }
        }
        for (String entry : shuffledKeepingEachDatesOrder(entries, dates, random)) {
            writer.write(entry);
        }
        writer.flush();
        return new JournalSummary(entryCount, postingCount, FIRST_DATE, entryCount == 0 ? FIRST_DATE : lastDate, balances);
    }

    /** Now and then one or two prices dated on or a few days before the entry's date. */
    private static void writePrices(Writer writer, Random random, List<AmountFormat> formats, LocalDate date) throws IOException {
        if (random.nextInt(6) != 0) {
            return;
        }
        int count = 1 + random.nextInt(2);
        for (int index = 0; index < count; index++) {
            AmountFormat in = formats.get(random.nextInt(formats.size()));
            List<String> priced = new ArrayList<>();
            formats.forEach(format -> priced.add(format.symbol()));
            priced.remove(in.symbol());
            priced.add("XAU");
            String commodity = priced.get(random.nextInt(priced.size()));
            BigDecimal rate = BigDecimal.valueOf(1 + random.nextInt(300_000), 2 + random.nextInt(3));
            writer.write("P " + date.minusDays(random.nextInt(4)) + " " + commodity + " " + in.formatPrice(rate) + "\n");
        }
        writer.write("\n");
    }

    /** The entries in a random order, except that entries of one date keep their order (hledger's order within a date). */
    private static List<String> shuffledKeepingEachDatesOrder(List<String> entries, List<LocalDate> dates, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            order.add(index);
        }
        Collections.shuffle(order, random);
        Map<LocalDate, List<Integer>> slotsByDate = new HashMap<>();
        for (int slot = 0; slot < order.size(); slot++) {
            slotsByDate.computeIfAbsent(dates.get(order.get(slot)), ignored -> new ArrayList<>()).add(slot);
        }
        for (List<Integer> slots : slotsByDate.values()) {
            List<Integer> sameDate = new ArrayList<>();
            slots.forEach(slot -> sameDate.add(order.get(slot)));
            Collections.sort(sameDate);
            for (int at = 0; at < slots.size(); at++) {
                order.set(slots.get(at), sameDate.get(at));
            }
        }
        List<String> shuffled = new ArrayList<>();
        order.forEach(index -> shuffled.add(entries.get(index)));
        return shuffled;
    }

    private static List<String> chooseAccounts(Random random) {
        List<String> accounts = new ArrayList<>();
        for (String account : ACCOUNT_POOL) {
            if (random.nextInt(3) != 0) {
                accounts.add(account);
            }
        }
        // Always one account of every top type, so each type appears in every journal.
        for (String top : List.of("assets:bank:checking", "liabilities:credit-card:visa", "equity:opening-balances",
                "income:salary", "revenue:consulting", "expenses:rent")) {
            if (!accounts.contains(top)) {
                accounts.add(top);
            }
        }
        int extra = random.nextInt(8);
        for (int number = 1; number <= extra; number++) {
            accounts.add("expenses:project-" + number + ":materials");
        }
        return List.copyOf(accounts);
    }

    /** Writes one entry and keeps the running balances in step with what hledger will compute. */
    private static final class EntryWriter {
        private final Random random;
        private final List<AmountFormat> formats;
        private final List<String> accounts;
        private final Map<String, Map<String, BigDecimal>> balances;
        private final boolean assignments;
        private boolean entryPriced;

        EntryWriter(Random random, List<AmountFormat> formats, List<String> accounts,
                    Map<String, Map<String, BigDecimal>> balances, boolean assignments) {
            this.assignments = assignments;
            this.random = random;
            this.formats = formats;
            this.accounts = accounts;
            this.balances = balances;
        }

        int write(Writer writer, int index, LocalDate date) throws IOException {
            writer.write(header(index, date));
            int postings = 2 + random.nextInt(4);
            List<String> chosen = new ArrayList<>(accounts);
            Collections.shuffle(chosen, random);
            chosen = chosen.subList(0, Math.min(postings, chosen.size()));
            boolean priced = formats.size() > 1 && random.nextInt(4) == 0;
            entryPriced = priced;
            AmountFormat main = formats.get(random.nextInt(formats.size()));
            BigDecimal sum = BigDecimal.ZERO;
            int first = 0;
            if (priced) {
                AmountFormat other = formats.get((formats.indexOf(main) + 1 + random.nextInt(formats.size() - 1)) % formats.size());
                sum = writePricedPosting(writer, chosen.get(0), other, main);
                first = 1;
            }
            for (int position = first; position < chosen.size() - 1; position++) {
                BigDecimal quantity = randomQuantity();
                writePosting(writer, chosen.get(position), main, quantity, "");
                sum = sum.add(quantity);
            }
            String lastAccount = chosen.get(chosen.size() - 1);
            BigDecimal lastQuantity = sum.negate();
            if (random.nextInt(5) == 0 || lastQuantity.signum() == 0) {
                writer.write("    " + lastAccount + postingComment() + "\n");
                add(lastAccount, main, lastQuantity);
            } else {
                writePosting(writer, lastAccount, main, lastQuantity, "");
            }
            return chosen.size();
        }

        private String header(int index, LocalDate date) {
            StringBuilder header = new StringBuilder(date.toString());
            int status = random.nextInt(20);
            if (status < 12) {
                header.append(" *");
            } else if (status < 15) {
                header.append(" !");
            }
            if (random.nextInt(3) == 0) {
                header.append(random.nextBoolean() ? " (" + (index + 1) + ")" : " (INV-" + date.getYear() + "-" + String.format("%03d", index % 1000) + ")");
            }
            header.append(' ').append(PAYEES.get(random.nextInt(PAYEES.size())));
            if (random.nextBoolean()) {
                header.append(" | ").append(NOTES.get(random.nextInt(NOTES.size()))).append(" #").append(index + 1);
            }
            if (random.nextInt(3) == 0) {
                header.append("  ; entry:").append(index + 1).append(", batch:b").append(random.nextInt(9));
            }
            header.append('\n');
            if (random.nextInt(10) == 0) {
                header.append("    ; a comment line on its own, tag:extra\n");
            }
            return header.toString();
        }

        private BigDecimal writePricedPosting(Writer writer, String account, AmountFormat priced, AmountFormat cost) throws IOException {
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(2000)).setScale(2);
            if (random.nextInt(3) == 0) {
                quantity = quantity.negate();
            }
            BigDecimal unitPrice = BigDecimal.valueOf(1 + random.nextInt(400), 2);
            BigDecimal costQuantity = quantity.multiply(unitPrice).setScale(2);
            String price = random.nextBoolean()
                    ? " @ " + cost.format(unitPrice, false, false)
                    : " @@ " + cost.format(costQuantity.abs(), true, false);
            writePosting(writer, account, priced, quantity, price);
            return costQuantity;
        }

        private void writePosting(Writer writer, String account, AmountFormat format, BigDecimal quantity, String price) throws IOException {
            BigDecimal balance = add(account, format, quantity);
            StringBuilder line = new StringBuilder("    ");
            if (random.nextInt(15) == 0) {
                line.append(random.nextBoolean() ? "* " : "! ");
            }
            line.append(account);
            line.append(" ".repeat(2 + random.nextInt(20)));
            if (assignments && !entryPriced && random.nextInt(8) == 0) {
                // a balance assignment: hledger gives the posting what brings the balance there, in date order (and
                // drops the prices of its transaction, so none is written in one that has a price)
                line.append("= ").append(format.format(balance, true, false)).append(postingComment()).append('\n');
                writer.write(line.toString());
                return;
            }
            line.append(format.format(quantity, random.nextInt(4) != 0, random.nextBoolean()));
            line.append(price);
            if (random.nextInt(12) == 0) {
                line.append(" = ").append(format.format(balance, true, false));
            }
            line.append(postingComment()).append('\n');
            writer.write(line.toString());
        }

        private String postingComment() {
            int kind = random.nextInt(12);
            if (kind == 0) {
                return "  ; checked";
            }
            if (kind == 1) {
                return "  ; receipt:r-" + random.nextInt(10_000);
            }
            return "";
        }

        private BigDecimal randomQuantity() {
            long cents = 1 + (long) (Math.pow(random.nextDouble(), 3) * 500_000_00L);
            return BigDecimal.valueOf(random.nextInt(3) == 0 ? -cents : cents, 2);
        }

        private BigDecimal add(String account, AmountFormat format, BigDecimal quantity) {
            return balances.computeIfAbsent(account, ignored -> new HashMap<>())
                    .merge(format.symbol(), quantity, BigDecimal::add);
        }
    }
}
