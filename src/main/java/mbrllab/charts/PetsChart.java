package mbrllab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import mbrllab.core.planning.PetsEpisode;

/**
 * The PETS chart: on top, the return of every episode of one run (episode 1 is the random one; successful episodes
 * marked), with the largest possible return as a reference line; below, for the planned episodes, the return of the
 * executed plans over their horizon as the model predicted it against the same plans replayed open-loop in the true
 * physics (mean over the control steps): a gap between the two is the model being exploited. Used by {@code pets}
 * (PNG) and later by the planning lab.
 */
public final class PetsChart {

    private PetsChart() {
    }

    /** The return per episode and the successful episodes' returns (two series). */
    public static XYSeriesCollection returns(List<PetsEpisode> episodes) {
        XYSeries all = new XYSeries("return");
        XYSeries success = new XYSeries("success");
        for (PetsEpisode e : episodes) {
            all.add(e.number(), e.totalReturn());
            if (e.success()) {
                success.add(e.number(), e.totalReturn());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(success);
        return data;
    }

    /** The predicted and the true (open-loop replayed) return of the executed plans, for the planned episodes. */
    public static XYSeriesCollection planReturns(List<PetsEpisode> episodes) {
        XYSeries predicted = new XYSeries("plan return predicted by the model");
        XYSeries replayed = new XYSeries("the same plan replayed in the true physics");
        for (PetsEpisode e : episodes) {
            if (!e.random()) {
                predicted.add(e.number(), e.predictedReturn());
                replayed.add(e.number(), e.replayedReturn());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(predicted);
        data.addSeries(replayed);
        return data;
    }

    /**
     * The chart.
     *
     * @param title     chart title, or null
     * @param episodes  the run's episodes, in order
     * @param maxReturn the largest possible return (a reference line), or &lt;= 0 for none
     * @param horizon   the planner's H (for the lower plot's axis label)
     * @param fontScale 1 for normal text, larger for projectors
     */
    public static JFreeChart create(String title, List<PetsEpisode> episodes, double maxReturn, int horizon,
                                    double fontScale) {
        NumberAxis episodeAxis = new NumberAxis("Episode (1 = random forces)");
        episodeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        episodeAxis.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(episodeAxis);
        plot.setGap(12);

        XYLineAndShapeRenderer top = new XYLineAndShapeRenderer(true, true);
        top.setSeriesPaint(0, Palette.categorical(0));
        top.setSeriesStroke(0, new BasicStroke((float) (2.0 * Math.max(1, fontScale * 0.8))));
        top.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        top.setSeriesLinesVisible(1, false);
        top.setSeriesPaint(1, Palette.categorical(2));
        top.setSeriesShape(1, new Rectangle2D.Double(-6, -6, 12, 12));
        NumberAxis returnAxis = new NumberAxis("Return");
        returnAxis.setAutoRangeIncludesZero(true);
        XYPlot returnsPlot = subplot(returns(episodes), returnAxis, top);
        if (maxReturn > 0) {
            ValueMarker marker = new ValueMarker(maxReturn, new Color(0x44, 0x44, 0x44), new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("largest possible: " + brief(maxReturn));
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(12 * fontScale)));
            marker.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            returnsPlot.addRangeMarker(marker, Layer.FOREGROUND);
            returnAxis.setAutoRange(false);
            returnAxis.setRange(0, maxReturn * 1.08);
        }
        plot.add(returnsPlot, 3);

        XYLineAndShapeRenderer bottom = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 2; i++) {
            bottom.setSeriesPaint(i, Palette.categorical(i == 0 ? 1 : 5));
            bottom.setSeriesStroke(i, new BasicStroke((float) (2.0 * Math.max(1, fontScale * 0.8))));
            bottom.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis planAxis = new NumberAxis("Plan return over H = " + horizon);
        planAxis.setAutoRangeIncludesZero(true);
        plot.add(subplot(planReturns(episodes), planAxis, bottom), 2);

        JFreeChart chart = new SyncedFontChart(title,
                new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(16 * fontScale)), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LearningCurveChart.applyFontScale(chart, fontScale);
        return chart;
    }

    private static XYPlot subplot(XYSeriesCollection data, NumberAxis axis, XYLineAndShapeRenderer renderer) {
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        return plot;
    }

    private static String brief(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
