package dev.eventscope.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;

import java.util.function.Supplier;

/**
 * A tab whose content is made the first time the tab is selected. A tab pane keeps every tab's content in the scene,
 * hidden or not, so content made at once is styled, skinned and laid out before the window's first frame even where
 * nobody looks at it (docs/cli-speed.md, "first paint").
 */
public final class LazyTab {

    private LazyTab() {
    }

    /** Gives {@code tab} the content {@code content} makes, now if the tab is selected, else when it first is. */
    public static void whenFirstShown(Tab tab, Supplier<? extends Node> content) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
            return;
        }
        tab.setContent(null);
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean before, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        });
    }
}
