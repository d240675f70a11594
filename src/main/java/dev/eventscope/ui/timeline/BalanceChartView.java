package dev.eventscope.ui.timeline;

import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Map;

/**
 * An account's balance over time as steps (a balance changes at a posting and stays until the next), one
 * commodity at a time on an axis labelled with it (amounts in different commodities never share a
 * scale; the choice lists the account's commodities), with a vertical cursor that follows the slider;
 * an account with nothing to chart says so. Laid out in BalanceChartView.fxml.
 */
final class BalanceChartView extends VBox {

    private final BalanceChartViewModel model;
    @FXML private Label chartTitle;
    @FXML private NumberAxis xAxis;
    @FXML private NumberAxis yAxis;
    @FXML private LineChart<Number, Number> balanceChart;
    @FXML private Line cursor;
    @FXML private Pane overlay;
    @FXML private Label emptyChart;
    @FXML private Label commodityLabel;
    @FXML private ChoiceBox<String> commodityChoice;
    private Map<String, List<BalanceHistory.ChartPoint>> shown = Map.of();

    BalanceChartView(BalanceChartViewModel model) {
        this.model = model;
        dev.eventscope.ui.FxmlViews.loadInto(this, "/dev/eventscope/ui/timeline/BalanceChartView.fxml", "the balance chart");
    }

    @FXML
    private void initialize() {
        chartTitle.textProperty().bind(model.titleProperty());
        xAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return BalanceHistory.format(model.axisProperty().get(), value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        model.chartProperty().addListener((observable, before, series) -> show(series));
        commodityChoice.valueProperty().addListener((observable, before, commodity) -> draw(commodity));
        commodityLabel.visibleProperty().bind(commodityChoice.visibleProperty());
        commodityLabel.managedProperty().bind(commodityChoice.visibleProperty());
        commodityChoice.managedProperty().bind(commodityChoice.visibleProperty());
        show(model.chartProperty().get());
        model.coordinateProperty().addListener((observable, before, coordinate) -> placeCursor());
        balanceChart.needsLayoutProperty().addListener((observable, before, needs) -> placeCursor());
        overlay.layoutBoundsProperty().addListener((observable, before, bounds) -> placeCursor());
        xAxis.lowerBoundProperty().addListener((observable, before, bound) -> placeCursor());
        xAxis.upperBoundProperty().addListener((observable, before, bound) -> placeCursor());
    }

    private void show(Map<String, List<BalanceHistory.ChartPoint>> series) {
        shown = series == null ? Map.of() : series;
        String kept = commodityChoice.getValue();
        List<String> commodities = shown.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(Map.Entry::getKey).sorted().toList();
        commodityChoice.getItems().setAll(commodities);
        commodityChoice.setVisible(commodities.size() > 1);
        String chosen = commodities.contains(kept) ? kept : commodities.isEmpty() ? null : commodities.get(0);
        if (java.util.Objects.equals(chosen, commodityChoice.getValue())) {
            draw(chosen);
        } else {
            commodityChoice.setValue(chosen);
        }
    }

    private void draw(String commodity) {
        balanceChart.getData().clear();
        List<BalanceHistory.ChartPoint> points = commodity == null ? List.of() : shown.getOrDefault(commodity, List.of());
        boolean empty = points.isEmpty();
        balanceChart.setVisible(!empty);
        emptyChart.setVisible(empty);
        emptyChart.setText(model.titleProperty().get().startsWith("Select")
                ? "" : "Nothing to chart: this account has no postings yet.");
        if (empty) {
            cursor.setVisible(false);
            return;
        }
        yAxis.setLabel(commodity.isEmpty() ? "Balance (no commodity symbol)" : "Balance in " + commodity);
        XYChart.Series<Number, Number> line = new XYChart.Series<>();
        line.setName(commodity);
        double previous = Double.NaN;
        for (BalanceHistory.ChartPoint point : points) {
            double balance = point.balance().doubleValue();
            if (!Double.isNaN(previous)) {
                // a step: the old balance holds until the posting that changes it
                line.getData().add(new XYChart.Data<>(point.coordinate(), previous));
            }
            // a double is fine for drawing; the panel shows the exact amounts
            line.getData().add(new XYChart.Data<>(point.coordinate(), balance));
            previous = balance;
        }
        balanceChart.getData().add(line);
        balanceChart.layout();
        placeCursor();
    }

    private void placeCursor() {
        Node plot = balanceChart.lookup(".chart-plot-background");
        if (plot == null || balanceChart.getData().isEmpty()) {
            cursor.setVisible(false);
            return;
        }
        double value = model.coordinateProperty().get();
        double x = xAxis.getDisplayPosition(value);
        Bounds plotBounds = overlay.sceneToLocal(plot.localToScene(plot.getBoundsInLocal()));
        if (plotBounds == null) {
            return;
        }
        double onOverlay = overlay.sceneToLocal(xAxis.localToScene(x, 0)).getX();
        boolean inside = onOverlay >= plotBounds.getMinX() - 0.5 && onOverlay <= plotBounds.getMaxX() + 0.5;
        cursor.setVisible(inside);
        cursor.setStartX(onOverlay);
        cursor.setEndX(onOverlay);
        cursor.setStartY(plotBounds.getMinY());
        cursor.setEndY(plotBounds.getMaxY());
    }
}
