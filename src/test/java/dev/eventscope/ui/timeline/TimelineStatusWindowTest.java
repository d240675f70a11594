package dev.eventscope.ui.timeline;

import dev.eventscope.eventstore.StreamId;
import dev.eventscope.eventstore.sqlite.SqliteEventStore;
import dev.eventscope.projection.RebuildProgress;
import dev.eventscope.session.TestSessions;
import dev.eventscope.ui.BaseLook;
import dev.eventscope.ui.SameThreadExecutor;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Session 17's last look: at 1280 px the timeline's first words while the read models open read "Preparing time travel: opening
 * the read models… (a led…", cut at the window's edge. Every sentence the timeline says while preparing reads whole in the bar
 * (no ellipsis, no line cut below) at 1280 and 1600 px, the widths the window is designed for.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineStatusWindowTest {

    @TempDir
    static Path folder;

    private Stage stage;
    private SqliteEventStore store;
    private TimelineViewModel model;
    private TimelineBar bar;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path ledger = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), folder.resolve("status.ledger"));
        store = SqliteEventStore.open(ledger);
        model = new TimelineViewModel(TestSessions.of(ledger, store), new SameThreadExecutor(), ZoneOffset.UTC,
                new SimpleObjectProperty<StreamId>());
        bar = new TimelineBar(model);
        stage.setScene(sceneOf(bar, 1280));
        stage.show();
    }

    /** A scene of {@code width} × 800 holding the bar at its top, laid out (Monocle's headless screen is 1280 px wide). */
    private static Scene sceneOf(TimelineBar bar, double width) {
        StackPane root = new StackPane(bar);
        root.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        Scene scene = new Scene(root, width, 800);
        BaseLook.addTo(scene);
        root.applyCss();
        root.layout();
        return scene;
    }

    @AfterEach
    void close() throws Exception {
        model.close();
        store.close();
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }

    @Test
    void every_preparing_sentence_reads_whole_at_1280_and_1600(FxRobot robot) {
        List<String> sentences = List.of(PreparingText.OPENING,
                PreparingText.of(new RebuildProgress(RebuildProgress.CATCH_UP, 145_000, 989_700, 9_000, Duration.ofSeconds(17))),
                PreparingText.of(new RebuildProgress(RebuildProgress.CATCH_UP, 989_700, 989_700, 9_000, Duration.ZERO)),
                PreparingText.of(new RebuildProgress("balances", 145_000, 989_700, 500, Duration.ofSeconds(6))),
                PreparingText.of(new RebuildProgress("balances", 989_700, 989_700, 500, Duration.ZERO)));
        List<String> cut = new ArrayList<>();
        for (double width : new double[] {1280, 1600}) {
            for (String sentence : sentences) {
                Scene[] scene = new Scene[1];
                robot.interact(() -> {
                    model.say(sentence);
                    scene[0] = sceneOf(bar, width);
                });
                Label status = (Label) scene[0].lookup("#timelineStatus");
                String shown = shownText(status);
                double textHeight = ((Text) status.lookup(".text")).getLayoutBounds().getHeight();
                if (!sentence.equals(shown) || textHeight > status.getHeight() + 0.5
                        || status.localToScene(status.getLayoutBounds()).getMaxX() > width + 0.5) {
                    cut.add(width + " px: \"" + sentence + "\" shown as \"" + shown + "\" (" + textHeight + " px high in "
                            + status.getHeight() + ")");
                }
            }
        }
        assertEquals(List.of(), cut, "the timeline's status is cut");
    }

    /** The text the label draws: its text, or less with an ellipsis when it does not fit; the lines of a wrapped text joined. */
    static String shownText(Label label) {
        Node text = label.lookup(".text");
        return text instanceof Text drawn ? drawn.getText().replace("\n", " ").replaceAll(" +", " ").strip() : null;
    }
}
