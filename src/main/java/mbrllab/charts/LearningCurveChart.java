package mbrllab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.core.stats.Confidence;
import mbrllab.core.dyna.LearningCurves;

/**
 * The Figure 8.2 chart: steps per episode against episode, one line per n with its 95% confidence band
 * (mean +- t(0.975, R-1) * standard error over R runs), and the shortest path as a dashed reference line.
 * Used by the command line (PNG) and by the app (inside a ChartViewer).
 */
public final class LearningCurveChart {

    private LearningCurveChart() {
    }

    /**
     * The data of the chart: one series per n, keyed "n = N", each point (episode, mean, mean - h, mean + h)
     * with h the 95% half-width. Episodes are numbered from 1.
     *
     * @param firstEpisode first episode to include, 1-based (the book starts its plot at 2)
     */
    public static YIntervalSeriesCollection dataset(LearningCurves curves, int firstEpisode) {
        return dataset(curves, firstEpisode, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #dataset(LearningCurves, int)}, the bands cut at {@code most}, the largest value an episode can have
     * (500 steps where episodes are truncated there): the mean lies below it, so the cut band still holds it at least
     * as often, and with few runs (a t factor of 12.7 for two) the band no longer stretches the axis far past any
     * possible value.
     */
    public static YIntervalSeriesCollection dataset(LearningCurves curves, int firstEpisode, double most) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double t = Confidence.factor95(curves.runs());
        for (int i = 0; i < curves.nValues().size(); i++) {
            YIntervalSeries series = new YIntervalSeries("n = " + curves.nValues().get(i));
            for (int e = firstEpisode - 1; e < curves.episodes(); e++) {
                double mean = curves.mean(i, e);
                double h = t * curves.standardError(i, e);
                series.add(e + 1, mean, Math.max(mean - h, 0.5), Math.min(mean + h, most));
            }
            data.addSeries(series);
        }
        return data;
    }

    /**
     * Builds the chart.
     *
     * @param title        chart title
     * @param data         from {@link #dataset}
     * @param shortestPath reference line value in steps, or &lt;= 0 for none
     * @param logScale     logarithmic steps axis
     * @param fontScale    1 for normal text, larger for projectors
     */
    public static JFreeChart create(String title, YIntervalSeriesCollection data, int shortestPath, boolean logScale,
                                    double fontScale) {
        NumberAxis episodeAxis = new NumberAxis("Episode");
        episodeAxis.setAutoRangeIncludesZero(false);
        episodeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ValueAxis stepsAxis;
        if (logScale) {
            LogAxis log = new LogAxis("Steps per episode (log scale)");
            log.setBase(10);
            log.setSmallestValue(1);
            log.setTickUnit(new NumberTickUnit(1));
            stepsAxis = log;
        } else {
            NumberAxis linear = new NumberAxis("Steps per episode");
            linear.setAutoRangeIncludesZero(true);
            stepsAxis = linear;
        }
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.22f);
        XYPlot plot = new XYPlot(data, episodeAxis, stepsAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        int count = data.getSeriesCount();
        boolean many = count > Palette.CATEGORICAL_COUNT;
        for (int i = 0; i < count; i++) {
            Color c = many ? manyColour(i, count) : Palette.categorical(i);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke((float) (2.0 * Math.max(1, fontScale * 0.8))));
            // a line needs two points: a curve of one episode is drawn as a dot
            renderer.setSeriesShapesVisible(i, data.getItemCount(i) == 1);
        }
        if (shortestPath > 0) {
            ValueMarker marker = new ValueMarker(shortestPath, new Color(0x44, 0x44, 0x44), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("shortest path: " + shortestPath + " steps");
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * fontScale)));
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker, Layer.FOREGROUND);
        }
        if (many) {
            plot.setFixedLegendItems(manyLegend(data, fontScale));
        }
        JFreeChart chart = new SyncedFontChart(title,
                new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(16 * fontScale)), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        applyFontScale(chart, fontScale);
        return chart;
    }

    /**
     * The colour of curve i of {@code count} when there are more than the categorical colours (which would repeat, and
     * whose legend takes lines of the chart: 40 values of {@code cartpole learn --n} took four): viridis, dark for the
     * first listed to green for the last (its light yellow end does not show on white).
     */
    static Color manyColour(int i, int count) {
        return Palette.viridis(1 - 0.75 * i / (count - 1));
    }

    /** The legend of many curves: the first, how many lie between, the last. */
    private static LegendItemCollection manyLegend(YIntervalSeriesCollection data, double fontScale) {
        int count = data.getSeriesCount();
        Shape line = new Line2D.Double(-7, 0, 7, 0);
        Stroke stroke = new BasicStroke((float) (2.0 * Math.max(1, fontScale * 0.8)));
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(data.getSeriesKey(0).toString(), null, null, null, line, stroke, manyColour(0, count)));
        LegendItem between = new LegendItem(String.format(java.util.Locale.ROOT,
                "\u2026 %d more curves, dark to light in the order listed \u2026", count - 2), null, null, null, line,
                new BasicStroke(0f), new Color(0, 0, 0, 0));
        between.setLineVisible(false);
        items.add(between);
        items.add(new LegendItem(data.getSeriesKey(count - 1).toString(), null, null, null, line, stroke,
                manyColour(count - 1, count)));
        return items;
    }

    private static void setFonts(ValueAxis axis, Font label, Font ticks) {
        if (axis != null) {
            axis.setLabelFont(label);
            axis.setTickLabelFont(ticks);
        }
    }

    /**
     * Sets axis label, tick and legend fonts for a font scale (1 = normal), on every axis of the plot and, for a
     * combined plot, of its subplots.
     */
    public static void applyFontScale(JFreeChart chart, double fontScale) {
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(14 * fontScale));
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * fontScale));
        XYPlot plot = chart.getXYPlot();
        java.util.List<XYPlot> plots = new java.util.ArrayList<>(java.util.List.of(plot));
        if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
        }
        for (XYPlot p : plots) {
            for (int a = 0; a < p.getDomainAxisCount(); a++) {
                setFonts(p.getDomainAxis(a), label, ticks);
            }
            for (int a = 0; a < p.getRangeAxisCount(); a++) {
                setFonts(p.getRangeAxis(a), label, ticks);
            }
            for (int i = 0; i < p.getRendererCount(); i++) {
                if (p.getRenderer(i) instanceof org.jfree.chart.renderer.AbstractRenderer r) {
                    r.setDefaultLegendTextFont(label);
                }
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(label);
        }
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(16 * fontScale)));
        }
    }
}
