package mbrllab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * PILCO's cost per trial: the cost the model predicted for each learning trial's policy (its expectation with
 * +-2 standard deviations as an error bar) against the cost the trial actually had on the real system, with the
 * successful trials marked. Used by {@code pilco} (PNG) and later by the PILCO lab.
 */
public final class PilcoCostChart {

    /**
     * One trial's numbers.
     *
     * @param trial         1-based
     * @param predicted     predicted expected total cost, NaN when there was no prediction (the random trial)
     * @param predictedSd   its standard deviation, NaN without a prediction
     * @param actual        the actual total cost
     * @param success       whether the trial was a success
     */
    public record Point(int trial, double predicted, double predictedSd, double actual, boolean success) {
    }

    private PilcoCostChart() {
    }

    /** The datasets: predicted with +-2 sd (interval series), actual on failures, actual on successes. */
    static XYSeriesCollection actual(List<Point> points) {
        XYSeries failed = new XYSeries("actual cost (no success)");
        XYSeries succeeded = new XYSeries("actual cost (success)");
        for (Point p : points) {
            (p.success() ? succeeded : failed).add(p.trial(), p.actual());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(failed);
        data.addSeries(succeeded);
        return data;
    }

    static YIntervalSeriesCollection predicted(List<Point> points) {
        YIntervalSeries series = new YIntervalSeries("predicted cost +-2 sd");
        for (Point p : points) {
            if (Double.isFinite(p.predicted())) {
                double sd = Double.isFinite(p.predictedSd()) ? p.predictedSd() : 0;
                series.add(p.trial(), p.predicted(), p.predicted() - 2 * sd, p.predicted() + 2 * sd);
            }
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        return data;
    }

    /**
     * The chart.
     *
     * @param title    chart title, or null
     * @param points   one per trial, in order
     * @param maxCost  the largest possible total cost (the horizon H), the top of the value axis
     */
    public static JFreeChart create(String title, List<Point> points, double maxCost) {
        NumberAxis trial = new NumberAxis("Trial (1 = random forces)");
        trial.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        trial.setRange(0.5, Math.max(1, points.size()) + 0.5);
        NumberAxis cost = new NumberAxis("Cost summed over the trial");
        cost.setRange(0, maxCost * 1.02);

        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        errors.setDrawYError(true);
        errors.setCapLength(10);
        errors.setErrorStroke(new BasicStroke(2f));
        errors.setDefaultLinesVisible(true);
        errors.setDefaultShapesVisible(true);
        Color predictedColour = Palette.categorical(0);
        errors.setSeriesPaint(0, predictedColour);
        errors.setErrorPaint(predictedColour);
        errors.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        // A hollow square around the actual cost's dot, drawn over it: where the prediction was right the two
        // nest, and a success's green stays in sight (a filled square on top had hidden it).
        errors.setSeriesShape(0, new Rectangle2D.Double(-8, -8, 16, 16));
        errors.setSeriesShapesFilled(0, false);
        errors.setUseOutlinePaint(false);
        errors.setSeriesOutlineStroke(0, new BasicStroke(2f));

        XYLineAndShapeRenderer actual = new XYLineAndShapeRenderer(false, true);
        actual.setSeriesPaint(0, Palette.categorical(1));
        actual.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        actual.setSeriesPaint(1, Palette.categorical(2));
        actual.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));

        XYPlot plot = new XYPlot(predicted(points), trial, cost, errors);
        plot.setDataset(1, actual(points));
        plot.setRenderer(1, actual);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        JFreeChart chart = new SyncedFontChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LearningCurveChart.applyFontScale(chart, 1);
        return chart;
    }
}
