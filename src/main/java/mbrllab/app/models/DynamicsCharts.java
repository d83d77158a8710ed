package mbrllab.app.models;

import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.app.render.Theme;
import mbrllab.charts.CompoundingErrorChart;
import mbrllab.charts.SyncedFontChart;
import mbrllab.core.models.dynamics.CompoundingError;
import mbrllab.core.models.dynamics.MultiStepPrediction;
import mbrllab.core.models.dynamics.Trajectory;

/** The cart-pole tab's charts: multi-step predictions per state component, one-step parity, compounding error. */
final class DynamicsCharts {

    /** Axis names of the four state components. */
    static final String[] STATE = {"x [m]", "x' [m/s]", "theta [rad]", "theta' [rad/s]"};
    /** Short names for files. */
    static final String[] SHORT = {"x", "x_dot", "theta", "theta_dot"};

    private DynamicsCharts() {
    }

    static JFreeChart createMultiStep(int dim) {
        NumberAxis k = new NumberAxis("k (steps of 0.1 s)");
        k.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(STATE[dim]);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(null, k, y, null);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new SyncedFontChart(null, null, plot, true);
        chart.getLegend().setVisible(false); // the lab shows one legend for the four charts
        return chart;
    }

    /**
     * The prediction from one held-out start against the truth, for component {@code dim}: per shown rollout its
     * mean as a line and mean +- 2 sigma (95%) as a band; the truth as a line with dots.
     */
    static void updateMultiStep(JFreeChart chart, int dim, DynamicsResult r, Look look) {
        chart.setNotify(false);
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < 8; i++) {
            plot.setDataset(i, null);
            plot.setRenderer(i, null);
        }
        List<LegendItem> legend = new ArrayList<>();
        if (r != null) {
            int start = Math.min(r.settings().start(), r.windows().size() - 1);
            Trajectory truth = r.windows().get(start);
            int index = 0;
            for (Rollout ro : r.settings().shown()) {
                MultiStepPrediction[] ps = r.predictions().get(ro);
                if (ps == null) {
                    continue;
                }
                MultiStepPrediction p = ps[start];
                YIntervalSeries s = new YIntervalSeries(ro.label() + ": mean +-2 sigma (95%)");
                for (int k = 0; k <= p.horizon(); k++) {
                    double m = p.mean(k, dim);
                    double h = 2 * Math.sqrt(p.variance(k, dim));
                    s.add(k, m, m - h, m + h);
                }
                YIntervalSeriesCollection c = new YIntervalSeriesCollection();
                c.addSeries(s);
                DeviationRenderer renderer = new DeviationRenderer(true, false);
                renderer.setSeriesPaint(0, look.colour(ro.colour()));
                renderer.setSeriesFillPaint(0, look.colour(ro.colour()));
                renderer.setSeriesStroke(0, look.stroke(1.8));
                renderer.setAlpha(look.highContrast() ? Theme.HIGH_CONTRAST.bandAlpha() : 0.2f);
                plot.setDataset(index, c);
                plot.setRenderer(index++, renderer);
                legend.add(look.box(ro.label() + ": mean +-2 sigma (95%)", look.colour(ro.colour(), 0.5)));
            }
            XYSeries t = new XYSeries("true trajectory");
            for (int k = 0; k <= truth.length(); k++) {
                t.add(k, truth.state(k, dim));
            }
            XYLineAndShapeRenderer tr = new XYLineAndShapeRenderer(true, true);
            tr.setSeriesPaint(0, look.ink());
            tr.setSeriesStroke(0, look.stroke(1.6));
            double rad = 2.5 * Math.max(1, 0.8 * look.fontScale());
            tr.setSeriesShape(0, new Ellipse2D.Double(-rad, -rad, 2 * rad, 2 * rad));
            plot.setDataset(index, new XYSeriesCollection(t));
            plot.setRenderer(index, tr);
            legend.add(0, look.line("true trajectory", look.ink(), look.stroke(1.6)));
            // the truth's range plus 75% of its span either side: a band that runs off it has lost the track,
            // and the truth stays readable
            double lo = t.getMinY();
            double hi = t.getMaxY();
            double pad = Math.max(0.75 * (hi - lo), 0.1 * Math.max(1, Math.abs(hi)));
            plot.getRangeAxis().setRange(lo - pad, hi + pad);
        } else {
            plot.getRangeAxis().setAutoRange(true);
        }
        plot.setFixedLegendItems(Look.legend(legend));
        look.apply(chart);
        chart.setNotify(true);
    }

    static JFreeChart createParity(int dim) {
        NumberAxis x = new NumberAxis("true change of " + STATE[dim].split(" ")[0]);
        NumberAxis y = new NumberAxis("predicted");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new SyncedFontChart(null, null, plot, true);
        chart.getLegend().setVisible(false);
        return chart;
    }

    /** Predicted one-step change (mean) against the true change on held-out transitions, with the diagonal. */
    static void updateParity(JFreeChart chart, int dim, DynamicsResult r, Look look) {
        chart.setNotify(false);
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < 4; i++) {
            plot.setDataset(i, null);
            plot.setRenderer(i, null);
        }
        chart.clearSubtitles();
        List<LegendItem> legend = new ArrayList<>();
        DynamicsResult.Parity p = r == null ? null : r.parity();
        if (p != null) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int n = p.size();
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, p.truth()[i * 4 + dim]);
                hi = Math.max(hi, p.truth()[i * 4 + dim]);
            }
            XYSeries diagonal = new XYSeries("predicted = true");
            diagonal.add(lo, lo);
            diagonal.add(hi, hi);
            XYLineAndShapeRenderer dr = new XYLineAndShapeRenderer(true, false);
            dr.setSeriesPaint(0, look.muted());
            dr.setSeriesStroke(0, look.dashed(1.2));
            plot.setDataset(0, new XYSeriesCollection(diagonal));
            plot.setRenderer(0, dr);
            legend.add(look.line("predicted = true", look.muted(), look.dashed(1.2)));
            int index = 1;
            StringBuilder rmse = new StringBuilder();
            // the ensemble first, so that the GP's (mostly more accurate) points are drawn on top
            double[][] means = {p.ensembleMean(), p.gpMean()};
            String[] names = {"Ensemble", "GP"};
            int[] colours = {Look.ENSEMBLE, Look.GP};
            for (int m = 0; m < 2; m++) {
                if (means[m] == null) {
                    continue;
                }
                XYSeries s = new XYSeries(names[m], false);
                double se = 0;
                for (int i = 0; i < n; i++) {
                    double t = p.truth()[i * 4 + dim];
                    double e = means[m][i * 4 + dim];
                    s.add(t, e);
                    se += (t - e) * (t - e);
                }
                XYLineAndShapeRenderer sr = new XYLineAndShapeRenderer(false, true);
                double rad = 2.2 * Math.max(1, 0.8 * look.fontScale());
                sr.setSeriesShape(0, new Ellipse2D.Double(-rad, -rad, 2 * rad, 2 * rad));
                sr.setSeriesPaint(0, look.colour(colours[m], 0.7));
                plot.setDataset(index, new XYSeriesCollection(s));
                plot.setRenderer(index++, sr);
                legend.add(look.dot(names[m], look.colour(colours[m])));
                rmse.insert(0, String.format(Locale.ROOT, "%s %.2g", names[m], Math.sqrt(se / n))
                        + (rmse.length() == 0 ? "" : ", "));
            }
            chart.addSubtitle(new TextTitle("rmse: " + rmse));
        }
        plot.setFixedLegendItems(Look.legend(legend));
        look.apply(chart);
        chart.setNotify(true);
    }

    /** The compounding-error chart of the shown rollouts that are finished: RMSE and NLL stacked (for files). */
    static JFreeChart compounding(DynamicsResult r, Look look) {
        List<CompoundingErrorChart.Curve> curves = curves(r);
        JFreeChart chart = CompoundingErrorChart.create(null, curves);
        if (r != null) {
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "mean over %d held-out starts of PILCO's "
                    + "swing-up cart-pole, seed %d", r.windows().size(), r.seed())));
        }
        for (var sub : ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
            colour((XYPlot) sub, curves, look);
        }
        look.apply(chart);
        return chart;
    }

    /** The RMSE or the NLL chart alone, for the screen. */
    static JFreeChart compoundingPart(boolean nll, DynamicsResult r, Look look) {
        List<CompoundingErrorChart.Curve> curves = curves(r);
        JFreeChart chart = CompoundingErrorChart.single(nll, curves);
        colour(chart.getXYPlot(), curves, look);
        chart.getLegend().setVisible(false);
        chart.setTitle(new TextTitle(nll ? "NLL of the true state" : "RMSE of the predicted mean"));
        chart.getXYPlot().getRangeAxis().setLabel(nll ? "NLL" : "RMSE");
        look.apply(chart);
        chart.getTitle().setFont(look.font(12, true));
        return chart;
    }

    private static void colour(XYPlot plot, List<CompoundingErrorChart.Curve> curves, Look look) {
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < curves.size(); i++) {
            renderer.setSeriesPaint(i, look.colour(curves.get(i).colour()));
            renderer.setSeriesStroke(i, look.stroke(2));
        }
    }

    static List<CompoundingErrorChart.Curve> curves(DynamicsResult r) {
        List<CompoundingErrorChart.Curve> curves = new ArrayList<>();
        if (r != null) {
            Set<Rollout> shown = r.settings().shown();
            for (Rollout ro : Rollout.values()) {
                CompoundingError e = r.errors().get(ro);
                if (e != null && shown.contains(ro)) {
                    curves.add(new CompoundingErrorChart.Curve(ro.label(), e, ro.colour()));
                }
            }
        }
        return curves;
    }

    /** The shown start's predictions as CSV: rollout,k,dim,mean,sd,true. */
    static String multiStepCsv(DynamicsResult r) {
        StringBuilder sb = new StringBuilder("rollout,k,component,mean,sd,true\n");
        if (r == null) {
            return sb.toString();
        }
        int start = Math.min(r.settings().start(), r.windows().size() - 1);
        Trajectory truth = r.windows().get(start);
        for (Rollout ro : Rollout.values()) {
            MultiStepPrediction[] ps = r.predictions().get(ro);
            if (ps == null) {
                continue;
            }
            MultiStepPrediction p = ps[start];
            for (int k = 0; k <= p.horizon(); k++) {
                for (int d = 0; d < 4; d++) {
                    sb.append(ro.key()).append(',').append(k).append(',').append(SHORT[d]).append(',')
                            .append(p.mean(k, d)).append(',').append(Math.sqrt(p.variance(k, d))).append(',')
                            .append(truth.state(k, d)).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The parity data as CSV: component,true,gp_mean,gp_sd,ensemble_mean,ensemble_sd. */
    static String parityCsv(DynamicsResult r) {
        StringBuilder sb = new StringBuilder("component,true_change,gp_mean,gp_sd,ensemble_mean,ensemble_sd\n");
        DynamicsResult.Parity p = r == null ? null : r.parity();
        if (p == null) {
            return sb.toString();
        }
        for (int i = 0; i < p.size(); i++) {
            for (int d = 0; d < 4; d++) {
                int at = i * 4 + d;
                sb.append(SHORT[d]).append(',').append(p.truth()[at]).append(',')
                        .append(p.gpMean() == null ? "" : Double.toString(p.gpMean()[at])).append(',')
                        .append(p.gpVar() == null ? "" : Double.toString(Math.sqrt(p.gpVar()[at]))).append(',')
                        .append(p.ensembleMean() == null ? "" : Double.toString(p.ensembleMean()[at])).append(',')
                        .append(p.ensembleVar() == null ? "" : Double.toString(Math.sqrt(p.ensembleVar()[at])))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** A copy of a chart with its legend shown, for files. */
    static JFreeChart withLegend(JFreeChart chart) {
        try {
            JFreeChart copy = (JFreeChart) chart.clone();
            if (copy.getLegend() != null) {
                copy.getLegend().setVisible(true);
            }
            return copy;
        } catch (CloneNotSupportedException e) {
            return chart;
        }
    }
}
