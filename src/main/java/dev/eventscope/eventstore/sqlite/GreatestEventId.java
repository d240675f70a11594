package dev.eventscope.eventstore.sqlite;

import dev.eventscope.eventstore.NewEvent;
import dev.eventscope.eventstore.StreamAppend;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * At least the greatest event id one writer connection's ledger holds (null: none), in SQLite's order of text, which
 * for an ASCII id agrees with Java's: an append whose first event id is ASCII and greater cannot be a retry of a stored
 * append, so the writer need not look that id up (an import's ids grow: one query less per entry). Read once with
 * {@code SELECT max(event_id)}, then raised by every append the writer makes; valid while no other connection has
 * committed (the writer {@link #forget}s it when {@code PRAGMA data_version} moves). An id written and then rolled back
 * leaves it higher than needed, never lower, so a new id may be looked up in vain but a stored one is never missed.
 */
final class GreatestEventId {

    private final PreparedStatement selectGreatest;
    private String greatest;
    private boolean known;

    GreatestEventId(PreparedStatement selectGreatest) {
        this.selectGreatest = selectGreatest;
    }

    /** Whether the append's first event id is surely not stored; false when it may be, or when that is not known. */
    boolean surelyNew(List<StreamAppend> appends) throws SQLException {
        String first = null;
        for (StreamAppend append : appends) {
            if (!append.events().isEmpty()) {
                first = append.events().get(0).eventId();
                break;
            }
        }
        if (first == null || !isAscii(first)) {
            return false;
        }
        if (!known) {
            try (ResultSet row = selectGreatest.executeQuery()) {
                greatest = row.next() ? row.getString(1) : null;
            }
            known = true;
        }
        return greatest == null || first.compareTo(greatest) > 0;
    }

    /**
     * Raises the bound past the ids just written. Java's order and SQLite's differ only between two non-ASCII ids, and
     * the bound is compared only with ASCII ones, with which both orders agree: it stays an upper bound either way.
     */
    void raise(List<StreamAppend> appends) {
        if (!known) {
            return;
        }
        for (StreamAppend append : appends) {
            for (NewEvent event : append.events()) {
                if (greatest == null || event.eventId().compareTo(greatest) > 0) {
                    greatest = event.eventId();
                }
            }
        }
    }

    /** Another connection may have written: read the bound again when next asked. */
    void forget() {
        known = false;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
