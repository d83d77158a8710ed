package mbrllab.app.models;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.charts.SyncedFontChart;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.PlaygroundData;

/**
 * The playground's two charts, rebuilt from a fit: the data with each model's mean and bands (main chart), and
 * the standard deviations split into epistemic and aleatoric against x (sigma chart).
 *
 * <p>Bands: the darker one is mean +- 2 sigma_epistemic (95% for the function f), the lighter one
 * mean +- 2 sqrt(sigma_epistemic^2 + sigma_aleatoric^2) (95% for a new noisy y): the lighter part outside the
 * dark band is what the noise adds.
 */
final class PlaygroundCharts {

    /** What to draw. */
    record Options(ModelChoice choice, boolean priorSamples, boolean posteriorSamples, boolean memberCurves) {
    }

    private static final Color CLEAR = new Color(0, 0, 0, 0);

    private PlaygroundCharts() {
    }

    static JFreeChart createMain() {
        NumberAxis x = new NumberAxis("x");
        x.setRange(PlaygroundFitter.GRID_MIN, PlaygroundFitter.GRID_MAX);
        NumberAxis y = new NumberAxis("y");
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = new SyncedFontChart(null, null, plot, true);
        return chart;
    }

    static JFreeChart createSigma() {
        NumberAxis x = new NumberAxis("x");
        x.setRange(PlaygroundFitter.GRID_MIN, PlaygroundFitter.GRID_MAX);
        NumberAxis y = new NumberAxis("sigma");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(null, x, y, null);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return new SyncedFontChart(null, null, plot, true);
    }

    /** A sensible fixed y range for the generator: the target's values on the grid plus three noise levels. */
    static double[] yRange(PlaygroundData g) {
        double max = 0;
        for (double x : PlaygroundFitter.grid()) {
            if (Math.abs(x) <= 4) {
                max = Math.max(max, Math.abs(g.target().value(x)));
            }
        }
        double noise = Math.max(g.noiseStd(PlaygroundData.X_MIN), g.noiseStd(PlaygroundData.X_MAX));
        double h = Math.min(12, Math.max(2.5, max + 3 * noise + 0.5));
        return new double[] {-h, h};
    }

