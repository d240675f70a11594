package dev.eventscope.ui.commands;

import dev.eventscope.ui.BaseLook;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Shows a form in its own window over the main window, styled like it. */
public final class FormWindow {

    private FormWindow() {
    }

    public static Stage show(Window owner, Parent content, String title) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        Scene scene = new Scene(content);
        BaseLook.addTo(scene);
        scene.getStylesheets().add(FormWindow.class.getResource("/dev/eventscope/ui/commands/commands.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(title);
        stage.show();
        return stage;
    }
}
