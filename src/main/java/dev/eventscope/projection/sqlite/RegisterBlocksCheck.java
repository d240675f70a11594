package dev.eventscope.projection.sqlite;

import dev.eventscope.projection.ReadModelException;
import dev.eventscope.projection.RecordedRegister.Line;
import dev.eventscope.projection.RegisterBlob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For {@code verify}: the balances register's blocks (one account and commodity's lines, which balances at a position
 * and an account's register read) must hold exactly the lines its runs hold (which verify compares with the events),
 * in the same order, with the columns they are found by (last position, line count, last running balance, dates)
 * true to their lines. Each account and commodity's lines are digested from both sides and the digests compared.
 */
final class RegisterBlocksCheck {

    private final Connection connection;
    private final String table;
    private final long position;
    private final Map<String, MessageDigest> fromRuns = new HashMap<>();
    private final RegisterBlob.Writer scratch = new RegisterBlob.Writer(false);

    RegisterBlocksCheck(Connection connection, String table, long position) {
        this.connection = connection;
        this.table = table;
        this.position = position;
    }

    private static String key(String account, String commodity) {
        return account + "\n" + commodity;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private void feed(MessageDigest digest, Line line) {
        scratch.line(line.position(), null, null, line.amount(), line.runningBalance(), line.entryId(), line.postingIndex(),
                line.date(), line.description(), line.reverses());
        scratch.digestInto(digest);
    }

    /** A line of the runs, in position order. */
    void add(Line line) {
        feed(fromRuns.computeIfAbsent(key(line.account(), line.commodity()), key -> digest()), line);
    }

    /** How the blocks differ from the lines given to {@link #add}, when they do. */
    Optional<String> differences() throws SQLException {
        Map<String, MessageDigest> fromBlocks = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT first_position, account, commodity,"
                + " last_position, lines_count, last_balance, min_date, max_date, lines FROM " + table
                + " WHERE first_position <= ? ORDER BY first_position")) {
            statement.setLong(1, position);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String account = rows.getString(2);
                    String commodity = rows.getString(3);
                    MessageDigest digest = fromBlocks.computeIfAbsent(key(account, commodity), key -> digest());
                    Optional<String> wrong;
                    try {
                        wrong = block(rows, account, commodity, digest);
                    } catch (ReadModelException unreadable) {
                        wrong = Optional.of("cannot be read (" + unreadable.getMessage() + ")");
                    }
                    if (wrong.isPresent()) {
                        return Optional.of("their register's block of " + account + " in " + commodity + " at position "
                                + rows.getLong(1) + " " + wrong.get());
                    }
                }
            }
        }
        for (Map.Entry<String, MessageDigest> blocks : fromBlocks.entrySet()) {
            MessageDigest runs = fromRuns.remove(blocks.getKey());
            if (runs == null || !Arrays.equals(runs.digest(), blocks.getValue().digest())) {
                return Optional.of(differ(blocks.getKey()));
            }
        }
        return fromRuns.keySet().stream().sorted().findFirst().map(RegisterBlocksCheck::differ);
    }

    private static String differ(String key) {
        String[] pair = key.split("\n", 2);
        return "their register's blocks of " + pair[0] + " in " + pair[1] + " do not hold the lines its runs hold for them";
    }

    private Optional<String> block(ResultSet rows, String account, String commodity, MessageDigest digest)
            throws SQLException {
        RegisterBlob.Lines lines = RegisterBlob.Lines.ofBlock(rows.getBytes(9), account, commodity);
        long count = 0;
        long last = 0;
        String balance = null;
        String minDate = null;
        String maxDate = null;
        while (lines.next()) {
            if (lines.position() > position) {
                continue;
            }
            Line line = lines.line();
            feed(digest, line);
            count++;
            last = line.position();
            balance = line.runningBalance();
            minDate = minDate == null || line.date().compareTo(minDate) < 0 ? line.date() : minDate;
            maxDate = maxDate == null || line.date().compareTo(maxDate) > 0 ? line.date() : maxDate;
        }
        if (rows.getLong(4) > position) {
            return Optional.empty();
        }
        if (count != rows.getLong(5) || last != rows.getLong(4) || !String.valueOf(balance).equals(rows.getString(6))
                || !String.valueOf(minDate).equals(rows.getString(7)) || !String.valueOf(maxDate).equals(rows.getString(8))) {
            return Optional.of("says it holds " + rows.getLong(5) + " lines up to position " + rows.getLong(4)
                    + " with a last balance of " + rows.getString(6) + ", dated " + rows.getString(7) + " to "
                    + rows.getString(8) + "; it holds " + count + " up to position " + last + " with a last balance of "
                    + balance + ", dated " + minDate + " to " + maxDate);
        }
        return Optional.empty();
    }
}
