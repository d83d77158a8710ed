package mbrllab.app.pilco;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.app.render.ChartThemes;
import mbrllab.app.render.Theme;
import mbrllab.charts.Palette;
import mbrllab.charts.PilcoCostChart;
import mbrllab.charts.SyncedFontChart;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.pilco.PolicyEvaluation;
import mbrllab.io.PilcoRecording.Trial;

/**
 * The PILCO lab's charts (JFreeChart) and the CSV behind each: the predicted state distribution against the real
 * rollout, the predicted cost per step against the real cost, and the cost per trial. The lab rebuilds a chart's
 * data when the trajectory or the run on show changes, and moves the time marker as the replay plays.
 */
final class PilcoCharts {

    /** The state components in the chart's order: x, theta, then x', theta'. */
    static final int[] COMPONENTS = {0, 2, 1, 3};
    static final String[] NAMES = {"x [m]", "θ [rad]", "x' [m/s]", "θ' [rad/s]"};
    static final String[] CSV_NAMES = {"x", "theta", "x_dot", "theta_dot"};
    /** The state axes' labels without their units, for subplots too short for {@link #NAMES}. */
    static final String[] SHORT_NAMES = {"x", "θ", "x'", "θ'"};

    private PilcoCharts() {
    }

    /** The predicted mean +-2 sd and the real rollout of x and theta (and of x' and theta' with velocities). */
    static JFreeChart states(PilcoViewModel.Shown s, boolean velocities, double t, double scale, Theme theme) {
        NumberAxis time = new NumberAxis("time [s]");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(6);
        int count = velocities ? 4 : 2;
        for (int c = 0; c < count; c++) {
            int i = COMPONENTS[c];
            YIntervalSeriesCollection band = new YIntervalSeriesCollection();
            XYSeriesCollection real = new XYSeriesCollection();
            if (s != null) {
                double dt = PilcoViewModel.task(s.steps()).controlPeriod();
                PolicyEvaluation.Prediction p = s.prediction();
                if (p != null) {
                    YIntervalSeries b = new YIntervalSeries("predicted mean ± 2 sd");
                    for (int k = 0; k <= s.steps(); k++) {
                        double m = p.mean(k, i);
                        double sd = Math.sqrt(Math.max(0, p.cov(k, i, i)));
                        b.add(k * dt, m, m - 2 * sd, m + 2 * sd);
                    }
                    band.addSeries(b);
                }
                XYSeries r = new XYSeries("real rollout");
                for (int k = 0; k <= s.steps(); k++) {
                    r.add(k * dt, s.state(k, i));
                }
                real.addSeries(r);
            }
            NumberAxis axis = new NumberAxis(NAMES[c]);
            axis.setAutoRangeIncludesZero(false);
            XYPlot plot = predictedOverReal(band, real, null, axis);
            if (c == 1) { // upright, either way round
                for (double upright : new double[] {Math.PI, -Math.PI}) {
                    plot.addRangeMarker(new ValueMarker(upright, Palette.categorical(2), new BasicStroke(1f,
                            BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f)));
                }
            }
            combined.add(plot, 1);
        }
        combined.setFixedLegendItems(legend(s != null && s.prediction() != null, "predicted mean ± 2 sd",
                "real rollout", theme));
        JFreeChart chart = new SyncedFontChart(null, null, combined, true);
        finish(chart, scale, theme);
        setTime(chart, t, theme);
        return chart;
    }

    /**
     * Gives each state subplot's value axis the longest of its labels that fits the subplot's height as last drawn
     * ({@code info}: the chart's rendering info): JFreeChart centres a rotated label on its subplot and cuts it at both
     * ends ("θ [rad" in presenter mode at text 2.0, 1024x768, where the subplots are 60 px high). An axis whose label
     * stays is not touched, so the chart is redrawn only when a label changes.
     */
    static void fitStateLabels(JFreeChart chart, org.jfree.chart.ChartRenderingInfo info) {
        if (info == null || !(chart.getPlot() instanceof CombinedDomainXYPlot combined)) {
            return;
        }
        List<XYPlot> plots = combined.getSubplots();
        if (info.getPlotInfo().getSubplotCount() != plots.size()) {
            return;
        }
        for (int c = 0; c < plots.size() && c < NAMES.length; c++) {
            double room = info.getPlotInfo().getSubplotInfo(c).getDataArea().getHeight();
            if (room > 0) {
                mbrllab.charts.AxisLabels.fit(plots.get(c).getRangeAxis(), room, NAMES[c], SHORT_NAMES[c], "");
            }
        }
    }

