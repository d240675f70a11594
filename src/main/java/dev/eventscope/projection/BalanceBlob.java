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

    /** One account's balances from the blob, without decoding the other accounts' lines (mutable map). */
    public static SortedMap<String, BigDecimal> decodeAccount(byte[] data, String account) {
        SortedMap<String, BigDecimal> balances = new TreeMap<>();
        String text = new String(data, StandardCharsets.UTF_8);
        String prefix = account + '\t';
        int start = text.startsWith(prefix) ? 0 : text.indexOf('\n' + prefix);
        if (start < 0) {
            return balances;
        }
        start = start == 0 && text.startsWith(prefix) ? 0 : start + 1;
        while (start < text.length() && text.startsWith(prefix, start)) {
            int end = text.indexOf('\n', start);
            int secondTab = text.indexOf('\t', start + prefix.length());
            balances.put(text.substring(start + prefix.length(), secondTab), new BigDecimal(text.substring(secondTab + 1, end)));
            start = end + 1;
        }
        return balances;
    }

    public static String digest(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
