package mbrllab.app.render;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;

import mbrllab.charts.LearningCurveChart;
import mbrllab.charts.Palette;

/**
 * Gives a lab's JFreeChart the text size and the {@link Theme}: fonts, backgrounds, axes, grid, legend and titles;
 * the categorical series colours (line and band) swapped for the theme's variant; bands at the theme's opacity;
 * reference markers and notes in the theme's colours. Series colours that are not categorical are left alone.
 */
public final class ChartThemes {

    private ChartThemes() {
    }

    /** Applies {@code theme} and the text scale to {@code chart} (and to the subplots of a combined plot). */
    public static void apply(JFreeChart chart, double fontScale, Theme theme) {
        LearningCurveChart.applyFontScale(chart, fontScale);
        chart.setBackgroundPaint(theme.background());
        XYPlot plot = chart.getXYPlot();
        List<XYPlot> plots = new ArrayList<>(List.of(plot));
        if (plot instanceof CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
        }
        for (XYPlot p : plots) {
            p.setBackgroundPaint(theme.background());
            p.setDomainGridlinePaint(theme.grid());
            p.setRangeGridlinePaint(theme.grid());
            p.setOutlinePaint(theme.axis());
            for (int a = 0; a < p.getDomainAxisCount(); a++) {
                axis(p.getDomainAxis(a), theme);
            }
            for (int a = 0; a < p.getRangeAxisCount(); a++) {
                axis(p.getRangeAxis(a), theme);
            }
            for (int r = 0; r < p.getRendererCount(); r++) {
                renderer(p.getRenderer(r), p.getDataset(r) == null ? 0 : p.getDataset(r).getSeriesCount(), theme);
                // a legend inside the plot (mbrllab.charts.InsideLegend) in the theme's colours, as one under it
                if (p.getRenderer(r) instanceof org.jfree.chart.renderer.xy.AbstractXYItemRenderer a) {
                    org.jfree.chart.annotations.XYTitleAnnotation inside = mbrllab.charts.InsideLegend.find(a);
                    if (inside != null) {
                        LegendTitle legend = (LegendTitle) inside.getTitle();
                        legend.setBackgroundPaint(theme.background());
                        legend.setItemPaint(theme.ink());
                    }
                }
            }
            markers(p.getDomainMarkers(Layer.FOREGROUND), theme);
            markers(p.getDomainMarkers(Layer.BACKGROUND), theme);
            markers(p.getRangeMarkers(Layer.FOREGROUND), theme);
            markers(p.getRangeMarkers(Layer.BACKGROUND), theme);
            for (XYAnnotation a : p.getAnnotations()) {
                if (a instanceof XYTextAnnotation text) {
                    text.setPaint(theme.ink());
                    text.setBackgroundPaint(theme.note());
                }
            }
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof LegendTitle legend) {
                legend.setBackgroundPaint(theme.background());
                legend.setItemPaint(theme.ink());
            } else if (t instanceof TextTitle text) {
                text.setPaint(theme.ink());
            }
        }
        Title title = chart.getTitle();
        if (title instanceof TextTitle text) {
            text.setPaint(theme.ink());
        }
        keepRoomForEndTicks(chart, plots);
    }

    /**
     * The domain axis' last tick label is centred on the plot's right edge: keeps room right of the plot for half of
     * it ("30,000" is about 4 ems), or it is cut at the chart's edge ("3,00"). Likewise above the plot for half of a
     * range tick label on its top edge (the Dyna-maze chart's "1,000" and the playground's "2.5" were cut in half).
     */
    public static void keepRoomForEndTicks(JFreeChart chart, List<XYPlot> plots) {
        float tick = 0;
        float rangeTick = 0;
        for (XYPlot p : plots) {
            for (int a = 0; a < p.getDomainAxisCount(); a++) {
                if (p.getDomainAxis(a) != null && p.getDomainAxis(a).isTickLabelsVisible()) {
                    tick = Math.max(tick, p.getDomainAxis(a).getTickLabelFont().getSize2D());
                }
            }
            for (int a = 0; a < p.getRangeAxisCount(); a++) {
                if (p.getRangeAxis(a) != null && p.getRangeAxis(a).isTickLabelsVisible()) {
                    rangeTick = Math.max(rangeTick, p.getRangeAxis(a).getTickLabelFont().getSize2D());
                }
            }
        }
        RectangleInsets padding = chart.getPadding();
        chart.setPadding(new RectangleInsets(Math.max(padding.getTop(), Math.ceil(TOP_TICK_EMS * rangeTick)),
                padding.getLeft(), padding.getBottom(), Math.max(4, Math.ceil(END_TICK_EMS * tick))));
    }

    /** Room above the plot for half of a range tick label on its top edge, in ems of the tick labels' font. */
    static final double TOP_TICK_EMS = 0.6;

    /** Room right of the plot for half of the last domain tick label, in ems of the tick labels' font. */
    static final double END_TICK_EMS = 2.1;

    private static void axis(ValueAxis axis, Theme theme) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(theme.ink());
        axis.setTickLabelPaint(theme.ink());
        axis.setAxisLinePaint(theme.axis());
        axis.setTickMarkPaint(theme.axis());
    }

    private static void renderer(XYItemRenderer r, int series, Theme theme) {
        if (r == null) {
            return;
        }
        for (int i = 0; i < Math.max(series, 8); i++) {
            Paint paint = r.getSeriesPaint(i);
            if (paint != null) {
                r.setSeriesPaint(i, swap(paint, theme), false);
            }
            if (r instanceof AbstractXYItemRenderer a && a.getSeriesFillPaint(i) != null) {
                a.setSeriesFillPaint(i, swap(a.getSeriesFillPaint(i), theme), false);
            }
        }
        if (r instanceof DeviationRenderer band) {
            band.setAlpha(theme.bandAlpha());
        }
        if (r instanceof XYErrorRenderer errors && errors.getErrorPaint() != null) {
            errors.setErrorPaint(swap(errors.getErrorPaint(), theme)); // PILCO's predicted cost +- 2 sd
        }
    }

    private static void markers(Collection<?> markers, Theme theme) {
        if (markers == null) {
            return;
        }
        for (Object o : markers) {
            if (o instanceof Marker m) {
                if (m.getPaint() instanceof Color c && Palette.categoricalIndex(c) < 0) {
                    m.setPaint(theme.reference());
                }
                m.setLabelPaint(theme.ink());
            }
        }
    }

    /** A categorical colour of either theme as the same colour of {@code theme}, its alpha kept. */
    static Paint swap(Paint paint, Theme theme) {
        if (!(paint instanceof Color c)) {
            return paint;
        }
        int i = Palette.categoricalIndex(c);
        if (i < 0) {
            return paint;
        }
        Color t = theme.categorical(i);
        return new Color(t.getRed(), t.getGreen(), t.getBlue(), c.getAlpha());
    }
}
