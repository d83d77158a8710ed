package mbrllab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.core.dyna.CumulativeRewards;

/**
 * The chart of Figures 8.4 and 8.5: cumulative reward against time steps, one line per agent with its 95%
 * confidence band (mean +- t(0.975, R-1) * standard error over R runs), and a dashed vertical line where the
 * maze changed. Used by the command line (PNG) and by the app (inside a ChartViewer).
 */
public final class CumulativeRewardChart {

    private CumulativeRewardChart() {
    }

    /**
     * The data of the chart: one series per agent, keyed by its label, with the point (t, mean, mean - h, mean + h)
     * for t = 0 (all zero), stride, 2 stride, ... and the last step, h being the 95% half-width.
     *
     * @param stride plot every stride-th step (1 for all; the CSV always has all)
     */
    public static YIntervalSeriesCollection dataset(CumulativeRewards rewards, int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double t = mbrllab.core.stats.Confidence.factor95(rewards.runs());
        for (int i = 0; i < rewards.agentCount(); i++) {
            YIntervalSeries series = new YIntervalSeries(rewards.labels().get(i));
            series.add(0, 0, 0, 0);
            for (int step = stride; step <= rewards.steps(); step += stride) {
                add(series, rewards, i, step, t);
            }
            if (rewards.steps() % stride != 0) {
                add(series, rewards, i, rewards.steps(), t);
            }
            data.addSeries(series);
        }
        return data;
    }

    private static void add(YIntervalSeries series, CumulativeRewards rewards, int agent, int step, double t) {
        double mean = rewards.mean(agent, step);
        double h = t * rewards.standardError(agent, step);
        series.add(step, mean, Math.max(0, mean - h), mean + h);
    }

    /**
     * Builds the chart.
     *
     * @param changeStep the real step count after which the layout changed (a marker is drawn there), or &lt;= 0
     * @param fontScale  1 for normal text, larger for projectors
     */
    public static JFreeChart create(String title, YIntervalSeriesCollection data, long changeStep, double fontScale) {
        NumberAxis stepAxis = new NumberAxis("Time steps");
        stepAxis.setAutoRangeIncludesZero(true);
        stepAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis rewardAxis = new NumberAxis("Cumulative reward");
        rewardAxis.setAutoRangeIncludesZero(true);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.22f);
        XYPlot plot = new XYPlot(data, stepAxis, rewardAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = Palette.categorical(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke((float) (2.0 * Math.max(1, fontScale * 0.8))));
        }
        if (changeStep > 0) {
            ValueMarker marker = new ValueMarker(changeStep, new Color(0x44, 0x44, 0x44), new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("maze changes"); // the step is on the axis; a longer label was cut in a narrow chart
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * fontScale)));
            // Right of the line: the change comes at a third (Figure 8.4) or half (Figure 8.5) of the run, and left
            // of it "maze changes after 1000 steps" was cut at the plot's edge ("00 steps" at 1024x768, text 1.5).
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
        JFreeChart chart = new SyncedFontChart(title,
                new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(16 * fontScale)), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LearningCurveChart.applyFontScale(chart, fontScale);
        return chart;
    }
}
