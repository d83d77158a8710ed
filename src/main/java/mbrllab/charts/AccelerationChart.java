package mbrllab.charts;

import mbrllab.core.stats.Confidence;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Learning curves of the acceleration lab against real steps: one line per setting (a mean over runs) with its 95%
 * confidence band (mean +- t(0.975, n-1) se over the n runs counted at that step), and the return 195 as a dashed
 * reference line.
 */
public final class AccelerationChart {

    /**
     * One setting's curve.
     *
     * @param name  legend text
     * @param steps real steps of the points
     * @param mean  mean over runs at each point (NaN: no point)
     * @param se    standard error over runs
     * @param runs  runs counted at each point
     */
    public record Curve(String name, int[] steps, double[] mean, double[] se, double[] runs) {
    }

    private AccelerationChart() {
    }

    /**
     * A value axis whose automatic range reaches at least {@code reach}: the reference line and its label above it
     * stay in view while the curves are far below it (the lab's first few hundred real steps, returns of 10 to 50),
     * so that a curve is read against the goal and the axis does not jump when it first comes near.
     */
    static final class ReachingAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;
        private final double reach;

        ReachingAxis(String label, double reach) {
            super(label);
            this.reach = reach;
        }

        @Override
        protected void autoAdjustRange() {
            super.autoAdjustRange();
            Range r = getRange();
            if (isAutoRange() && reach > 0 && r.getUpperBound() < reach) {
                setRange(new Range(r.getLowerBound(), reach), false, false);
            }
        }
    }

    /**
     * The data: one series per curve, points (step, mean, mean - h, mean + h), the band clipped to [0, maxReturn]
     * (no return lies outside).
     */
    public static YIntervalSeriesCollection dataset(List<Curve> curves, double maxReturn) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Curve c : curves) {
            YIntervalSeries series = new YIntervalSeries(c.name());
            for (int i = 0; i < c.steps().length; i++) {
                double m = c.mean()[i];
                if (Double.isNaN(m)) {
                    continue;
                }
                double h = Confidence.factor95((int) c.runs()[i]) * c.se()[i];
                series.add(c.steps()[i], m, Math.max(0, m - h), Math.min(maxReturn, m + h));
            }
            data.addSeries(series);
        }
        return data;
    }

    /** Sets the reference line's label to 12 px times {@code fontScale} (the lab's text size). */
    public static void setFontScale(JFreeChart chart, double fontScale) {
        for (Object o : chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND)) {
            if (o instanceof ValueMarker m) {
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * fontScale)));
            }
        }
    }

    /**
     * Shows the reference line's label only where it fits above the line inside the plot as last drawn ({@code
     * plotHeight} px high): on a short plot with large text it ran out of the plot's top and was cut ("return 195"
     * half gone in the acceleration lab, presenter mode at text 2.0). Changes the marker only when that changes.
     */
    public static void fitMarkerLabel(JFreeChart chart, double plotHeight) {
        XYPlot plot = chart.getXYPlot();
        Range r = plot.getRangeAxis().getRange();
        for (Object o : plot.getRangeMarkers(Layer.FOREGROUND)) {
            if (o instanceof ValueMarker m && r.getLength() > 0) {
                double above = plotHeight * (r.getUpperBound() - m.getValue()) / r.getLength();
                String label = above >= m.getLabelFont().getSize2D() * 1.25 ? "return " + (int) m.getValue() : null;
                if (!java.util.Objects.equals(label, m.getLabel())) {
                    m.setLabel(label);
                }
            }
        }
    }

    /**
     * The chart.
     *
     * @param maxReturn the largest return of an episode (the band is clipped to it)
     * @param threshold the reference return, or &lt;= 0 for none
     */
    public static JFreeChart create(String title, List<Curve> curves, double maxReturn, double threshold) {
        NumberAxis stepsAxis = new NumberAxis("Real steps taken");
        stepsAxis.setAutoRangeIncludesZero(true);
        NumberAxis returnAxis = new ReachingAxis("Return (steps balanced), mean of the last 10 episodes",
                threshold * 1.2);
        returnAxis.setAutoRangeIncludesZero(true);
        // Before any data (the lab's chart while its runs wait): the reference line and a stretch of real steps in
        // view, not JFreeChart's 0 to 1 on both axes.
        stepsAxis.setDefaultAutoRange(new Range(0, 5000));
        returnAxis.setDefaultAutoRange(new Range(0, Math.max(threshold, 0) * 1.25 + 1));
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.2f);
        XYPlot plot = new XYPlot(dataset(curves, maxReturn), stepsAxis, returnAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        // Every colour of the palette, not only the curves' given now: a chart made empty (the lab's, before its
        // runs) otherwise draws its later curves in JFreeChart's own red, blue and green.
        for (int i = 0; i < Math.max(curves.size(), Palette.CATEGORICAL_COUNT); i++) {
            Color c = Palette.categorical(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        if (threshold > 0) {
            ValueMarker marker = new ValueMarker(threshold, new Color(0x44, 0x44, 0x44), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("return " + (int) threshold);
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(marker, Layer.FOREGROUND);
        }
        JFreeChart chart = new SyncedFontChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        // room right of the plot for half the last tick label: "3,400" at the steps axis' end was cut to "3,40"
        chart.setPadding(new RectangleInsets(2, 2, 2, 16));
        LearningCurveChart.applyFontScale(chart, 1);
        return chart;
    }
}
