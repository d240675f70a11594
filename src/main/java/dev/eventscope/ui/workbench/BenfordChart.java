package dev.eventscope.ui.workbench;

import dev.eventscope.audit.tests.BenfordGroup;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.Locale;

/** Observed against expected first-digit shares (in %) of one account type, as grouped bars. */
final class BenfordChart {

    private final CategoryAxis digits = new CategoryAxis();
    private final NumberAxis percent = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(digits, percent);

    BenfordChart() {
        chart.setId("benfordChart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setCategoryGap(12);
        chart.setBarGap(1);
        digits.setLabel("first digit");
        percent.setLabel("% of postings");
        chart.setMinHeight(220);
    }

    BarChart<String, Number> node() {
        return chart;
    }

    void show(BenfordGroup group) {
        chart.getData().clear();
        if (group == null) {
            chart.setTitle("");
            return;
        }
        XYChart.Series<String, Number> observed = new XYChart.Series<>();
        observed.setName("observed");
        XYChart.Series<String, Number> expected = new XYChart.Series<>();
        expected.setName("Benford");
        for (int digit = 1; digit <= 9; digit++) {
            observed.getData().add(new XYChart.Data<>(Integer.toString(digit), 100 * group.observed(digit)));
            expected.getData().add(new XYChart.Data<>(Integer.toString(digit), 100 * BenfordGroup.expected(digit)));
        }
        chart.getData().add(observed);
        chart.getData().add(expected);
        chart.setTitle(title(group));
    }

    static String title(BenfordGroup group) {
        return String.format(Locale.ROOT, "%s: %d postings · chi-square %.2f (5 %% limit %.3f) · MAD %.4f · %s", group.accountType(),
                group.count(), group.chiSquare(), BenfordGroup.CHI_SQUARE_CRITICAL_5_PERCENT, group.mad(), group.conformity().text());
    }
}
