package mbrllab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.core.dyna.UpdatesToOptimal;

/**
 * The chart of Example 8.4: updates until an optimal solution (log scale) against maze size in states, one line
 * per agent with 95% confidence intervals as error bars.
 */
public final class UpdatesToOptimalChart {

    private UpdatesToOptimalChart() {
    }

    /**
     * One series per agent: (states, mean, mean - h, mean + h) per maze, h the 95% half-width over the runs that
     * found an optimal policy; mazes where none did are left out.
     */
    public static YIntervalSeriesCollection dataset(UpdatesToOptimal result) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int a = 0; a < result.labels().size(); a++) {
            YIntervalSeries series = new YIntervalSeries(result.labels().get(a));
            for (int m = 0; m < result.states().size(); m++) {
                double mean = result.mean(m, a);
                if (Double.isNaN(mean)) {
                    continue;
                }
                int reached = result.runs() - result.censored(m, a);
                double h = mbrllab.core.stats.Confidence.factor95(reached) * result.standardError(m, a);
                series.add(result.states().get(m), mean, Math.max(mean - h, mean / 10), mean + h);
            }
            data.addSeries(series);
        }
        return data;
    }

    /** Builds the chart; {@code fontScale} is 1 for normal text. */
    public static JFreeChart create(String title, YIntervalSeriesCollection data, double fontScale) {
        NumberAxis sizeAxis = new NumberAxis("Gridworld size (number of states)");
        sizeAxis.setAutoRangeIncludesZero(true);
        sizeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis updatesAxis = new LogAxis("Updates until optimal solution (log scale)");
        updatesAxis.setBase(10);
        updatesAxis.setSmallestValue(1);
        updatesAxis.setTickUnit(new NumberTickUnit(1));
        updatesAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        renderer.setCapLength(8);
        XYPlot plot = new XYPlot(data, sizeAxis, updatesAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = Palette.categorical(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke((float) (2.0 * Math.max(1, fontScale * 0.8))));
        }
        JFreeChart chart = new SyncedFontChart(title,
                new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(16 * fontScale)), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LearningCurveChart.applyFontScale(chart, fontScale);
        return chart;
    }
}
