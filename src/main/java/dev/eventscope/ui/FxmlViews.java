package dev.eventscope.ui;

import javafx.fxml.FXMLLoader;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads a view that is its own FXML root and controller (an {@code fx:root} file beside its class). */
public final class FxmlViews {

    private FxmlViews() {
    }

    /** Loads {@code resource} into {@code view}; {@code what} names the view in the error ("the state panel"). */
    public static void loadInto(Object view, String resource, String what) {
        FXMLLoader loader = new FXMLLoader(view.getClass().getResource(resource));
        loader.setRoot(view);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not be loaded", e);
        }
    }
}