    /** Rebuilds the main chart's layers. */
    static void updateMain(JFreeChart chart, PlaygroundFit fit, PlaygroundData generator, Options o, Look look) {
        chart.setNotify(false);
        XYPlot plot = chart.getXYPlot();
        for (int i = 0; i < 12; i++) {
            plot.setDataset(i, null);
            plot.setRenderer(i, null);
        }
        double[] range = yRange(generator);
        plot.getRangeAxis().setRange(range[0], range[1]);
        markers(plot, generator, look, true);
        double[] grid = PlaygroundFitter.grid();
        List<LegendItem> legend = new ArrayList<>();
        ModelCurves gp = fit == null || !o.choice().shows(mbrllab.core.models.ModelKind.GP) ? null : fit.gp();
        ModelCurves ens = fit == null || !o.choice().shows(mbrllab.core.models.ModelKind.ENSEMBLE) ? null
                : fit.ensemble();
        int layer = 0;
        ModelCurves[] models = {gp, ens};
        int[] colours = {Look.GP, Look.ENSEMBLE};
        String[] names = {"GP", "Ensemble"};
        for (int m = 0; m < 2; m++) {
            if (models[m] != null) {
                band(plot, layer++, grid, models[m], true, look.colour(colours[m]), look.bandAlpha(false), names[m]);
                // the swatches as the bands come out: the outer band alone, the inner one over it
                legend.add(look.box(names[m] + " \u00b12\u03c3 epistemic + aleatoric",
                        look.colour(colours[m], look.bandAlpha(false))));
            }
        }
        for (int m = 0; m < 2; m++) {
            if (models[m] != null) {
                band(plot, layer++, grid, models[m], false, look.colour(colours[m]), look.bandAlpha(true), names[m]);
                legend.add(look.box(names[m] + " \u00b12\u03c3 epistemic", look.colour(colours[m],
                        1 - (1 - look.bandAlpha(false)) * (1 - look.bandAlpha(true)))));
            }
        }
        if (gp != null && o.priorSamples() && gp.priorSamples().length > 0) {
            lines(plot, layer++, grid, gp.priorSamples(), "GP prior sample", look.muted(), look.dashed(1.1));
            legend.add(look.line("GP prior samples", look.muted(),
                    look.dashed(1.1)));
        }
        if (gp != null && o.posteriorSamples()) {
            lines(plot, layer++, grid, gp.functionSamples(), "GP posterior sample", look.colour(Look.GP, 0.75),
                    look.stroke(1));
            legend.add(look.line("GP posterior samples", look.colour(Look.GP, 0.75), look.stroke(1)));
        }
        if (ens != null && o.memberCurves()) {
            lines(plot, layer++, grid, ens.functionSamples(), "Ensemble member", look.colour(Look.ENSEMBLE, 0.75),
                    look.stroke(1));
            legend.add(look.line("Ensemble members", look.colour(Look.ENSEMBLE, 0.75), look.stroke(1)));
        }
        XYSeries truth = new XYSeries("true f(x) = " + generator.target().formula());
        for (double x : grid) {
            truth.add(x, generator.target().value(x));
        }
        XYLineAndShapeRenderer truthRenderer = new XYLineAndShapeRenderer(true, false);
        truthRenderer.setSeriesPaint(0, look.ink());
        truthRenderer.setSeriesStroke(0, look.dashed(1.4));
        plot.setDataset(layer, new XYSeriesCollection(truth));
        plot.setRenderer(layer++, truthRenderer);
        legend.add(look.line("true f(x) = " + generator.target().formula(), look.ink(), look.dashed(1.4)));
        XYSeriesCollection means = new XYSeriesCollection();
        XYLineAndShapeRenderer meanRenderer = new XYLineAndShapeRenderer(true, false);
        for (int m = 0; m < 2; m++) {
            if (models[m] != null) {
                XYSeries s = new XYSeries(names[m] + " mean");
                for (int i = 0; i < grid.length; i++) {
                    s.add(grid[i], models[m].mean()[i]);
                }
                meanRenderer.setSeriesPaint(means.getSeriesCount(), look.colour(colours[m]));
                meanRenderer.setSeriesStroke(means.getSeriesCount(), look.stroke(2.6));
                means.addSeries(s);
                legend.add(look.line(names[m] + " mean", look.colour(colours[m]), look.stroke(2.6)));
            }
        }
        plot.setDataset(layer, means);
        plot.setRenderer(layer++, meanRenderer);
        Dataset data = fit == null ? null : fit.data();
        XYSeries points = new XYSeries("data", false);
        if (data != null) {
            for (int i = 0; i < data.size(); i++) {
                points.add(data.x(i, 0), data.y(i, 0));
            }
        }
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        double r = 3.2 * Math.max(1, 0.8 * look.fontScale());
        pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        pointRenderer.setSeriesPaint(0, look.ink());
        plot.setDataset(layer, new XYSeriesCollection(points));
        plot.setRenderer(layer, pointRenderer);
        legend.add(0, look.dot("data (" + (data == null ? 0 : data.size()) + " points)", look.ink()));
        plot.setFixedLegendItems(Look.legend(legend));
        look.apply(chart);
        chart.setNotify(true);
    }

