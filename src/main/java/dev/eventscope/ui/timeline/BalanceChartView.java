package dev.eventscope.ui.timeline;

import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** An account's balance over time, one line per commodity, with a vertical cursor that follows the slider; laid out in BalanceChartView.fxml. */
final class BalanceChartView extends VBox {

    private final TimelineViewModel model;
    @FXML private Label chartTitle;
    @FXML private NumberAxis xAxis;
    @FXML private NumberAxis yAxis;
    @FXML private LineChart<Number, Number> balanceChart;
    @FXML private Line cursor;
    @FXML private Pane overlay;

    BalanceChartView(TimelineViewModel model) {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(BalanceChartView.class.getResource("/dev/eventscope/ui/timeline/BalanceChartView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the balance chart could not be loaded", e);
        }
    }

    @FXML
    private void initialize() {
        chartTitle.textProperty().bind(model.chartTitleProperty());
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
        model.coordinateProperty().addListener((observable, before, coordinate) -> placeCursor());
        balanceChart.needsLayoutProperty().addListener((observable, before, needs) -> placeCursor());
        overlay.layoutBoundsProperty().addListener((observable, before, bounds) -> placeCursor());
        xAxis.lowerBoundProperty().addListener((observable, before, bound) -> placeCursor());
        xAxis.upperBoundProperty().addListener((observable, before, bound) -> placeCursor());
    }

    private void show(Map<String, List<BalanceHistory.ChartPoint>> series) {
        balanceChart.getData().clear();
        series.forEach((commodity, points) -> {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(commodity);
            for (BalanceHistory.ChartPoint point : points) {
                // a double is fine for drawing; the panel shows the exact amounts
                line.getData().add(new XYChart.Data<>(point.coordinate(), point.balance().doubleValue()));
            }
            balanceChart.getData().add(line);
        });
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
