package dev.eventscope.projection;

import java.util.Optional;

/**
 * The register lines of the balances read model as a read-model store holds them (in a ledger file or in a user's
 * cache), read in position order up to the read model's checkpoint, within one read transaction. {@code verify}
 * compares them line by line with the events it walks (session 19): the balances every view shows are summed from
 * these lines, and whoever can write the file can edit them without touching the hash chain. Closing ends the read.
 */
public interface RecordedRegister extends AutoCloseable {

    /** One line as stored; {@code amount} and {@code runningBalance} are the stored text, as the store reads them. */
    record Line(long position, String account, String commodity, String amount, String runningBalance, String entryId,
                long postingIndex, String date, String description, String reverses) {
    }

    /** The file the read models are kept in, as a person would look for it. */
    String location();

    /** The position the read model says it applied the events through; its lines go no further. */
    long position();

    /** The hash of the event at {@link #position()} the read model recorded, to tell its own ledger from another. */
    String positionHash();

    /** Why the lines cannot be read at all (their table is gone), when they cannot; then {@link #next()} is not asked. */
    default Optional<String> unreadable() {
        return Optional.empty();
    }

    /** The next line in position order, empty after the last one. */
    Optional<Line> next();

    /**
     * Why the lines end before their last one (a blob of them that cannot be read), or, once the last line has been
     * read, how the register's lines by account (its blocks) differ from its lines by position; empty when neither.
     */
    default Optional<String> damaged() {
        return Optional.empty();
    }

    @Override
    void close();
}
