package dev.eventscope.ui.commands;

import dev.eventscope.ui.BaseLook;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Shows a form in its own window over the main window, styled like it. A form into which something was typed asks
 * before it is closed (Escape, Close, the window's own close box) and its input thrown away.
 */
public final class FormWindow {

    private static final String TYPED = "eventscope.form.typed";

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
        content.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, event -> {
            String typed = event.getCharacter();
            if (!typed.isEmpty() && !Character.isISOControl(typed.charAt(0)) && !event.isShortcutDown()
                    && (event.getTarget() instanceof javafx.scene.control.TextInputControl
                    || event.getTarget() instanceof javafx.scene.control.ComboBoxBase)) {
                content.getProperties().put(TYPED, Boolean.TRUE);
            }
        });
        content.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.isShortcutDown() && event.getCode() == javafx.scene.input.KeyCode.V) {
                content.getProperties().put(TYPED, Boolean.TRUE); // pasted
            }
        });
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, event -> {
            if (!mayClose(content)) {
                event.consume();
            }
        });
        stage.show();
        return stage;
    }

    /**
     * Whether the form {@code content} may close: at once when nothing was typed into it (or all of it was erased),
     * else when the person answers Discard to "Discard what you typed?" (Escape or Enter keep the form).
     */
    public static boolean mayClose(Parent content) {
        boolean typed = Boolean.TRUE.equals(content.getProperties().get(TYPED))
                && content.lookupAll(".text-input").stream().anyMatch(node -> node instanceof javafx.scene.control.TextInputControl input
                && input.getText() != null && !input.getText().isBlank());
        if (!typed || content.getScene() == null) {
            return true;
        }
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType("_Keep editing",
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("_Discard",
                javafx.scene.control.ButtonBar.ButtonData.OTHER);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "What you typed in this form has not been recorded. Closing the form throws it away.", keep, discard);
        ask.initOwner(content.getScene().getWindow());
        ask.setTitle("Discard what you typed?");
        ask.setHeaderText("Discard what you typed?");
        BaseLook.addTo(ask.getDialogPane().getScene());
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        ((javafx.scene.control.Button) ask.getDialogPane().lookupButton(discard)).setDefaultButton(false);
        ask.getDialogPane().lookupButton(discard).setId("discardTyped");
        ask.getDialogPane().lookupButton(keep).setId("keepEditing");
        boolean leave = ask.showAndWait().filter(discard::equals).isPresent();
        if (leave) {
            content.getProperties().remove(TYPED);
        }
        return leave;
    }
}
