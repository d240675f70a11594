package dev.eventscope.ui.state;

import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.timetravel.Point;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.timeline.LedgerTimeMachine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WholeLedgerRowsTest {

    @TempDir
    Path folder;

    private SqliteEventStore store;
    private LedgerSession session;
    private LedgerTimeMachine machine;

    @BeforeEach
    void open() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        store = SqliteEventStore.open(ledger);
        session = TestSessions.of(ledger, store);
        machine = LedgerTimeMachine.open(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** What the panel shows after each answer, as the view model does. */
    private static void show(List<StateRow> panel, PointState state) {
        panel.clear();
        panel.addAll(state.rows());
    }

    private static Map<String, String> values(List<StateRow> rows) {
        Map<String, String> values = new LinkedHashMap<>();
        rows.stream().filter(row -> !row.value().equals(StateRows.ABSENT)).forEach(row -> values.put(row.key(), row.value()));
        return values;
    }

    @ParameterizedTest(name = "moves over at most {0} events read the register in between")
    @ValueSource(longs = {0, 5, 1_000_000})
    void given_random_moves_when_each_is_shown_then_the_lines_are_those_computed_afresh_and_only_changed_lines_are_marked(long smallMove) {
        StateQuery fresh = new StateQuery(machine.timeTravel(), machine.queries());
        WholeLedgerRows rows = new WholeLedgerRows(machine.timeTravel(), machine.queries(), smallMove);
        List<StateRow> panel = new ArrayList<>();
        Random random = new Random(7);
        long last = store.lastPosition();
        Map<String, String> before = null;
        long position = last / 2;
        for (int move = 0; move < 60; move++) {
            position = move % 3 == 0 ? random.nextLong(last + 1) : Math.max(0, Math.min(last, position + random.nextInt(7) - 3));
            Point point = new Point.AtPosition(position);
            show(panel, rows.at(point));
            Map<String, String> expected = values(fresh.at(null, point).rows());
            assertEquals(expected, values(panel), "at #" + position);
            for (StateRow row : panel) {
                String previous = before == null ? null : before.getOrDefault(row.key(), StateRows.ABSENT);
                boolean differs = previous != null && !previous.equals(row.value());
                assertEquals(differs, row.changed(), row.key() + " at #" + position);
                if (differs) {
                    assertEquals(previous, row.before(), row.key() + " at #" + position);
                }
            }
            before = expected;
        }
        assertTrue(panel.stream().anyMatch(row -> row.section().equals("Trial balance")));
    }

    @ParameterizedTest(name = "register read over at most {0} events")
    @ValueSource(longs = {0, 5, 40, 1_000_000})
    void given_long_and_short_jumps_when_each_is_shown_then_the_panel_is_exactly_the_fresh_lines_marked_against_the_point_before(
            long smallMove) {
        StateQuery fresh = new StateQuery(machine.timeTravel(), machine.queries());
        WholeLedgerRows rows = new WholeLedgerRows(machine.timeTravel(), machine.queries(), smallMove);
        List<StateRow> panel = new ArrayList<>();
        Random random = new Random(13);
        long last = store.lastPosition();
        List<StateRow> before = null;
        long position = last;
        int marked = 0;
        int vanished = 0;
        for (int move = 0; move < 120; move++) {
            position = move % 2 == 0 ? random.nextLong(last + 1) : Math.max(0, Math.min(last, position + random.nextInt(41) - 20));
            Point point = new Point.AtPosition(position);
            PointState state = rows.at(point);
            show(panel, state);
            List<StateRow> now = fresh.at(null, point).rows();
            // same lines, same order, same marks and "before" values as a comparison of two fresh answers
            assertEquals(StateRows.compare(before, now), panel, "at #" + position);
            assertEquals(position, state.position());
            assertTrue(state.heading().endsWith(" · " + now.stream().filter(StateRow::explainable).count() + " balances"),
                    state.heading());
            marked += (int) panel.stream().filter(StateRow::changed).count();
            vanished += (int) panel.stream().filter(row -> row.value().equals(StateRows.ABSENT)).count();
            before = now;
        }
        assertTrue(marked > 0, "moves mark changed lines");
        assertTrue(vanished > 0, "some balances vanish between two points");
    }

    @org.junit.jupiter.api.Test
    void given_entry_dates_when_moving_then_the_lines_are_those_computed_afresh() {
        StateQuery fresh = new StateQuery(machine.timeTravel(), machine.queries());
        WholeLedgerRows rows = new WholeLedgerRows(machine.timeTravel(), machine.queries(), WholeLedgerRows.SMALL_MOVE);
        List<StateRow> panel = new ArrayList<>();
        java.time.LocalDate start = java.time.LocalDate.of(2023, 12, 1);
        for (int day = 0; day < 500; day += 17) {
            Point point = new Point.AsOfDate(start.plusDays(day));
            show(panel, rows.at(point));
            assertEquals(values(fresh.at(null, point).rows()), values(panel), "at " + point);
        }
    }

    @org.junit.jupiter.api.Test
    void parent_accounts_show_their_rolled_up_subtotal_before_their_first_sub_account_as_hledgers_tree_does() {
        WholeLedgerRows rows = new WholeLedgerRows(machine.timeTravel(), machine.queries(), WholeLedgerRows.SMALL_MOVE);
        Point end = new Point.AtPosition(store.lastPosition());
        List<StateRow> panel = rows.at(end).rows();
        dev.eventscope.domain.ledger.Balances balances = machine.timeTravel().ledgerBalancesAt(end).balances();
        // an independent roll-up: every balance added to its own account and each account name it starts with
        Map<String, java.math.BigDecimal> expected = new java.util.TreeMap<>();
        Map<String, Integer> beneath = new java.util.HashMap<>();
        balances.forEach((account, commodity, amount) -> {
            for (int colon = account.indexOf(':'); colon != -2; colon = colon < 0 ? -2 : account.indexOf(':', colon + 1)) {
                String key = "subtotal:" + (colon < 0 ? account : account.substring(0, colon)) + ":" + commodity;
                expected.merge(key, amount, java.math.BigDecimal::add);
                beneath.merge(key, 1, Integer::sum);
            }
        });
        Map<String, String> shown = new java.util.TreeMap<>();
        for (int index = 0; index < panel.size(); index++) {
            StateRow row = panel.get(index);
            if (row.key().startsWith("subtotal:")) {
                shown.put(row.key(), row.value());
                String parent = row.key().substring(9, row.key().lastIndexOf(':'));
                assertEquals("Subtotal " + parent, row.label());
                // the next line is a balance beneath it (or a deeper subtotal)
                StateRow next = panel.get(index + 1);
                String nextAccount = next.account() != null ? next.account() : next.key().substring(9, next.key().lastIndexOf(':'));
                assertTrue(nextAccount.startsWith(parent + ":"), row.key() + " is followed by " + next.key());
            }
        }
        assertTrue(shown.size() > 0, "the sample has parent accounts with several sub-accounts");
        for (Map.Entry<String, String> line : shown.entrySet()) {
            String commodity = line.getKey().substring(line.getKey().lastIndexOf(':') + 1);
            assertEquals(MoneyText.of(expected.get(line.getKey()), commodity), line.getValue(), line.getKey());
        }
        // a parent with two or more balances at or beneath it in a commodity has its line
        beneath.forEach((key, count) -> {
            if (count >= 2) {
                assertTrue(shown.containsKey(key), key + " has " + count + " balances beneath it");
            }
        });
    }
}
