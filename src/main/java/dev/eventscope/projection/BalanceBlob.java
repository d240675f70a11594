package dev.eventscope.projection;

import dev.eventscope.domain.ledger.Balances;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/** The compact form of ledger-wide balances in a {@link BalanceCheckpoint}: sorted lines of account, commodity, amount. */
public final class BalanceBlob {

    private BalanceBlob() {
    }

    public static byte[] encode(Balances balances) {
        return encode(balances.toFold());
    }

    /** The fold's balances, zeros left out. */
    public static byte[] encode(Balances.Fold balances) {
        Writer writer = new Writer(balances.accounts());
        balances.forEach((account, commodity, amount) -> {
            if (amount.signum() != 0) {
                writer.line(account, commodity, amount.toPlainString());
            }
        });
        return writer.bytes();
    }

    /** Writes a blob line by line, for a caller that holds the amounts' plain text already (lines sorted, no zeros). */
    static final class Writer {
        private final StringBuilder text;

        Writer(int accounts) {
            text = new StringBuilder(accounts * 40);
        }

        void line(String account, String commodity, String plainAmount) {
            text.append(account).append('\t').append(commodity).append('\t').append(plainAmount).append('\n');
        }

        byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A fold holding the blob's balances, so a reader can add later postings to it. */
    public static Balances.Fold decode(byte[] data) {
        Balances.Fold balances = Balances.fold();
        String text = new String(data, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int firstTab = text.indexOf('\t', start);
            int secondTab = text.indexOf('\t', firstTab + 1);
            balances.add(text.substring(start, firstTab), text.substring(firstTab + 1, secondTab),
                    new BigDecimal(text.substring(secondTab + 1, end)));
            start = end + 1;
        }
        return balances;
    }

    /**
     * One account's balances from the blob (mutable map): its first line found by a binary search over the lines,
     * which are sorted by account, so only a few account fields are decoded (not the whole blob: 400 KB for 10,000
     * accounts, most of the cost of one account's question as of a date before).
     */
    public static SortedMap<String, BigDecimal> decodeAccount(byte[] data, String account) {
        SortedMap<String, BigDecimal> balances = new TreeMap<>();
        int low = 0;
        int high = data.length;
        // low and high are line starts (or the end); every line before low is of an account before this one
        while (low < high) {
            int start = lineStart(data, (low + high) >>> 1);
            int end = lineEnd(data, start);
            if (accountOf(data, start, end).compareTo(account) < 0) {
                low = end + 1;
            } else {
                high = start;
            }
        }
        for (int start = low; start < data.length; ) {
            int end = lineEnd(data, start);
            String[] fields = new String(data, start, end - start, StandardCharsets.UTF_8).split("\t", 3);
            if (!fields[0].equals(account)) {
                break;
            }
            balances.put(fields[1], new BigDecimal(fields[2]));
            start = end + 1;
        }
        return balances;
    }

    private static int lineStart(byte[] data, int at) {
        int start = at;
        while (start > 0 && data[start - 1] != '\n') {
            start--;
        }
        return start;
    }

    private static int lineEnd(byte[] data, int start) {
        int end = start;
        while (end < data.length && data[end] != '\n') {
            end++;
        }
        return end;
    }

    private static String accountOf(byte[] data, int start, int end) {
        int tab = start;
        while (tab < end && data[tab] != '\t') {
            tab++;
        }
        return new String(data, start, tab - start, StandardCharsets.UTF_8);
    }

    public static String digest(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
