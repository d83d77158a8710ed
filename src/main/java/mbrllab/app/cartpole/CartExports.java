package mbrllab.app.cartpole;

import java.util.Locale;
import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.core.cartpole.CartPoleState;

/**
 * What the cart-pole lab writes into files: a cart pane as a figure (PNG at 2x, SVG) with the trajectory on show as
 * CSV, and the charts with JFreeChart's own legend and a title (the screen shows a JavaFX legend instead).
 */
final class CartExports {

    /** Header of a trajectory, as {@code cartpole rollout} writes it. */
    static final String TRAJECTORY_HEADER = "t,x,x_dot,theta,theta_dot,force";

    private CartExports() {
    }

    /**
     * A cart pane: the picture as a figure under {@code figureTitle}, without the prompts for the keyboard, and the
     * trajectory of {@code episode} as CSV. Everything is taken now, so the files show the moment of the export.
     */
    static ExportTarget cart(String name, String title, String figureTitle, CartRenderer.Picture picture,
                             CartRenderer.Style style, double w, double h, EpisodeRecord episode) {
        CartRenderer.Picture shown = picture.withoutPrompts();
        double fh = CartRenderer.figureHeight(style, h);
        return new ExportTarget(name, title,
                () -> Exports.png2x(w, fh, pen -> CartRenderer.drawFigure(pen, shown, style, figureTitle, w, h)),
                () -> Exports.svg(w, fh, pen -> CartRenderer.drawFigure(pen, shown, style, figureTitle, w, h)),
                () -> trajectoryCsv(episode));
    }

    /**
     * The states of an episode, one row per step k = 0..steps: {@code t,x,x_dot,theta,theta_dot,force} with t = k
     * times the system's period [s], theta in radians in the system's convention (balance: 0 upright; swing-up: 0
     * hanging), and the force [N] applied during the following step, empty on the last row: the format of
     * {@code cartpole rollout}.
     */
    static String trajectoryCsv(EpisodeRecord r) {
        double[] states = r.states();
        int d = CartPoleState.DIMENSION;
        double dt = r.system().period();
        StringBuilder sb = new StringBuilder(TRAJECTORY_HEADER).append('\n');
        for (int k = 0; k <= r.steps(); k++) {
            sb.append(Math.round(k * dt * 1e9) / 1e9);
            for (int i = 0; i < d; i++) {
                sb.append(',').append(states[k * d + i]);
            }
            sb.append(',');
            if (k < r.steps()) {
                sb.append(r.force(k));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The recorded episodes of one cart from 1 to {@code upTo} (those kept), as the episode chart shows them:
     * {@code episode,controller,steps,return,ending} for balance, {@code ...,cost,...} for swing-up.
     */
    static String episodesCsv(EpisodeLog log, CartSystem system, int upTo) {
        StringBuilder sb = new StringBuilder("episode,controller,steps,").append(system.scoreName())
                .append(",ending\n");
        int last = Math.min(upTo, log.finished());
        for (int e = 1; e <= last; e++) {
            EpisodeRecord r = log.get(e);
            if (r == null) {
                continue;
            }
            sb.append(e).append(',').append(Exports.csvText(r.controller())).append(',').append(r.steps()).append(',')
                    .append(system == CartSystem.BALANCE ? Long.toString(Math.round(r.score()))
                            : String.format(Locale.ROOT, "%.6f", r.score()))
                    .append(',').append(r.ending().name().toLowerCase(Locale.ROOT).replace('_', '-')).append('\n');
        }
        return sb.toString();
    }

    /**
     * Hands {@code use} a copy of the chart with a title and JFreeChart's legend at the bottom (every series in it
     * when {@code allSeries}), styled for the font scale and theme. The copy shares the chart's datasets and is
     * detached from them afterwards, so exports leave nothing listening to the lab's data.
     */
    static <T> T withLegend(JFreeChart chart, String title, boolean allSeries, double fontScale, boolean highContrast,
                            Function<JFreeChart, T> use) {
        return mbrllab.app.export.Exports.withCopy(chart, copy -> {
            XYPlot plot = copy.getXYPlot();
            if (allSeries) {
                for (int r = 0; r < plot.getRendererCount(); r++) {
                    XYItemRenderer renderer = plot.getRenderer(r);
                    if (renderer != null && plot.getDataset(r) != null) {
                        for (int s = 0; s < plot.getDataset(r).getSeriesCount(); s++) {
                            renderer.setSeriesVisibleInLegend(s, true, false);
                        }
                    }
                }
            }
            copy.setTitle(new TextTitle(title));
            LegendTitle legend = new LegendTitle(plot);
            legend.setPosition(RectangleEdge.BOTTOM);
            copy.addLegend(legend);
            ChartStyle.apply(copy, fontScale, highContrast);
            return use.apply(copy);
        });
    }
}
