package dev.eventscope.ui.timeline;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Map;

/** An account's balance over time, one line per commodity, with a vertical cursor that follows the slider. */
final class BalanceChartView extends VBox {

    private final TimelineViewModel model;
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Line cursor = new Line();
    private final Pane overlay = new Pane(cursor);

    BalanceChartView(TimelineViewModel model) {
        this.model = model;
        Label title = new Label();
        title.getStyleClass().add("pane-heading");
        title.textProperty().bind(model.chartTitleProperty());
        chart.setId("balanceChart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        xAxis.setForceZeroInRange(false);
        xAxis.setAutoRanging(true);
        yAxis.setForceZeroInRange(true);
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
        cursor.getStyleClass().add("chart-cursor");
        cursor.setManaged(false);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        StackPane stack = new StackPane(chart, overlay);
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().addAll(title, stack);
        setSpacing(4);
        setPadding(new Insets(8));
        model.chartProperty().addListener((observable, before, series) -> show(series));
        model.coordinateProperty().addListener((observable, before, coordinate) -> placeCursor());
        chart.needsLayoutProperty().addListener((observable, before, needs) -> placeCursor());
        overlay.layoutBoundsProperty().addListener((observable, before, bounds) -> placeCursor());
        xAxis.lowerBoundProperty().addListener((observable, before, bound) -> placeCursor());
        xAxis.upperBoundProperty().addListener((observable, before, bound) -> placeCursor());
    }

    private void show(Map<String, List<BalanceHistory.ChartPoint>> series) {
        chart.getData().clear();
        series.forEach((commodity, points) -> {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(commodity);
            for (BalanceHistory.ChartPoint point : points) {
                // a double is fine for drawing; the panel shows the exact amounts
                line.getData().add(new XYChart.Data<>(point.coordinate(), point.balance().doubleValue()));
            }
            chart.getData().add(line);
        });
        chart.layout();
        placeCursor();
    }

    private void placeCursor() {
        Node plot = chart.lookup(".chart-plot-background");
        if (plot == null || chart.getData().isEmpty()) {
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
