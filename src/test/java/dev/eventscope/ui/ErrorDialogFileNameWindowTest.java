package dev.eventscope.ui;

import dev.eventscope.ui.shell.MainWindowViewModel;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 22's walk: the newer-schema dialog broke the file's name inside a word ("…/from-the-future" above
 * ".ledger' was written…", or "from-the-future.l" above "edger'"), as JavaFX wraps a word wider than what is left of a
 * line anywhere. An error dialog that names a file breaks its sentence at spaces and the path after its separators
 * only: the name reads whole on one line, and the whole sentence stays the dialog's content text.
 */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogFileNameWindowTest {

    @TempDir
    static Path folder;

    private FxTaskExecutor executor;
    private MainWindowViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        model = WindowTests.showWithSample(stage, executor, folder, "small-business", 1280, 720);
    }

    @AfterEach
    void closeWindow(FxRobot robot) throws Exception {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(window -> window.getScene() != null && window.getScene().getRoot() instanceof DialogPane)
                .forEach(Window::hide));
        WindowTests.close(executor);
    }

    @Test
    void the_newer_schema_dialog_keeps_the_file_name_whole_and_breaks_its_path_after_separators(FxRobot robot) throws Exception {
        // a folder named as a temporary one is (the walk's "/tmp/never-walked10542977153782821211/")
        Path where = Files.createDirectories(folder.resolve("never-walked10542977153782821211"));
        Path newer = Files.copy(Path.of("sample-data/ledgers/small-business.ledger"), where.resolve("from-the-future.ledger"));
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + newer); var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        robot.interact(() -> model.welcome().openChosen(newer));
        WindowTests.waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().startsWith("'" + newer + "' was written by a newer Eventscope"), dialog.getContentText());
        WindowTests.waitUntil(() -> dialog.lookup(".content") instanceof Labeled label && label.lookup(".text") instanceof Text);

        List<String> lines = WindowTests.onFx(() -> drawnLines((Text) dialog.lookup(".content").lookup(".text")));
        assertTrue(lines.stream().anyMatch(line -> line.contains("from-the-future.ledger")),
                "the file's name is broken over lines: " + lines);
        List<String> badly = new ArrayList<>();
        for (int index = 0; index + 1 < lines.size(); index++) {
            String line = lines.get(index);
            if (!line.isEmpty() && !line.endsWith(" ") && !line.endsWith("/") && !lines.get(index + 1).startsWith(" ")) {
                badly.add(line + " | " + lines.get(index + 1));
            }
        }
        assertEquals(List.of(), badly, "lines broken inside a word: " + lines);
        String whole = String.join("", lines).replaceAll("\\s", "");
        assertEquals(dialog.getContentText().replaceAll("\\s", ""), whole, "the whole sentence is drawn");
    }

    /** The lines {@code text} is drawn on (its wrapping or its line breaks), each with its characters as drawn. */
    static List<String> drawnLines(Text text) {
        String string = text.getText();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double lineY = Double.NaN;
        for (int index = 0; index < string.length(); index++) {
            char each = string.charAt(index);
            if (each == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                lineY = Double.NaN;
                continue;
            }
            double y = top(text.caretShape(index, true));
            if (!Double.isNaN(lineY) && Math.abs(y - lineY) > 1) {
                lines.add(line.toString());
                line.setLength(0);
            }
            lineY = y;
            line.append(each);
        }
        lines.add(line.toString());
        return lines;
    }

    private static double top(PathElement[] caret) {
        for (PathElement element : caret) {
            if (element instanceof MoveTo move) {
                return move.getY();
            }
            if (element instanceof LineTo to) {
                return to.getY();
            }
        }
        return Double.NaN;
    }
}
