package mbrllab.app.models;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

import mbrllab.app.render.ChartThemes;
import mbrllab.app.render.Theme;
import mbrllab.charts.LearningCurveChart;
import mbrllab.charts.Palette;

/**
 * How the models lab draws: the font scale and the high-contrast theme, and the colours that follow from them.
 * Categorical colours are Okabe-Ito (lighter variants on black for high contrast, as in the style sheet).
 *
 * @param fontScale    1 = normal text
 * @param highContrast black background, white ink
 */
record Look(double fontScale, boolean highContrast) {

    static final int GP = 0;
    static final int ENSEMBLE = 1;
    static final int TS_INF = 2;
    static final int GP_PARTICLES = 4;

    static Look normal() {
        return new Look(1, false);
    }

    Color colour(int i) {
        return Palette.categorical(i, highContrast);
    }

    /** The colour with an alpha in [0, 1]. */
    Color colour(int i, double alpha) {
        return withAlpha(colour(i), alpha);
    }

    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    Color ink() {
        return highContrast ? Color.WHITE : Color.BLACK;
    }

    Color background() {
        return Theme.of(highContrast).background();
    }

    Color grid() {
        return Theme.of(highContrast).grid();
    }

    /**
     * Opacity of the outer (epistemic + aleatoric) and the inner (epistemic) band: light on white; on black strong
     * enough for 3:1 against the background (ThemeContrastTest).
     */
    float bandAlpha(boolean inner) {
        return highContrast ? (inner ? 0.45f : 0.6f) : (inner ? 0.38f : 0.16f);
    }

    /** Greys for secondary lines (prior samples, the truth's trail). */
    Color muted() {
        return highContrast ? new Color(0xBB, 0xBB, 0xBB) : new Color(0x66, 0x66, 0x66);
    }

    Font font(double size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size * fontScale));
    }

    BasicStroke stroke(double width) {
        return new BasicStroke((float) (width * Math.max(1, 0.8 * fontScale)), BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND);
    }

    BasicStroke dashed(double width) {
        float w = (float) (width * Math.max(1, 0.8 * fontScale));
        return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
    }

    /**
     * Fonts, backgrounds, axis and legend colours of a chart (and of the subplots of a combined plot). Series
     * colours are the chart's builder's business.
     */
    void apply(JFreeChart chart) {
        LearningCurveChart.applyFontScale(chart, fontScale);
        chart.setBackgroundPaint(background());
        XYPlot plot = chart.getXYPlot();
        List<XYPlot> plots = new ArrayList<>(List.of(plot));
        if (plot instanceof CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
        }
        for (XYPlot p : plots) {
            p.setBackgroundPaint(background());
            p.setDomainGridlinePaint(grid());
            p.setRangeGridlinePaint(grid());
            p.setOutlinePaint(muted());
            for (int a = 0; a < p.getDomainAxisCount(); a++) {
                axis(p.getDomainAxis(a));
            }
            for (int a = 0; a < p.getRangeAxisCount(); a++) {
                axis(p.getRangeAxis(a));
            }
        }
        for (Object t : chart.getSubtitles()) {
            if (t instanceof LegendTitle legend) {
                legend.setBackgroundPaint(background());
                legend.setItemPaint(ink());
                legend.setItemFont(font(12, false));
            } else if (t instanceof TextTitle text) {
                text.setPaint(ink());
                text.setFont(font(12, false));
            }
        }
        Title title = chart.getTitle();
        if (title instanceof TextTitle text) {
            text.setPaint(ink());
            text.setFont(font(14, true));
        }
        // "5.0" at the x axis' right end was cut to "5.(" at 1024x768 with text 1.5, "2.5" at the y axis' top in half
        ChartThemes.keepRoomForEndTicks(chart, plots);
    }

    private void axis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(ink());
        axis.setTickLabelPaint(ink());
        axis.setAxisLinePaint(muted());
        axis.setTickMarkPaint(muted());
        axis.setLabelFont(font(13, false));
        axis.setTickLabelFont(font(11, false));
    }

    /** A legend line entry. */
    LegendItem line(String label, Paint paint, BasicStroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-9, 0, 9, 0),
                stroke, paint);
        item.setLabelPaint(ink());
        item.setLabelFont(font(12, false));
        return item;
    }

    /** A legend box entry (for bands). */
    LegendItem box(String label, Paint paint) {
        LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Rectangle2D.Double(-8, -5, 16, 10),
                paint);
        item.setLabelPaint(ink());
        item.setLabelFont(font(12, false));
        return item;
    }

    /** A legend entry drawn as a dot (data points). */
    LegendItem dot(String label, Paint paint) {
        LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7),
                paint);
        item.setLabelPaint(ink());
        item.setLabelFont(font(12, false));
        return item;
    }

    static LegendItemCollection legend(List<LegendItem> items) {
        LegendItemCollection c = new LegendItemCollection();
        items.forEach(c::add);
        return c;
    }
}
