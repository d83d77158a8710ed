package mbrllab.app.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** Charts keep room at their right edge for the last tick label of the time axis, at every text scale. */
class ChartThemesTest {

    @Test
    void theLastDomainTickLabelFitsLeftOfTheChartsEdge() {
        for (double scale : new double[] {1, 1.5, 2}) {
            XYSeries s = new XYSeries("reward");
            s.add(0, 0);
            s.add(30_000, 130);
            JFreeChart chart = ChartFactory.createXYLineChart(null, "Time steps", "Cumulative reward",
                    new XYSeriesCollection(s));
            ChartThemes.apply(chart, scale, Theme.NORMAL);
            Font tick = chart.getXYPlot().getDomainAxis().getTickLabelFont();
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
            FontMetrics metrics = g.getFontMetrics(tick);
            double half = metrics.stringWidth("30,000") / 2.0;
            g.dispose();
            assertTrue(chart.getPadding().getRight() >= half, "text " + scale + ": padding "
                    + chart.getPadding().getRight() + " px for half of '30,000', " + half + " px");
        }
    }
}
