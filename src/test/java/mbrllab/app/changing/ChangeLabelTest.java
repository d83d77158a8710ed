package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;

import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;

import mbrllab.charts.AxisLabels;

/** Where the cumulative-reward chart's change label goes: right of the dashed line, else left, else shorter. */
class ChangeLabelTest {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);

    private static ValueMarker marker() {
        ValueMarker m = new ValueMarker(3000);
        m.setLabel("maze changes");
        m.setLabelFont(FONT);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return m;
    }

    private static double width(String s) {
        return AxisLabels.width(s, FONT) + 6;
    }

    @Test
    void rightOfTheLineWhereTheWholeLabelFits() {
        ValueMarker m = marker();
        ChangingMazesLab.fitMarkerLabel(m, 10, width("maze changes") + 1);
        assertEquals("maze changes", m.getLabel());
        assertEquals(RectangleAnchor.TOP_RIGHT, m.getLabelAnchor());
        assertEquals(TextAnchor.TOP_LEFT, m.getLabelTextAnchor());
    }

    @Test
    void leftOfTheLineWhenOnlyThereItFits() {
        ValueMarker m = marker();
        ChangingMazesLab.fitMarkerLabel(m, width("maze changes") + 1, width("maze changes") - 1);
        assertEquals("maze changes", m.getLabel());
        assertEquals(RectangleAnchor.TOP_LEFT, m.getLabelAnchor());
        assertEquals(TextAnchor.TOP_RIGHT, m.getLabelTextAnchor());
    }

    @Test
    void shorterWhenTheWholeLabelFitsNeitherSide() {
        ValueMarker m = marker();
        double room = width("maze changes") - 1;
        ChangingMazesLab.fitMarkerLabel(m, room - 5, room);
        assertEquals("change", m.getLabel());
        assertEquals(RectangleAnchor.TOP_RIGHT, m.getLabelAnchor());
        // and back to the whole label (on the right) when the chart is wide again
        ChangingMazesLab.fitMarkerLabel(m, 10, 400);
        assertEquals("maze changes", m.getLabel());
        assertEquals(RectangleAnchor.TOP_RIGHT, m.getLabelAnchor());
    }
    /**
     * The legend's check against the curves, on a plot of 0..100 by 0..100 drawn in a 200 x 100 px area at (0, 0):
     * the line y = x lies under a box around (50, 50) px only where the box reaches it (one point), and a band counts by its whole
     * height; the two corners the legend may take, in px.
     */
    @Test
    void theLegendCoversDataWhereACurveOrBandRunsUnderIt() {
        org.jfree.data.xy.XYSeries line = new org.jfree.data.xy.XYSeries("line");
        for (int x = 0; x <= 100; x += 5) {
            line.add(x, x);
        }
        org.jfree.chart.axis.NumberAxis xAxis = new org.jfree.chart.axis.NumberAxis();
        org.jfree.chart.axis.NumberAxis yAxis = new org.jfree.chart.axis.NumberAxis();
        xAxis.setRange(0, 100);
        yAxis.setRange(0, 100);
        org.jfree.chart.plot.XYPlot plot = new org.jfree.chart.plot.XYPlot(
                new org.jfree.data.xy.XYSeriesCollection(line), xAxis, yAxis, null);
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(0, 0, 200, 100);
        // (50, 50) px is the point (25, 50): the line passes at (25, 25) px-high 75, not in a box 40..60 px high
        assertEquals(0, ChangingMazesLab.pointsUnder(plot, area, new java.awt.geom.Rectangle2D.Double(40, 40, 20,
                20)));
        // x = 50 px is 25; the line's point (25, 25) is drawn at y = 75 px
        assertEquals(1, ChangingMazesLab.pointsUnder(plot, area, new java.awt.geom.Rectangle2D.Double(45, 70, 10,
                10)));
        // 40..60 px wide it holds (20, 20), (25, 25) and (30, 30), at 80, 75 and 70 px
        assertEquals(3, ChangingMazesLab.pointsUnder(plot, area, new java.awt.geom.Rectangle2D.Double(40, 70, 20,
                10)));
        org.jfree.data.xy.YIntervalSeries band = new org.jfree.data.xy.YIntervalSeries("band");
        band.add(75, 10, 0, 90);
        org.jfree.data.xy.YIntervalSeriesCollection bands = new org.jfree.data.xy.YIntervalSeriesCollection();
        bands.addSeries(band);
        plot.setDataset(1, bands);
        // x = 150 px is 75: the band from 0 to 90 reaches a box at 50..55 px (45..50 in y) though its mean, 10, does not
        assertEquals(1, ChangingMazesLab.pointsUnder(plot, area, new java.awt.geom.Rectangle2D.Double(145, 50, 10,
                5)));
        assertEquals(new java.awt.geom.Rectangle2D.Double(2, 15, 60, 30), ChangingMazesLab.legendBox(area,
                RectangleAnchor.TOP_LEFT, 60, 30));
        assertEquals(new java.awt.geom.Rectangle2D.Double(138, 68, 60, 30), ChangingMazesLab.legendBox(area,
                RectangleAnchor.BOTTOM_RIGHT, 60, 30));
    }
}
