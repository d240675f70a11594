package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamFilter;
import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.StreamInfo;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.timetravel.Point;
import dev.eventscope.timetravel.TimeTravel;
import dev.eventscope.session.LedgerSession;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.SameThreadExecutor;
import dev.eventscope.ui.state.MoneyText;
import dev.eventscope.ui.state.StateRow;
import dev.eventscope.ui.state.WhyLine;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline over the small-business sample, with a same-thread executor: every answer is the time-travel engine's. */
class TimelineViewModelTest {

    @TempDir
    Path folder;

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final SimpleObjectProperty<StreamId> selected = new SimpleObjectProperty<>();
    private final List<Long> jumps = new ArrayList<>();
    private SqliteEventStore store;
    private TimelineViewModel model;
    private StatePanelModels panel;
    private StreamId busiestAccount;

    @BeforeEach
    void open() throws Exception {
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("books.ledger"));
        store = SqliteEventStore.open(ledger);
        model = new TimelineViewModel(TestSessions.of(ledger, store), executor, ZoneOffset.UTC, selected);
        panel = StatePanelModels.following(model, executor, jumps::add);
        model.start();
        busiestAccount = store.streams(StreamFilter.ALL).stream().filter(info -> info.streamId().value().startsWith("account-"))
                .max(Comparator.comparingLong(StreamInfo::version)).orElseThrow().streamId();
    }

    @AfterEach
    void close() {
        model.close();
        store.close();
    }

    private TimeTravel engine() {
        return model.machine().timeTravel();
    }

    private String account() {
        return busiestAccount.value().substring("account-".length());
    }

    /** The balance lines the panel shows, commodity -> text. */
    private Map<String, String> shownBalances() {
        Map<String, String> shown = new TreeMap<>();
        panel.state().rows().stream().filter(row -> row.explainable() && !row.value().equals("—"))
                .forEach(row -> shown.put(row.commodity(), row.value()));
        return shown;
    }

    private static Map<String, String> texts(SortedMap<String, BigDecimal> balances) {
        Map<String, String> texts = new TreeMap<>();
        balances.forEach((commodity, amount) -> texts.put(commodity, MoneyText.of(amount, commodity)));
        return texts;
    }

    @Nested
    @DisplayName("on an account's timeline")
    class AccountTimeline {

        @BeforeEach
        void selectAccount() {
            selected.set(busiestAccount);
        }

        @Test
        void it_starts_at_the_latest_event_and_has_one_step_per_event_of_the_stream() {
            Timeline timeline = model.timelineProperty().get();
            assertNotNull(timeline);
            assertEquals(store.streamVersion(busiestAccount), timeline.lastIndex());
            assertEquals(timeline.lastIndex(), model.indexProperty().get());
        }

        @Test
        void every_step_shows_the_balance_time_travel_gives_at_that_point() {
            Timeline timeline = model.timelineProperty().get();
            for (int step = 0; step <= timeline.lastIndex(); step++) {
                model.select(step);
                Point point = timeline.pointAt(step);
                assertEquals(new Point.AtPosition(timeline.positionAt(step)), point);
                assertEquals(texts(engine().accountAt(account(), point)), shownBalances(), "at step " + step);
                assertEquals(point, panel.state().shownPointProperty().get());
            }
        }

        @Test
        void a_balance_that_moved_since_the_previous_point_is_marked_with_its_old_value() {
            model.select(2);
            Map<String, String> before = shownBalances();
            model.stepBy(1);
            List<StateRow> changed = panel.state().rows().stream().filter(row -> row.changed() && row.explainable()).toList();
            assertFalse(changed.isEmpty(), "the posting at step 3 moved a balance");
            StateRow row = changed.get(0);
            assertEquals(before.getOrDefault(row.commodity(), "—"), row.before());
            assertTrue(row.display().contains(" → "));
        }

        @Test
        void keys_step_jump_and_play() {
            model.toStart();
            assertEquals(0, model.indexProperty().get());
            model.stepBy(1);
            model.stepBy(1);
            model.stepBy(-1);
            assertEquals(1, model.indexProperty().get());
            model.toEnd();
            int last = model.timelineProperty().get().lastIndex();
            assertEquals(last, model.indexProperty().get());
            model.togglePlay(); // at the end: plays from the start
            assertTrue(model.playingProperty().get());
            assertEquals(0, model.indexProperty().get());
            model.advance();
            assertEquals(1, model.indexProperty().get());
            model.togglePlay();
            assertFalse(model.playingProperty().get());
        }

        @Test
        void why_lists_the_postings_that_sum_to_the_balance_and_a_click_jumps_to_the_event() {
            StateRow balance = panel.state().rows().stream().filter(StateRow::explainable).findFirst().orElseThrow();
            panel.why().explain(balance);
            assertFalse(panel.why().lines().isEmpty());
            WhyLine last = panel.why().lines().get(panel.why().lines().size() - 1);
            assertEquals(balance.value(), last.runningBalance());
            assertEquals(engine().why(account(), balance.commodity(), panel.state().shownPointProperty().get()).contributions().size(),
                    panel.why().lines().size());
            panel.why().open(last);
            assertEquals(List.of(last.position()), jumps);
        }

        @Test
        void comparing_two_points_of_the_account_lists_its_changed_fields() {
            panel.comparison().fromProperty().set("v1");
            panel.comparison().toProperty().set("now");
            panel.comparison().compare();
            assertFalse(engine().diff(busiestAccount, new Point.AtVersion(1), new Point.Latest()).isEmpty());
            assertTrue(panel.comparison().rows().stream().anyMatch(row -> row.item().startsWith("Balance in ")), panel.comparison().rows().toString());
            assertTrue(panel.comparison().rows().stream().anyMatch(row -> row.item().equals("Postings") && row.change().startsWith("+")),
                    panel.comparison().rows().toString());
            assertTrue(panel.comparison().rows().stream().noneMatch(row -> row.item().contains(".") || row.item().equals("postingCount")),
                    "the State panel's labels, never raw field names: " + panel.comparison().rows());
        }

        @Test
        void a_point_that_is_not_one_is_refused_in_words() {
            panel.comparison().fromProperty().set("v1");
            panel.comparison().toProperty().set("now");
            panel.comparison().compare();
            assertFalse(panel.comparison().rows().isEmpty());
            panel.comparison().fromProperty().set("yesterday-ish");
            panel.comparison().compare();
            assertTrue(panel.comparison().rows().isEmpty(), "an error clears the earlier result");
            assertTrue(panel.comparison().statusProperty().get().contains("yesterday-ish"), panel.comparison().statusProperty().get());
        }

        @Test
        void the_balance_chart_ends_at_the_current_balance() {
            Map<String, List<BalanceHistory.ChartPoint>> chart = panel.chart().chartProperty().get();
            assertFalse(chart.isEmpty());
            chart.forEach((commodity, points) -> assertEquals(0, engine().accountAt(account(), new Point.Latest())
                    .getOrDefault(commodity, BigDecimal.ZERO).compareTo(points.get(points.size() - 1).balance())));
        }
    }

    @Nested
    @DisplayName("when results arrive late")
    class NewestWins {

        @Test
        void the_newest_move_wins_even_when_the_first_finishes_last() {
            selected.set(busiestAccount);
            executor.hold();
            model.select(3);
            model.select(7);
            model.select(5);
            executor.runNewestFirst();
            assertEquals(5, panel.state().shownIndexProperty().get());
            Point point = model.timelineProperty().get().pointAt(5);
            assertEquals(texts(engine().accountAt(account(), point)), shownBalances());
        }

        @Test
        void a_state_asked_for_before_the_scope_changed_is_never_shown() {
            selected.set(busiestAccount);
            executor.hold();
            model.select(2);
            model.wholeLedgerProperty().set(true);
            executor.runHeld();
            assertTrue(panel.state().headingProperty().get().startsWith("Whole ledger"), panel.state().headingProperty().get());
        }
    }

    @Nested
    @DisplayName("on the whole ledger's timeline")
    class WholeLedger {

        @BeforeEach
        void wholeLedger() {
            model.wholeLedgerProperty().set(true);
        }

        @Test
        void every_account_balance_shown_is_the_engine_s_at_that_position() {
            Timeline timeline = model.timelineProperty().get();
            assertEquals(store.lastPosition(), timeline.lastIndex());
            for (int step : new int[] {0, 1, timeline.lastIndex() / 3, timeline.lastIndex() / 2, timeline.lastIndex()}) {
                model.select(step);
                Map<String, String> expected = new TreeMap<>();
                engine().ledgerBalancesAt(new Point.AtPosition(step)).balances().forEach((account, commodity, amount) ->
                        expected.put(account + " " + commodity, MoneyText.of(amount, commodity)));
                Map<String, String> shown = new TreeMap<>();
                panel.state().rows().stream().filter(row -> row.explainable() && !row.value().equals("—"))
                        .forEach(row -> shown.put(row.account() + " " + row.commodity(), row.value()));
                assertEquals(expected, shown, "at #" + step);
            }
            assertTrue(panel.state().rows().stream().anyMatch(row -> row.section().equals("Trial balance")));
            assertTrue(panel.state().rows().stream().anyMatch(row -> row.section().equals("Assets")));
        }

        @Test
        void the_axis_decides_the_point_and_the_label() {
            model.axisProperty().set(TimelineAxis.ENTRY_DATE);
            Timeline dates = model.timelineProperty().get();
            assertTrue(dates.pointAt(1) instanceof Point.AsOfDate);
            assertTrue(model.labelProperty().get().matches("\\d{4}-\\d{2}-\\d{2}"), model.labelProperty().get());
            model.axisProperty().set(TimelineAxis.RECORDED_TIME);
            Timeline recorded = model.timelineProperty().get();
            assertTrue(recorded.pointAt(5) instanceof Point.AtRecordedTime);
            for (int step = 1; step <= recorded.lastIndex(); step++) {
                assertEquals(recorded.positionAt(step), engine().positionOf(recorded.pointAt(step)), "step " + step);
            }
            model.select(5);
            long position = recorded.positionAt(5);
            assertTrue(model.labelProperty().get().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}  \\(#" + position + "\\)"),
                    model.labelProperty().get());
            model.axisProperty().set(TimelineAxis.POSITION);
            assertEquals("#" + position, model.labelProperty().get(), "switching axis keeps the position");
        }

        @Test
        void the_slider_snaps_to_the_step_at_or_before_its_value() {
            model.axisProperty().set(TimelineAxis.ENTRY_DATE);
            Timeline dates = model.timelineProperty().get();
            model.moveTo(dates.coordinateAt(3) + 0.5);
            assertEquals(3, model.indexProperty().get());
            assertEquals(new Point.AsOfDate(java.time.LocalDate.ofEpochDay(dates.coordinateAt(3))), panel.state().shownPointProperty().get());
        }

        @Test
        void comparing_two_positions_lists_every_balance_that_changed() {
            panel.comparison().fromProperty().set("#10");
            panel.comparison().toProperty().set("now");
            panel.comparison().compare();
            assertEquals(engine().diff(new Point.AtPosition(10), new Point.Latest()).size(), panel.comparison().rows().size());
            assertFalse(panel.comparison().rows().isEmpty());
        }
    }
}
