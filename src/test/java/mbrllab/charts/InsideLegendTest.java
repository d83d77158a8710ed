package mbrllab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The legend's check against the curves, on a plot of 0..100 by 0..100 drawn in a 200 x 100 px area at (0, 0).
 */
class InsideLegendTest {

    private static final Rectangle2D AREA = new Rectangle2D.Double(0, 0, 200, 100);

    private static XYPlot plot(XYSeries... series) {
        NumberAxis xAxis = new NumberAxis();
        NumberAxis yAxis = new NumberAxis();
        xAxis.setRange(0, 100);
        yAxis.setRange(0, 100);
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) {
            data.addSeries(s);
        }
        return new XYPlot(data, xAxis, yAxis, null);
    }

    /**
     * The line y = x lies under a box only where the box reaches it, a band counts by its whole height; the two
     * corners the legend may take, in px.
     */
    @Test
    void theLegendCoversDataWhereACurveOrBandRunsUnderIt() {
        XYSeries line = new XYSeries("line");
        for (int x = 0; x <= 100; x += 5) {
            line.add(x, x);
        }
        XYPlot plot = plot(line);
        // (50, 50) px is the point (25, 50): the line passes at (25, 25), 75 px down, not in a box 40..60 px high
        assertEquals(0, InsideLegend.pointsUnder(plot, AREA, new Rectangle2D.Double(40, 40, 20, 20)));
        // x = 50 px is 25; the line's point (25, 25) is drawn at y = 75 px
        assertEquals(1, InsideLegend.pointsUnder(plot, AREA, new Rectangle2D.Double(45, 70, 10, 10)));
        // 40..60 px wide it holds (20, 20), (25, 25) and (30, 30), at 80, 75 and 70 px
        assertEquals(3, InsideLegend.pointsUnder(plot, AREA, new Rectangle2D.Double(40, 70, 20, 10)));
        YIntervalSeries band = new YIntervalSeries("band");
        band.add(75, 10, 0, 90);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        plot.setDataset(1, bands);
        // x = 150 px is 75: the band from 0 to 90 reaches a box at 50..55 px (45..50 in y) though its mean, 10, does not
        assertEquals(1, InsideLegend.pointsUnder(plot, AREA, new Rectangle2D.Double(145, 50, 10, 5)));
        assertEquals(new Rectangle2D.Double(2, 15, 60, 30), InsideLegend.box(AREA, RectangleAnchor.TOP_LEFT, 60, 30));
        assertEquals(new Rectangle2D.Double(138, 68, 60, 30), InsideLegend.box(AREA, RectangleAnchor.BOTTOM_RIGHT, 60,
                30));
    }

    /** The corner over fewer points; the upper left when both are free or on a tie. */
    @Test
    void theLegendTakesTheCornerOverFewerPoints() {
        // rising: high on the right, so the upper left (x 2..62 px = 1..31, y 15..45 px = 85..55) is free
        XYSeries rising = new XYSeries("rising");
        // at 70 up to x = 30, then at 50: the lower right box (138..198 px = 69..99, y 68..98 px = 32..2) is free
        XYSeries high = new XYSeries("high on the left");
        for (int x = 0; x <= 100; x += 10) {
            rising.add(x, x);
            high.add(x, x <= 30 ? 70 : 50);
        }
        assertEquals(RectangleAnchor.TOP_LEFT, InsideLegend.corner(plot(rising), AREA, 60, 30));
        // (10, 70), (20, 70) and (30, 70) lie in the upper left box; the lower right holds none of this series
        assertEquals(3, InsideLegend.pointsUnder(plot(high), AREA, InsideLegend.box(AREA, RectangleAnchor.TOP_LEFT, 60,
                30)));
        assertEquals(RectangleAnchor.BOTTOM_RIGHT, InsideLegend.corner(plot(high), AREA, 60, 30));
        XYSeries empty = new XYSeries("none");
        assertEquals(RectangleAnchor.TOP_LEFT, InsideLegend.corner(plot(empty), AREA, 60, 30));
    }
}
