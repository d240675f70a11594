package dev.eventscope.bench;

import dev.eventscope.projection.RegisterBlob;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code balances} register's lines of a built read-model file (the ledger itself, or a cache file), in position
 * order, for the layout probes ({@link RegisterLayoutProbe}, {@link NarrowRegisterProbe}) that write them again in other
 * layouts: from the runs of version 8 ({@code register_runs}, decoded by {@link RegisterBlob.Lines}) or, in a file of
 * version 7 or older, from the {@code register} table's rows; the generation in service, as {@code projection_state}
 * names it.
 */
final class RegisterLinesOfAFile {

    /** One register line with the ten values the register kept per row up to version 7. */
    record Line(long position, String account, String commodity, String amount, String runningBalance,
                String entryId, long postingIndex, String date, String description, String reverses) {
    }

    private RegisterLinesOfAFile() {
    }

    static List<Line> read(Path readModels) throws SQLException {
        List<Line> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + readModels.toAbsolutePath());
             Statement statement = connection.createStatement()) {
            if (!exists(statement, "projection_state")) {
                throw new IllegalArgumentException(readModels + " holds no read models (a ledger opened read-only keeps"
                        + " them in its cache file: $XDG_CACHE_HOME/eventscope/read-models/*.sqlite)");
            }
            long generation;
            try (ResultSet row = statement.executeQuery("SELECT generation FROM projection_state WHERE name = 'balances'")) {
                if (!row.next()) {
                    throw new IllegalArgumentException(readModels + " holds no balances read model");
                }
                generation = row.getLong(1);
            }
            String runs = "rm_balances__register_runs_g" + generation;
            if (exists(statement, runs)) {
                try (ResultSet row = statement.executeQuery("SELECT lines FROM " + runs + " ORDER BY first_position")) {
                    while (row.next()) {
                        RegisterBlob.Lines run = RegisterBlob.Lines.ofRun(row.getBytes(1));
                        while (run.next()) {
                            lines.add(new Line(run.position(), run.account(), run.commodity(), run.amountText(),
                                    run.runningBalanceText(), run.entryId(), run.postingIndex(), run.date(),
                                    run.description(), run.reverses()));
                        }
                    }
                }
                return lines;
            }
            try (ResultSet row = statement.executeQuery("SELECT position, account, commodity, amount, running_balance,"
                    + " entry_id, posting_index, date, description, reverses FROM rm_balances__register_g" + generation
                    + " ORDER BY position")) {
                while (row.next()) {
                    lines.add(new Line(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getLong(7), row.getString(8), row.getString(9),
                            row.getString(10)));
                }
            }
        }
        return lines;
    }

    private static boolean exists(Statement statement, String table) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
            return row.next();
        }
    }
}
