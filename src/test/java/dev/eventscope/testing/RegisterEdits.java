package dev.eventscope.testing;

import dev.eventscope.projection.RecordedRegister.Line;
import dev.eventscope.projection.RegisterBlob;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits the balances register as someone who can write the read models' file would (session 23: its lines are kept
 * in blobs, see {@link RegisterBlob}): the last line of the runs (the lines by position), or of the blocks (one
 * account and commodity's lines), changed by a function and written back in place.
 */
public final class RegisterEdits {

    private RegisterEdits() {
    }

    /** The balances read model's generation in service in the file {@code connection} is open on. */
    public static long generation(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT generation FROM projection_state WHERE name = 'balances'")) {
            if (!row.next()) {
                throw new AssertionError("no balances read model");
            }
            return row.getLong(1);
        }
    }

    /** Edits the last line of the register's runs; returns its position. */
    public static long editLastRunLine(Connection connection, UnaryOperator<Line> edit) throws SQLException {
        return editLast(connection, "rm_balances__register_runs_g" + generation(connection), true, edit);
    }

    /** Edits the last line of the register's block with the greatest first position; returns its position. */
    public static long editLastBlockLine(Connection connection, UnaryOperator<Line> edit) throws SQLException {
        return editLast(connection, "rm_balances__register_blocks_g" + generation(connection), false, edit);
    }

    /** A line with another amount. */
    public static Line withAmount(Line line, String amount) {
        return new Line(line.position(), line.account(), line.commodity(), amount, line.runningBalance(), line.entryId(),
                line.postingIndex(), line.date(), line.description(), line.reverses());
    }

    /** A line with another amount and running balance. */
    public static Line withAmounts(Line line, String amount, String runningBalance) {
        return new Line(line.position(), line.account(), line.commodity(), amount, runningBalance, line.entryId(),
                line.postingIndex(), line.date(), line.description(), line.reverses());
    }

    /** A line with another description. */
    public static Line withDescription(Line line, String description) {
        return new Line(line.position(), line.account(), line.commodity(), line.amount(), line.runningBalance(),
                line.entryId(), line.postingIndex(), line.date(), description, line.reverses());
    }

    private static long editLast(Connection connection, String table, boolean run, UnaryOperator<Line> edit)
            throws SQLException {
        long first;
        byte[] blob;
        String account = null;
        String commodity = null;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT first_position, lines" + (run ? "" : ", account, commodity")
                     + " FROM " + table + " ORDER BY first_position DESC LIMIT 1")) {
            if (!row.next()) {
                throw new AssertionError("no register lines in " + table);
            }
            first = row.getLong(1);
            blob = row.getBytes(2);
            if (!run) {
                account = row.getString(3);
                commodity = row.getString(4);
            }
        }
        RegisterBlob.Lines lines = run ? RegisterBlob.Lines.ofRun(blob) : RegisterBlob.Lines.ofBlock(blob, account, commodity);
        List<Line> all = new ArrayList<>();
        while (lines.next()) {
            all.add(lines.line());
        }
        all.set(all.size() - 1, edit.apply(all.get(all.size() - 1)));
        RegisterBlob.Writer writer = new RegisterBlob.Writer(run);
        for (Line line : all) {
            writer.line(line.position(), line.account(), line.commodity(), line.amount(), line.runningBalance(),
                    line.entryId(), line.postingIndex(), line.date(), line.description(), line.reverses());
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET lines = ? WHERE first_position = ?")) {
            update.setBytes(1, writer.bytes());
            update.setLong(2, first);
            if (update.executeUpdate() != 1) {
                throw new AssertionError("the register's row at " + first + " was not written back");
            }
        }
        return all.get(all.size() - 1).position();
    }
}
