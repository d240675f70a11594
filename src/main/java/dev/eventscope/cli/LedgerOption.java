package dev.eventscope.cli;

import dev.eventscope.domain.PrintableText;
import dev.eventscope.application.LedgerStoreFactory;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.LedgerSessions;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --ledger FILE} option every command shares, and opening that ledger read-only. */
public final class LedgerOption {

    @Option(names = {"-l", "--ledger"}, required = true, paramLabel = "FILE",
            description = "The ledger: an Eventscope SQLite file, or postgresql://[user@]host[:port]/db?schema=name.")
    private Path file;

    public Path file() {
        return file;
    }

    /**
     * Opens the ledger without the right to change it. A missing file is reported, never created.
     */
    public LedgerSession openReadOnly(LedgerSessions sessions) {
        if (!LedgerStoreFactory.isServerLedger(file)) {
            checkFileExists();
        }
        return sessions.openReadOnly(file);
    }

    /**
     * Opens the ledger to answer a question without the right to change it: from the read models the ledger file keeps
     * itself when they are current and this user's to trust, else from the user's cache (session 24,
     * {@link LedgerSessions#openToAsk}). A missing file is reported, never created.
     */
    public LedgerSession openToAsk(LedgerSessions sessions) {
        if (LedgerStoreFactory.isServerLedger(file)) {
            return sessions.openReadOnly(file);
        }
        checkFileExists();
        return sessions.openToAsk(file);
    }

    /**
     * Opens the ledger's session: for writing when {@code preferWritable} is set and the file may be written
     * (the read models are then kept in it), else read-only (read models in the user's cache). A missing
     * file is reported, never created.
     */
    public LedgerSession openSession(LedgerSessions sessions, boolean preferWritable) {
        if (preferWritable && Files.isWritable(file) && Files.isRegularFile(file)) {
            return sessions.open(file);
        }
        if (!LedgerStoreFactory.isServerLedger(file)) {
            checkFileExists();
        }
        return sessions.openReadOnly(file);
    }

    private void checkFileExists() {
        if (!Files.exists(file)) {
            throw new CommandProblem("There is no ledger at " + PrintableText.of(file) + ": the file does not exist.",
                    ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        if (Files.isDirectory(file)) {
            throw new CommandProblem(PrintableText.of(file) + " is a folder, not a ledger file.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
    }

    /** Opens the ledger to write to it; a missing file must exist unless {@code create} is true. */
    public LedgerSession openForWriting(LedgerSessions sessions, boolean create) {
        if (LedgerStoreFactory.isServerLedger(file)) {
            return sessions.open(file);
        }
        if (!create && !Files.exists(file)) {
            throw new CommandProblem("There is no ledger at " + PrintableText.of(file) + ": the file does not exist"
                    + " (import a journal into it, or create it in the app, first).", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        if (Files.isDirectory(file)) {
            throw new CommandProblem(PrintableText.of(file) + " is a folder, not a ledger file.", ExitCodes.USAGE_OR_UNREADABLE_LEDGER);
        }
        return sessions.open(file);
    }
}
