package dev.eventscope.eventstore.sqlite;

import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * A child JVM that creates a new ledger and halts at one {@link StopPoint} of the creation:
 * {@code <ledger> <stop point>}. There it prints "STOPPED <point>" and waits for the parent's SIGKILL, so the
 * kill always lands at that point.
 */
public final class CreationCrashWorker {

    /** Where in creating the ledger the worker halts for the kill, in the order they are reached. */
    enum StopPoint {
        /** Inside the hidden file's transaction: schema written, not committed. */
        SCHEMA_WRITTEN,
        /** COMMIT of the hidden file under way, before SQLite writes any of it (SQLite's commit hook). */
        COMMITTING,
        /** The hidden file committed and closed, not linked under the ledger's name. */
        COMMITTED,
        /** Linked under the ledger's name, the hidden file still there. */
        LINKED,
        /** Created, before the writer opened it in WAL mode. */
        CREATED,
        /** {@code open} returned: the writer and reader are open, nothing appended. */
        OPENED;

        /** True when the ledger's own name exists once the worker halted here. */
        boolean linked() {
            return compareTo(LINKED) >= 0;
        }
    }

    private CreationCrashWorker() {
    }

    public static void main(String[] arguments) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path ledger = Path.of(arguments[0]);
        StopPoint stopPoint = StopPoint.valueOf(arguments[1]);
        SqliteLedgerOpener.creationSteps = (step, connection) -> {
            if (stopPoint == StopPoint.COMMITTING && step == SqliteLedgerOpener.CreationStep.SCHEMA_WRITTEN) {
                haltAtCommit(connection, out);
            } else if (stopPoint != StopPoint.COMMITTING && step.name().equals(stopPoint.name())) {
                halt(out, stopPoint);
            }
        };
        try (SqliteEventStore store = SqliteEventStore.open(ledger)) {
            halt(out, StopPoint.OPENED);
        } catch (Throwable failure) {
            out.println("ERROR " + failure.toString().replace('\n', ' '));
            failure.printStackTrace();
            System.exit(2);
        }
    }

    private static void haltAtCommit(java.sql.Connection connection, PrintStream out) {
        try {
            connection.unwrap(SQLiteConnection.class).addCommitListener(new SQLiteCommitListener() {
                @Override
                public void onCommit() {
                    halt(out, StopPoint.COMMITTING);
                }

                @Override
                public void onRollback() {
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tells the parent where it stands and waits for the kill; it never returns. */
    private static void halt(PrintStream out, StopPoint point) {
        out.println("STOPPED " + point);
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // only the parent's SIGKILL ends the wait
            }
        }
    }
}
