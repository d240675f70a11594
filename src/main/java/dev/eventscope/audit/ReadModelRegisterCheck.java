package dev.eventscope.audit;

import dev.eventscope.codec.EventCodec;
import dev.eventscope.domain.ledger.AccountEvent.PostingRecorded;
import dev.eventscope.eventstore.ChainObserver;
import dev.eventscope.eventstore.RecordedEvent;
import dev.eventscope.projection.RecordedRegister;
import dev.eventscope.projection.RecordedRegister.Line;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the balances read models' register lines with the postings {@code verify} walks (session 19): every
 * balance, trial balance and statement is summed from these lines, and whoever can write the file they are kept in (the
 * ledger, or a user's cache) could edit one, or put another ledger's read models in place, without touching the hash
 * chain. A line must be the posting at its position (account, commodity, amount, entry, date, description) and carry
 * the running balance of the lines before it; a posting needs its line. A register whose checkpoint is not this
 * ledger's event (read models of an earlier file under the same name) is left out: it is rebuilt before it is shown.
 */
final class ReadModelRegisterCheck implements ChainObserver {

    private static final String POSTING_TYPE = "PostingRecorded";
    private static final String ACCOUNT_PREFIX = "account-";

    private final EventCodec codec;
    private final List<Cursor> cursors = new ArrayList<>();

    ReadModelRegisterCheck(EventCodec codec, List<RecordedRegister> registers) {
        this.codec = Objects.requireNonNull(codec, "codec");
        registers.forEach(register -> cursors.add(new Cursor(register)));
    }

    @Override
    public void verified(RecordedEvent event) {
        PostingRecorded posting = null;
        boolean decoded = false;
        for (Cursor cursor : cursors) {
            if (event.position() == cursor.register.position()) {
                cursor.belongsToLedger = event.hash().equals(cursor.register.positionHash());
            }
            if (cursor.problem != null || event.position() > cursor.register.position()) {
                continue;
            }
            cursor.skipLinesBefore(event.position());
            if (cursor.problem != null) {
                continue;
            }
            boolean isPosting = POSTING_TYPE.equals(event.type());
            if (isPosting && !decoded) {
                decoded = true;
                posting = codec.decodeValue(event).value().orElse(null) instanceof PostingRecorded read ? read : null;
            }
            cursor.compare(event, isPosting ? posting : null, isPosting);
        }
    }

    /** One sentence per register found edited; empty when every register kept for the ledger agrees with its events. */
    List<String> problems(long walkedThrough) {
        List<String> problems = new ArrayList<>();
        for (Cursor cursor : cursors) {
            if (cursor.problem == null && cursor.belongsToLedger && cursor.register.position() <= walkedThrough) {
                cursor.skipLinesBefore(cursor.register.position() + 1);
                if (cursor.problem == null && cursor.line.isEmpty()) {
                    cursor.problem = cursor.register.damaged().orElse(null);
                }
            }
            if (cursor.problem != null && cursor.belongsToLedger) {
                problems.add("the read models in " + cursor.register.location() + " were edited: " + cursor.problem
                        + "; balances, trial balances and statements read from them would be false or fail. They are not part of"
                        + " the ledger's record: run eventscope projections rebuild (with --read-only for the read models"
                        + " of your cache) to build them again from the events");
            }
        }
        return problems;
    }

    /** Ends every register's read. */
    void close() {
        cursors.forEach(cursor -> cursor.register.close());
    }

    private static String account(RecordedEvent event) {
        String stream = event.streamId().value();
        return stream.startsWith(ACCOUNT_PREFIX) ? stream.substring(ACCOUNT_PREFIX.length()) : stream;
    }

    private static String describe(Line line) {
        return line.account() + " " + line.amount() + " " + line.commodity() + " (entry " + line.entryId() + ", dated "
                + line.date() + ")";
    }

    private static String describe(RecordedEvent event, PostingRecorded posting) {
        return account(event) + " " + posting.amount().amount().toPlainString() + " " + posting.amount().commodity()
                + " (entry " + posting.entryId().value() + ", dated " + posting.date() + ")";
    }

    private static void differ(List<String> differences, String field, String stored, String recorded) {
        if (!Objects.equals(stored, recorded)) {
            differences.add(field + " " + quoted(stored) + " where the event says " + quoted(recorded));
        }
    }

    private static String quoted(String value) {
        return value == null ? "none" : "'" + value + "'";
    }

    private static boolean sameAmount(String stored, BigDecimal expected) {
        try {
            return stored != null && new BigDecimal(stored).compareTo(expected) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static final class Cursor {
        private final RecordedRegister register;
        private final Map<String, BigDecimal> running = new HashMap<>();
        private Optional<Line> line;
        private String problem;
        private boolean belongsToLedger;

        Cursor(RecordedRegister register) {
            this.register = register;
            this.problem = register.unreadable().orElse(null);
            this.line = Optional.empty();
            if (problem == null) {
                advance();
            }
        }

        /** The next line; a register whose lines cannot be read on is a problem. */
        private void advance() {
            line = register.next();
            if (line.isEmpty() && problem == null) {
                problem = register.damaged().orElse(null);
            }
        }

        /** Every line before {@code position} lies at a position that holds no posting. */
        void skipLinesBefore(long position) {
            if (line.isPresent() && line.get().position() < position) {
                problem = "their register has a line at position " + line.get().position() + ", " + describe(line.get())
                        + ", where the ledger records no posting";
            }
        }

        void compare(RecordedEvent event, PostingRecorded posting, boolean isPosting) {
            Optional<Line> here = line.filter(found -> found.position() == event.position());
            if (!isPosting) {
                here.ifPresent(found -> problem = "their register has a line at position " + found.position() + ", "
                        + describe(found) + ", where the ledger records a " + event.type() + " event, not a posting");
                return;
            }
            if (posting == null) {
                // an unreadable posting: the read model stops there, and verify's books line names it
                if (here.isPresent()) {
                    advance();
                }
                return;
            }
            if (here.isEmpty()) {
                problem = "their register has no line for the posting at position " + event.position() + ", "
                        + describe(event, posting);
                return;
            }
            Line found = here.get();
            String key = account(event) + "\n" + posting.amount().commodity();
            BigDecimal after = running.getOrDefault(key, BigDecimal.ZERO).add(posting.amount().amount());
            running.put(key, after);
            List<String> differences = new ArrayList<>();
            differ(differences, "account", found.account(), account(event));
            differ(differences, "commodity", found.commodity(), posting.amount().commodity());
            if (!sameAmount(found.amount(), posting.amount().amount())) {
                differences.add("amount " + found.amount() + " where the event says " + posting.amount().amount().toPlainString());
            }
            differ(differences, "entry", found.entryId(), posting.entryId().value());
            differ(differences, "posting number", String.valueOf(found.postingIndex()), String.valueOf(posting.postingIndex()));
            differ(differences, "date", found.date(), posting.date().toString());
            differ(differences, "description", found.description(), posting.description());
            differ(differences, "reversed entry", found.reverses(),
                    posting.reversesEntryId() == null ? null : posting.reversesEntryId().value());
            if (!differences.isEmpty()) {
                problem = "their register line at position " + event.position() + " (" + describe(event, posting)
                        + ") has the " + String.join(", the ", differences);
            } else if (!sameAmount(found.runningBalance(), after)) {
                problem = "their register line at position " + event.position() + " gives " + found.account()
                        + " a running balance of " + found.runningBalance() + " " + found.commodity() + ", the postings"
                        + " up to it sum to " + after.toPlainString();
            }
            advance();
        }
    }
}
