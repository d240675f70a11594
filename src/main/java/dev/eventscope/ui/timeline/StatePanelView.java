package dev.eventscope.ui.timeline;

import dev.eventscope.ui.LazyTab;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The state panel: the state at the slider's point (changes tinted), the balance chart, "why this value?" and compare.
 * Laid out in StatePanelView.fxml (an {@code fx:root} TabPane) whose tabs are fx:includes, each with its own controller
 * bound to its own view model ({@link StateView}, {@link WhyView}, {@link CompareView}; the chart, {@link BalanceChartView},
 * is made when its tab is first shown). This view only joins them: "Why this value?" on a state line opens the Why? tab.
 */
public final class StatePanelView extends TabPane {

    private final StatePanelModels models;

    @FXML private Tab chartTab;
    @FXML private Tab whyTab;
    @FXML private Tab compareTab;
    @FXML private StateView statePaneController;

    public StatePanelView(StatePanelModels models) {
        this.models = models;
        FXMLLoader loader = new FXMLLoader(StatePanelView.class.getResource("/dev/eventscope/ui/timeline/StatePanelView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        loader.setControllerFactory(this::controller);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the state panel could not be loaded", e);
        }
    }

    private Object controller(Class<?> type) {
        if (type == StateView.class) {
            return new StateView(models.state());
        } else if (type == WhyView.class) {
            return new WhyView(models.why());
        } else if (type == CompareView.class) {
            return new CompareView(models.comparison());
        }
        throw new IllegalArgumentException("the state panel has no controller of type " + type.getName());
    }

    @FXML
    private void initialize() {
        statePaneController.setOnExplain(row -> {
            models.why().explain(row);
            getSelectionModel().select(whyTab);
            // a keyboard user goes on in the postings (Down, Enter opens one), as a mouse user clicks one
            javafx.application.Platform.runLater(() -> {
                Node table = whyTab.getContent() == null ? null : whyTab.getContent().lookup("#whyTable");
                if (table != null && isSelected(whyTab)) {
                    table.requestFocus();
                }
            });
        });
        // the other tabs join the scene (styles, skins, layout) when first shown, not before the window's first frame
        LazyTab.whenFirstShown(chartTab, () -> new BalanceChartView(models.chart()));
        Node why = whyTab.getContent();
        LazyTab.whenFirstShown(whyTab, () -> why);
        Node compare = compareTab.getContent();
        LazyTab.whenFirstShown(compareTab, () -> compare);
    }

    private boolean isSelected(javafx.scene.control.Tab tab) {
        return getSelectionModel().getSelectedItem() == tab;
    }

    /** The view models of the panel's tabs. */
    public StatePanelModels models() {
        return models;
    }
}
