package dev.eventscope.sandbox;

import dev.eventscope.application.BookkeepingCodec;
import dev.eventscope.audit.OutputFile;
import dev.eventscope.audit.OutputRefused;
import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountCommand.OpenAccount;
import dev.eventscope.domain.ledger.EntryEvent.EntryPosted;
import dev.eventscope.domain.ledger.LedgerCommand.ClosePeriod;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.journal.JournalExporter;
import dev.eventscope.journal.JournalWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A sandbox's proposals as an hledger journal: each proposal's entries exactly as the journal export writes recorded
 * entries (so {@code hledger -f ledger.journal -f proposals.journal} shows the books as adjusted), each preceded by
 * comment lines with its number, verdict, reason and who proposed it when. An account to open becomes an
 * {@code account} directive; a close and a refused proposal are comments only, as hledger has no such entries.
 */
public final class ProposalJournal {

    private static final EventCodec CODEC = BookkeepingCodec.create();

    private ProposalJournal() {
    }

    /**
     * Writes the journal to {@code file}, replaced whole: written to a temporary file beside it and moved into place, so
     * a failure leaves the old file as it was. Returns the number of entries written. A file that must not be written (a
     * ledger or any SQLite database, through any link; a database's {@code -wal}, {@code -shm} or {@code -journal}; one
     * of {@code openLedgers}; a folder) throws {@link OutputRefused} before anything is written; a file that cannot be
     * written throws {@link UncheckedIOException} naming it.
     */
    public static int writeFile(Sandbox sandbox, java.nio.file.Path file, java.util.Collection<java.nio.file.Path> openLedgers) {
        try (OutputFile output = OutputFile.prepare(file, "the proposed entries", true, openLedgers)) {
            int entries;
            try (Writer writer = java.nio.file.Files.newBufferedWriter(output.temporary(), java.nio.charset.StandardCharsets.UTF_8)) {
                entries = write(sandbox, writer);
            } catch (IOException failed) {
                throw new UncheckedIOException("Could not write " + file + ": " + failed.getMessage(), failed);
            }
            output.commit();
            return entries;
        }
    }

    /** {@link #writeFile(Sandbox, java.nio.file.Path, java.util.Collection)} with no ledger open but the sandbox's. */
    public static int writeFile(Sandbox sandbox, java.nio.file.Path file) {
        return writeFile(sandbox, file, java.util.List.of());
    }

    /** Writes the journal; returns the number of entries written. */
    public static int write(Sandbox sandbox, Writer out) {
        int entries = 0;
        try {
            out.write("; Proposed adjustments of ledger " + sandbox.contents().ledgerId() + " by "
                    + sandbox.contents().user() + ", at position " + sandbox.basePosition() + "\n");
            for (DecidedProposal decided : sandbox.decided()) {
                Proposal proposal = decided.proposal();
                out.write("\n; proposal " + proposal.number() + " (" + decided.verdict().replace('\n', ' ') + "): "
                        + decided.summary() + "\n");
                out.write("; reason: " + proposal.reason().replace('\n', ' ') + "\n");
                out.write("; proposed by " + proposal.proposedBy() + " at " + proposal.proposedAt() + "\n");
                if (!decided.accepted()) {
                    continue;
                }
                if (proposal.command() instanceof OpenAccount open) {
                    out.write("account " + open.account() + "\n");
                } else if (proposal.command() instanceof ClosePeriod close) {
                    out.write("; (closes the books through " + close.throughDate() + ")\n");
                }
                for (RecordedEvent event : decided.events()) {
                    if (CODEC.decode(event).value().orElse(null) instanceof EntryPosted posted) {
                        out.write(JournalWriter.format(JournalExporter.transactionOf(posted)));
                        entries++;
                    }
                }
            }
            out.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not write the proposals' journal: " + failed.getMessage(), failed);
        }
        return entries;
    }
}