    /** Rebuilds the sigma chart: sigma_epistemic (solid) and sigma_aleatoric (dashed) per model. */
    static void updateSigma(JFreeChart chart, PlaygroundFit fit, PlaygroundData generator, Options o, Look look) {
        chart.setNotify(false);
        XYPlot plot = chart.getXYPlot();
        markers(plot, generator, look, false);
        double[] grid = PlaygroundFitter.grid();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        List<LegendItem> legend = new ArrayList<>();
        ModelCurves[] models = {fit == null || !o.choice().shows(mbrllab.core.models.ModelKind.GP) ? null : fit.gp(),
            fit == null || !o.choice().shows(mbrllab.core.models.ModelKind.ENSEMBLE) ? null : fit.ensemble()};
        int[] colours = {Look.GP, Look.ENSEMBLE};
        String[] names = {"GP", "Ensemble"};
        for (int m = 0; m < 2; m++) {
            if (models[m] == null) {
                continue;
            }
            XYSeries epi = new XYSeries(names[m] + " sigma epistemic");
            XYSeries alea = new XYSeries(names[m] + " sigma aleatoric");
            for (int i = 0; i < grid.length; i++) {
                epi.add(grid[i], Math.sqrt(models[m].epistemicVar()[i]));
                alea.add(grid[i], Math.sqrt(models[m].aleatoricVar()[i]));
            }
            renderer.setSeriesPaint(data.getSeriesCount(), look.colour(colours[m]));
            renderer.setSeriesStroke(data.getSeriesCount(), look.stroke(2.2));
            data.addSeries(epi);
            legend.add(look.line(names[m] + " epistemic", look.colour(colours[m]),
                    look.stroke(2.2)));
            renderer.setSeriesPaint(data.getSeriesCount(), look.colour(colours[m]));
            renderer.setSeriesStroke(data.getSeriesCount(), look.dashed(2.2));
            data.addSeries(alea);
            legend.add(look.line(names[m] + " aleatoric", look.colour(colours[m]), look.dashed(2.2)));
        }
        XYSeries trueNoise = new XYSeries("true noise sigma");
        for (double x = PlaygroundData.X_MIN; x <= PlaygroundData.X_MAX + 1e-9; x += 0.1) {
            trueNoise.add(x, generator.noiseStd(x));
        }
        renderer.setSeriesPaint(data.getSeriesCount(), look.muted());
        renderer.setSeriesStroke(data.getSeriesCount(), look.dashed(1.0));
        data.addSeries(trueNoise);
        legend.add(look.line("true noise", look.muted(), look.dashed(1.0)));
        plot.setDataset(0, data);
        plot.setRenderer(0, renderer);
        plot.setFixedLegendItems(Look.legend(legend));
        look.apply(chart);
        chart.setNotify(true);
    }

    /** The data's input range and, with a gap, the gap, as shaded domain markers. */
    private static void markers(XYPlot plot, PlaygroundData g, Look look, boolean labels) {
        plot.clearDomainMarkers();
        plot.addDomainMarker(new IntervalMarker(PlaygroundData.X_MIN, PlaygroundData.X_MAX,
                look.highContrast() ? new Color(0x22, 0x22, 0x22) : new Color(0xF2, 0xF2, 0xF2)), Layer.BACKGROUND);
        if (labels) {
            // The labels on clear markers in front of the curves: on the shaded markers behind them the bands hid
            // them ("inputs are drawn from [-3, 3]" under the ensemble's band).
            IntervalMarker range = label(PlaygroundData.X_MIN, PlaygroundData.X_MAX, "inputs are drawn from [-3, 3]",
                    look);
            range.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            range.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(range, Layer.FOREGROUND);
        }
        if (g.gap()) {
            plot.addDomainMarker(new IntervalMarker(PlaygroundData.GAP_FROM, PlaygroundData.GAP_TO,
                    look.highContrast() ? Color.BLACK : Color.WHITE), Layer.BACKGROUND);
            if (labels) {
                IntervalMarker gap = label(PlaygroundData.GAP_FROM, PlaygroundData.GAP_TO, String.format(Locale.ROOT,
                        "gap: no inputs in [%.1f, %.1f)", PlaygroundData.GAP_FROM, PlaygroundData.GAP_TO), look);
                gap.setLabelAnchor(RectangleAnchor.BOTTOM);
                gap.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
                plot.addDomainMarker(gap, Layer.FOREGROUND);
            }
        }
    }

    /** A clear interval marker that only carries a label. */
    private static IntervalMarker label(double from, double to, String text, Look look) {
        IntervalMarker m = new IntervalMarker(from, to, CLEAR);
        m.setOutlinePaint(null);
        m.setLabel(text);
        m.setLabelFont(look.font(11, false));
        m.setLabelPaint(look.muted());
        return m;
    }

