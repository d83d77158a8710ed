package mbrllab.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A legend inside a plot, at its upper left or lower right corner, whichever lies over fewer of the plot's points. It
 * is drawn beneath the curves and bands (the renderer's background layer), so that where no corner is free of them it
 * hides none. A legend row under a chart took a quarter of its height at 1024x768 with text 1.5.
 */
public final class InsideLegend {

    private InsideLegend() {
    }

    /**
     * Puts {@code legend} inside the plot of {@code renderer} at {@code corner} (TOP_LEFT or BOTTOM_RIGHT), its items in
     * rows: sets the legend's position to TOP, which decides only its arrangement once it is an annotation.
     */
    public static void add(XYItemRenderer renderer, LegendTitle legend, RectangleAnchor corner) {
        legend.setPosition(RectangleEdge.TOP);
        renderer.addAnnotation(corner == RectangleAnchor.TOP_LEFT ? new XYTitleAnnotation(0.01, 0.85, legend, corner)
                : new XYTitleAnnotation(0.99, 0.02, legend, corner), Layer.BACKGROUND);
    }

    /** The legend that {@link #add} put inside the plot of {@code renderer}, or null. */
    public static XYTitleAnnotation find(AbstractXYItemRenderer renderer) {
        XYTitleAnnotation inside = null;
        for (Object a : renderer.getAnnotations()) {
            if (a instanceof XYTitleAnnotation t && t.getTitle() instanceof LegendTitle) {
                inside = t;
            }
        }
        return inside;
    }

    /**
     * The legend's size as it lays itself out, with AWT's font metrics and a pixel or two for the screen's [px]: its
     * width and height.
     */
    public static double[] size(LegendTitle legend) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            org.jfree.chart.ui.Size2D size = legend.arrange(g, RectangleConstraint.NONE);
            return new double[] {size.getWidth() + 2, size.getHeight() + 2};
        } finally {
            g.dispose();
        }
    }

    /** The corner over fewer of the plot's points, for a legend of this size [px]; the upper left on a tie. */
    public static RectangleAnchor corner(XYPlot plot, Rectangle2D area, double width, double height) {
        int topLeft = pointsUnder(plot, area, box(area, RectangleAnchor.TOP_LEFT, width, height));
        return topLeft == 0 || topLeft <= pointsUnder(plot, area, box(area, RectangleAnchor.BOTTOM_RIGHT, width,
                height)) ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_RIGHT;
    }

    /**
     * Moves the legend inside the plot of {@code renderer} to {@code corner}, if it is elsewhere; the chart redraws
     * only then.
     *
     * @return whether it moved
     */
    public static boolean moveTo(AbstractXYItemRenderer renderer, RectangleAnchor corner) {
        XYTitleAnnotation inside = find(renderer);
        if (inside == null || inside.getTitleAnchor() == corner) {
            return false;
        }
        renderer.removeAnnotation(inside);
        add(renderer, (LegendTitle) inside.getTitle(), corner);
        return true;
    }

    /** Where {@link #add} puts a legend of this size [px] in the data area. */
    public static Rectangle2D box(Rectangle2D area, RectangleAnchor corner, double width, double height) {
        double x = corner == RectangleAnchor.TOP_LEFT ? area.getMinX() + 0.01 * area.getWidth()
                : area.getMinX() + 0.99 * area.getWidth() - width;
        double y = corner == RectangleAnchor.TOP_LEFT ? area.getMaxY() - 0.85 * area.getHeight()
                : area.getMaxY() - 0.02 * area.getHeight() - height;
        return new Rectangle2D.Double(x, y, width, height);
    }

    /** The points of the plot's curves, or of their bands (low to high end), that lie in {@code box} (Java2D px). */
    public static int pointsUnder(XYPlot plot, Rectangle2D area, Rectangle2D box) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        int count = 0;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int series = 0; series < data.getSeriesCount(); series++) {
                for (int i = 0; i < data.getItemCount(series); i++) {
                    double x = plot.getDomainAxis().valueToJava2D(data.getXValue(series, i), area, xEdge);
                    if (x < box.getMinX() || x > box.getMaxX()) {
                        continue;
                    }
                    double lo = data.getYValue(series, i);
                    double hi = lo;
                    if (data instanceof IntervalXYDataset band) {
                        lo = band.getStartYValue(series, i);
                        hi = band.getEndYValue(series, i);
                    }
                    double top = plot.getRangeAxis().valueToJava2D(hi, area, yEdge);
                    double bottom = plot.getRangeAxis().valueToJava2D(lo, area, yEdge);
                    if (bottom >= box.getMinY() && top <= box.getMaxY()) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