    /** Gives a state chart's subplots their whole labels, with units (for exports); other charts are left alone. */
    static void fullStateLabels(JFreeChart chart) {
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            List<XYPlot> plots = combined.getSubplots();
            for (int c = 0; c < plots.size() && c < NAMES.length; c++) {
                mbrllab.charts.AxisLabels.fit(plots.get(c).getRangeAxis(), Double.MAX_VALUE, NAMES[c]);
            }
        }
    }

    /** The predicted expected cost per step with +-2 sd against the real cost c(s_t). */
    static JFreeChart costPerStep(PilcoViewModel.Shown s, double t, double scale, Theme theme) {
        YIntervalSeriesCollection band = new YIntervalSeriesCollection();
        XYSeriesCollection real = new XYSeriesCollection();
        if (s != null) {
            SwingUpTask task = PilcoViewModel.task(s.steps());
            double dt = task.controlPeriod();
            PolicyEvaluation.Prediction p = s.prediction();
            if (p != null) {
                YIntervalSeries b = new YIntervalSeries("predicted E[c] ± 2 sd");
                for (int k = 1; k <= s.steps(); k++) {
                    double m = p.costMean(k);
                    double sd = Math.sqrt(Math.max(0, p.costVar(k)));
                    b.add(k * dt, m, m - 2 * sd, m + 2 * sd);
                }
                band.addSeries(b);
            }
            XYSeries r = new XYSeries("real cost");
            double[] state = new double[4];
            for (int k = 1; k <= s.steps(); k++) {
                System.arraycopy(s.states(), k * 4, state, 0, 4);
                r.add(k * dt, task.cost(state));
            }
            real.addSeries(r);
        }
        NumberAxis time = new NumberAxis("time [s]");
        NumberAxis cost = new NumberAxis("cost per step");
        cost.setRange(-0.05, 1.1);
        XYPlot plot = predictedOverReal(band, real, time, cost);
        plot.setFixedLegendItems(legend(s != null && s.prediction() != null, "predicted E[c] ± 2 sd", "real cost",
                theme));
        JFreeChart chart = new SyncedFontChart(null, null, plot, true);
        finish(chart, scale, theme);
        setTime(chart, t, theme);
        return chart;
    }

    /** The cost per trial (predicted +-2 sd against actual, successes marked), the selected trial marked. */
    static JFreeChart costPerTrial(PilcoViewModel.Run r, int selected, double scale, Theme theme) {
        List<PilcoCostChart.Point> points = new ArrayList<>();
        int horizon = 40;
        if (r != null) {
            horizon = r.horizon();
            for (Trial t : r.trials()) {
                points.add(new PilcoCostChart.Point(t.trial(), t.predictedCost(), t.predictedCostSd(),
                        t.actualCost(), t.success()));
            }
        }
        JFreeChart chart = PilcoCostChart.create(null, points, horizon);
        XYPlot plot = chart.getXYPlot();
        if (r != null) {
            plot.getDomainAxis().setRange(0.5, Math.max(r.planned(), r.trials().size()) + 0.5);
        }
        plot.getDomainAxis().setLabel("trial");
        plot.getRangeAxis().setLabel("cost per trial");
        finish(chart, scale, theme);
        // its own short legend under it, as the other two charts have theirs (in the theme's colours, so after it): in
        // the note under the chart it was left out in presenter mode, and the squares and dots went unexplained there
        plot.setFixedLegendItems(costLegend(plot));
        if (selected > 0) { // after the theme, which would give it the reference lines' colour
            plot.addDomainMarker(new ValueMarker(selected, new Color(0x88, 0x88, 0x88), new BasicStroke(6f)));
        }
        return chart;
    }

    /** Moves the time marker of a chart (every subplot of a combined one), drawn in the theme's reference colour. */
    static void setTime(JFreeChart chart, double t, Theme theme) {
        XYPlot plot = chart.getXYPlot();
        List<XYPlot> plots = new ArrayList<>();
        if (plot instanceof CombinedDomainXYPlot c) {
            plots.addAll(c.getSubplots());
        } else {
            plots.add(plot);
        }
        for (XYPlot p : plots) {
            p.clearDomainMarkers();
            if (t >= 0) {
                p.addDomainMarker(new ValueMarker(t, theme.reference(), new BasicStroke(1.2f)));
            }
        }
    }

    /** The theme (backgrounds, grid, the band's opacity, colours) and the text size, then the legend's place. */
    private static void finish(JFreeChart chart, double scale, Theme theme) {
        ChartThemes.apply(chart, scale, theme);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN,
                    (int) Math.round(11 * scale)));
        }
    }

    /** "predicted ± 2 sd", "actual", "success": the cost chart's shapes and colours, as drawn. */
    private static LegendItemCollection costLegend(XYPlot plot) {
        LegendItemCollection items = new LegendItemCollection();
        String[] labels = {"predicted ± 2 sd", "actual", "success"};
        org.jfree.chart.renderer.xy.XYItemRenderer errors = plot.getRenderer(0);
        org.jfree.chart.renderer.xy.XYItemRenderer actual = plot.getRenderer(1);
        for (int i = 0; i < 3; i++) {
            org.jfree.chart.renderer.xy.XYItemRenderer r = i == 0 ? errors : actual;
            int series = i == 0 ? 0 : i - 1;
            LegendItem item = new LegendItem(labels[i], null, null, null, true, r.getSeriesShape(series), i > 0,
                    r.getSeriesPaint(series), i == 0, r.getSeriesPaint(series), new BasicStroke(2f), false,
                    new java.awt.geom.Line2D.Double(-8, 0, 8, 0), new BasicStroke(2f), r.getSeriesPaint(series));
            items.add(item);
        }
        return items;
    }

    private static LegendItemCollection legend(boolean predicted, String band, String real, Theme theme) {
        LegendItemCollection items = new LegendItemCollection();
        if (predicted) {
            LegendItem b = new LegendItem(band, null, null, null, new java.awt.Rectangle(-6, -6, 12, 12),
                    new Color(0xE6, 0x9F, 0x00, 120));
            // the swatch as the band comes out: the theme gives the band its opacity (0.22, on black 0.6)
            b.setFillPaint(withAlpha(theme.categorical(0), Math.round(255 * theme.bandAlpha())));
            items.add(b);
        }
        items.add(new LegendItem(real, null, null, null, new java.awt.geom.Line2D.Double(-8, 0, 8, 0),
                new BasicStroke(2f), theme.categorical(1)));
        return items;
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * The trajectory on show as CSV: per step t the real state, force and cost, and (with a prediction) the predicted
     * mean and standard deviation of each component and of the cost.
     */
    static String trajectoryCsv(PilcoViewModel.Shown s) {
        StringBuilder sb = new StringBuilder("t,x,x_dot,theta,theta_dot,force,cost");
        boolean p = s.prediction() != null;
        if (p) {
            for (String n : CSV_NAMES) {
                sb.append(",pred_").append(n).append("_mean,pred_").append(n).append("_sd");
            }
            sb.append(",pred_cost_mean,pred_cost_sd");
        }
        sb.append('\n');
        SwingUpTask task = PilcoViewModel.task(s.steps());
        double[] state = new double[4];
        for (int k = 0; k <= s.steps(); k++) {
            System.arraycopy(s.states(), k * 4, state, 0, 4);
            sb.append(fmt(Math.round(k * task.controlPeriod() * 1e9) / 1e9));
            for (int i = 0; i < 4; i++) {
                sb.append(',').append(fmt(state[i]));
            }
            sb.append(',').append(k < s.steps() ? fmt(s.forces()[k]) : "");
            sb.append(',').append(k > 0 ? fmt(task.cost(state)) : "");
            if (p) {
                PolicyEvaluation.Prediction q = s.prediction();
                for (int c = 0; c < 4; c++) {
                    int i = COMPONENTS[c];
                    sb.append(',').append(fmt(q.mean(k, i))).append(',')
                            .append(fmt(Math.sqrt(Math.max(0, q.cov(k, i, i)))));
                }
                sb.append(',').append(k > 0 ? fmt(q.costMean(k)) : "").append(',')
                        .append(k > 0 ? fmt(Math.sqrt(Math.max(0, q.costVar(k)))) : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The run's trials as CSV, as {@code pilco} writes pilco.csv (without the wall time). */
    static String trialsCsv(PilcoViewModel.Run r) {
        StringBuilder sb = new StringBuilder("trial,predicted_cost,predicted_cost_sd,actual_cost,success,"
                + "experience_s\n");
        if (r == null) {
            return sb.toString();
        }
        for (Trial t : r.trials()) {
            sb.append(t.trial()).append(',');
            if (!t.isRandom()) {
                sb.append(t.predictedCost()).append(',').append(t.predictedCostSd());
            } else {
                sb.append(',');
            }
            sb.append(',').append(t.actualCost()).append(',').append(t.success() ? 1 : 0).append(',')
                    .append(Math.round(t.experience() * 1e9) / 1e9).append('\n');
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.toString(v);
    }

    /** "8 trials · 32 s of experience · first success: trial 6". */
    static String summary(PilcoViewModel.Run r) {
        if (r == null) {
            return " ";
        }
        int first = r.firstSuccess();
        return String.format(Locale.ROOT, "%d of %d trials · %.0f s of experience · %s", r.trials().size(),
                r.planned(), r.experience(),
                first == 0 ? "no success yet" : "first success: trial\u00a0" + first);
    }

    /**
     * A plot of the predicted mean with its band (dataset 0, first categorical colour, translucent) under the real
     * values as dots joined by a line (dataset 1, second colour).
     */
    private static XYPlot predictedOverReal(XYDataset band, XYDataset real, ValueAxis x, ValueAxis y) {
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        bandRenderer.setSeriesPaint(0, Palette.categorical(0));
        bandRenderer.setSeriesFillPaint(0, Palette.categorical(0));
        bandRenderer.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(band, x, y, bandRenderer);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, Palette.categorical(1));
        line.setSeriesStroke(0, new BasicStroke(2f));
        line.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        plot.setDataset(1, real);
        plot.setRenderer(1, line);
        return plot;
    }
}