    private static void band(XYPlot plot, int index, double[] grid, ModelCurves m, boolean total, Color colour,
                             float alpha, String name) {
        YIntervalSeries s = new YIntervalSeries(name + (total ? " total" : " epistemic"));
        for (int i = 0; i < grid.length; i++) {
            double var = m.epistemicVar()[i] + (total ? m.aleatoricVar()[i] : 0);
            double h = 2 * Math.sqrt(var);
            s.add(grid[i], m.mean()[i], m.mean()[i] - h, m.mean()[i] + h);
        }
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setSeriesPaint(0, CLEAR);
        r.setSeriesStroke(0, new BasicStroke(0.1f));
        r.setSeriesFillPaint(0, colour);
        r.setAlpha(alpha);
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        c.addSeries(s);
        plot.setDataset(index, c);
        plot.setRenderer(index, r);
    }

    private static void lines(XYPlot plot, int index, double[] grid, double[][] curves, String name, Color colour,
                              BasicStroke stroke) {
        XYSeriesCollection c = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < curves.length; k++) {
            XYSeries s = new XYSeries(name + " " + (k + 1));
            for (int i = 0; i < grid.length; i++) {
                s.add(grid[i], curves[k][i]);
            }
            c.addSeries(s);
            r.setSeriesPaint(k, colour);
            r.setSeriesStroke(k, stroke);
        }
        plot.setDataset(index, c);
        plot.setRenderer(index, r);
    }

    /** The curves on the grid as CSV: x, truth, and per fitted model mean, sigma epistemic, sigma aleatoric. */
    static String curvesCsv(PlaygroundFit fit, PlaygroundData generator) {
        StringBuilder sb = new StringBuilder("x,true_f");
        ModelCurves gp = fit == null ? null : fit.gp();
        ModelCurves ens = fit == null ? null : fit.ensemble();
        if (gp != null) {
            sb.append(",gp_mean,gp_sigma_epistemic,gp_sigma_aleatoric");
            for (int k = 0; k < gp.functionSamples().length; k++) {
                sb.append(",gp_posterior_sample_").append(k + 1);
            }
            for (int k = 0; k < gp.priorSamples().length; k++) {
                sb.append(",gp_prior_sample_").append(k + 1);
            }
        }
        if (ens != null) {
            sb.append(",ensemble_mean,ensemble_sigma_epistemic,ensemble_sigma_aleatoric");
            for (int k = 0; k < ens.functionSamples().length; k++) {
                sb.append(",ensemble_member_").append(k + 1);
            }
        }
        sb.append('\n');
        double[] grid = PlaygroundFitter.grid();
        for (int i = 0; i < grid.length; i++) {
            sb.append(num(grid[i])).append(',').append(num(generator.target().value(grid[i])));
            if (gp != null) {
                sb.append(',').append(num(gp.mean()[i])).append(',').append(num(Math.sqrt(gp.epistemicVar()[i])))
                        .append(',').append(num(Math.sqrt(gp.aleatoricVar()[i])));
                for (double[] f : gp.functionSamples()) {
                    sb.append(',').append(num(f[i]));
                }
                for (double[] f : gp.priorSamples()) {
                    sb.append(',').append(num(f[i]));
                }
            }
            if (ens != null) {
                sb.append(',').append(num(ens.mean()[i])).append(',').append(num(Math.sqrt(ens.epistemicVar()[i])))
                        .append(',').append(num(Math.sqrt(ens.aleatoricVar()[i])));
                for (double[] f : ens.functionSamples()) {
                    sb.append(',').append(num(f[i]));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The points as CSV: x,y. */
    static String pointsCsv(Dataset data) {
        StringBuilder sb = new StringBuilder("x,y\n");
        if (data != null) {
            for (int i = 0; i < data.size(); i++) {
                sb.append(data.x(i, 0)).append(',').append(data.y(i, 0)).append('\n');
            }
        }
        return sb.toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
