package mbrllab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import mbrllab.core.models.dynamics.CompoundingError;

/**
 * The compounding-error chart: the error of multi-step predictions against the horizon k, one line per method,
 * on two stacked plots sharing k: the root mean square error of the predicted mean (top) and the negative
 * log-likelihood of the true state under the predicted Gaussian (bottom). Used by {@code models rollout} (PNG)
 * and by the models lab.
 */
public final class CompoundingErrorChart {

    /** One method's curves. */
    public record Curve(String name, CompoundingError error, int colour) {
    }

    private CompoundingErrorChart() {
    }

    /** The curves as CSV: {@code method,k,rmse,nll}. */
    public static String csv(List<Curve> curves) {
        StringBuilder sb = new StringBuilder("method,k,rmse,nll\n");
        for (Curve c : curves) {
            String name = c.name().contains(",") ? "\"" + c.name().replace("\"", "\"\"") + "\"" : c.name();
            for (int k = 1; k <= c.error().horizon(); k++) {
                sb.append(name).append(',').append(k).append(',').append(c.error().rmse(k)).append(',')
                        .append(c.error().nll(k)).append('\n');
            }
        }
        return sb.toString();
    }

    /** The two datasets, RMSE then NLL, one series per curve keyed by its name. */
    public static XYSeriesCollection[] datasets(List<Curve> curves) {
        XYSeriesCollection rmse = new XYSeriesCollection();
        XYSeriesCollection nll = new XYSeriesCollection();
        for (Curve c : curves) {
            XYSeries r = new XYSeries(c.name());
            XYSeries l = new XYSeries(c.name());
            for (int k = 1; k <= c.error().horizon(); k++) {
                r.add(k, c.error().rmse(k));
                l.add(k, c.error().nll(k));
            }
            rmse.addSeries(r);
            nll.addSeries(l);
        }
        return new XYSeriesCollection[] {rmse, nll};
    }

    /**
     * The chart.
     *
     * @param title  chart title, or null
     * @param curves one per method
     */
    public static JFreeChart create(String title, List<Curve> curves) {
        XYSeriesCollection[] data = datasets(curves);
        NumberAxis k = new NumberAxis("Horizon k (steps of 0.1 s)");
        k.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        k.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(k);
        plot.setGap(12);
        NumberAxis rmseAxis = new NumberAxis("RMSE of the mean");
        NumberAxis nllAxis = new NumberAxis("NLL of the true state");
        nllAxis.setAutoRangeIncludesZero(false);
        plot.add(subplot(data[0], rmseAxis, curves, true), 1);
        plot.add(subplot(data[1], nllAxis, curves, false), 1);
        JFreeChart chart = new SyncedFontChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LearningCurveChart.applyFontScale(chart, 1);
        return chart;
    }

    /**
     * One of the two plots as a chart of its own (the lab shows them side by side): the RMSE, or the NLL, against k.
     */
    public static JFreeChart single(boolean nll, List<Curve> curves) {
        XYSeriesCollection[] data = datasets(curves);
        NumberAxis k = new NumberAxis("Horizon k (steps of 0.1 s)");
        k.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        k.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(nll ? "NLL of the true state" : "RMSE of the mean");
        y.setAutoRangeIncludesZero(!nll);
        XYPlot plot = subplot(data[nll ? 1 : 0], y, curves, true);
        plot.setDomainAxis(k);
        JFreeChart chart = new SyncedFontChart(null, null, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LearningCurveChart.applyFontScale(chart, 1);
        return chart;
    }

    private static XYPlot subplot(XYSeriesCollection data, NumberAxis axis, List<Curve> curves, boolean inLegend) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultSeriesVisibleInLegend(inLegend);
        for (int i = 0; i < curves.size(); i++) {
            Color c = Palette.categorical(curves.get(i).colour());
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        return plot;
    }
}
