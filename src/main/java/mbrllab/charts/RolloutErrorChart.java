package mbrllab.charts;

import mbrllab.core.stats.Confidence;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The compounding error of a Dyna-style learner's model rollouts: the scaled state error after k imagined steps
 * against k, one line per setting with a 95% confidence band over runs, and dashed beside it the error of the k-th
 * step alone.
 */
public final class RolloutErrorChart {

    /**
     * One setting's error curve, k = 1 .. mean.length.
     *
     * @param name   legend text
     * @param colour index into {@link Palette#categorical}
     * @param mean   mean over runs of the error after k steps
     * @param se     standard error over runs
     * @param dashed drawn dashed (the error of the k-th step alone, beside the solid compounded error)
     * @param runs   runs behind the mean (the band's t factor)
     */
    public record Curve(String name, int colour, double[] mean, double[] se, boolean dashed, int runs) {
    }

    private RolloutErrorChart() {
    }

    /** One series per curve, points (k, mean, mean - h, mean + h). */
    public static YIntervalSeriesCollection dataset(List<Curve> curves) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Curve c : curves) {
            double t = Confidence.factor95(c.runs());
            YIntervalSeries series = new YIntervalSeries(c.name());
            for (int k = 1; k <= c.mean().length; k++) {
                double m = c.mean()[k - 1];
                if (Double.isFinite(m)) {
                    double h = t * c.se()[k - 1];
                    series.add(k, m, Math.max(0, m - h), m + h);
                }
            }
            data.addSeries(series);
        }
        return data;
    }

    public static JFreeChart create(String title, List<Curve> curves) {
        NumberAxis kAxis = new NumberAxis("Model rollout step k (steps of 0.02 s)");
        kAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        kAxis.setAutoRangeIncludesZero(false);
        NumberAxis errorAxis = new NumberAxis("State error (RMS, scaled by 2.4 m, 2 m/s, 0.21 rad, 2 rad/s)");
        errorAxis.setAutoRangeIncludesZero(true);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.2f);
        XYPlot plot = new XYPlot(dataset(curves), kAxis, errorAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        for (int i = 0; i < curves.size(); i++) {
            Color c = Palette.categorical(curves.get(i).colour());
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            renderer.setSeriesStroke(i, curves.get(i).dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        JFreeChart chart = new SyncedFontChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LearningCurveChart.applyFontScale(chart, 1);
        return chart;
    }
}
