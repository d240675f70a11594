package dev.eventscope.ui.state;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.timetravel.LedgerPrefix;
import dev.eventscope.timetravel.Point;
import dev.eventscope.ui.timeline.LedgerTimeMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Session 19 (asof): an account's state panel at a date as known at a position (the AS KNOWN AT bar) shows what the
 * ledger cut at that position shows at the date: the same balances and the same last entries. Before, its last entries
 * were every posting known at the position, those dated after the date too, while its balances counted only those
 * dated by then.
 */
class StateKnownAtTest {

    @TempDir
    Path folder;

    @Test
    void an_accounts_last_entries_at_a_date_known_at_a_position_are_those_of_the_ledger_cut_there_at_the_date() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/audit-case.ledger"), folder.resolve("audit-case.ledger"));
        long closing = 337;  // JE-2025-0100 recorded (7 May 2025), dated 28 March: back-dated after April's entries
        Path cut = folder.resolve("cut.ledger");
        LedgerPrefix.copy(ledger, cut, event -> event.position() <= closing);
        LocalDate quarterEnd = LocalDate.of(2025, 3, 31);
        for (String account : List.of("account-assets:bank:operating", "account-expenses:freight", "account-income:sales:fabrication", "account-liabilities:payables:trade")) {
            List<StateRow> knownAt = rows(ledger, account, new Point.AsKnownAt(quarterEnd, new Point.AtPosition(closing)));
            List<StateRow> onTheCut = rows(cut, account, new Point.AsOfDate(quarterEnd));
            assertThat(knownAt).as(account).anyMatch(row -> row.section().equals(StateQuery.LAST_ENTRIES));
            // before session 19: entries dated in April, recorded before JE-2025-0100, among freight's last entries
            assertThat(knownAt).as(account).noneMatch(row -> row.section().equals(StateQuery.LAST_ENTRIES)
                    && row.label().startsWith("2025-04"));
            assertEquals(texts(onTheCut), texts(knownAt), account);
        }
    }

    private static List<StateRow> rows(Path ledger, String stream, Point point) {
        try (LedgerSession session = TestSessions.of(ledger, SqliteEventStore.open(ledger))) {
            LedgerTimeMachine machine = LedgerTimeMachine.open(session);
            return new StateQuery(machine.timeTravel(), machine.queries()).at(StreamId.of(stream), point).rows();
        }
    }

    private static List<String> texts(List<StateRow> rows) {
        return rows.stream().map(row -> row.section() + " | " + row.label() + " | " + row.value()).toList();
    }
}
