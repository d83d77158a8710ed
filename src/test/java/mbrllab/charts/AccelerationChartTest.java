package mbrllab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The learning-curve chart of the acceleration comparison, made empty as the lab makes it before its runs. */
class AccelerationChartTest {

    @Test
    void anEmptyChartHasThePalettesColoursAndTheReferenceLineInView() {
        JFreeChart chart = AccelerationChart.create(null, List.of(), 500, 195);
        XYPlot plot = chart.getXYPlot();
        chart.createBufferedImage(400, 300); // lays the axes out as on screen
        for (int i = 0; i < Palette.CATEGORICAL_COUNT; i++) {
            assertEquals(Palette.categorical(i), plot.getRenderer().getSeriesPaint(i), "curve " + i + "'s colour");
        }
        assertTrue(plot.getRangeAxis().getUpperBound() > 195, "the 195 line in view: "
                + plot.getRangeAxis().getRange());
        assertEquals(0, plot.getRangeAxis().getLowerBound(), 1e-9);
        assertTrue(plot.getDomainAxis().getUpperBound() >= 5000, "a stretch of real steps: "
                + plot.getDomainAxis().getRange());
    }

    @Test
    void earlyCurvesFarBelowTheReferenceKeepItInView() {
        // returns of 20 to 48 in the first 700 real steps, as in the lab before its learners balance
        AccelerationChart.Curve early = new AccelerationChart.Curve("1: real data only", new int[] {100, 400, 700},
                new double[] {20, 31, 48}, new double[] {2, 3, 4}, new double[] {10, 10, 10});
        JFreeChart chart = AccelerationChart.create(null, List.of(early), 500, 195);
        chart.createBufferedImage(400, 300);
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getRangeAxis().getUpperBound() > 195, "the 195 line in view: "
                + plot.getRangeAxis().getRange());
        assertEquals(0, plot.getRangeAxis().getLowerBound(), 1e-9);

        // curves above it set the range themselves
        AccelerationChart.Curve late = new AccelerationChart.Curve("1: real data only", new int[] {100, 5000},
                new double[] {20, 480}, new double[] {2, 5}, new double[] {10, 10});
        JFreeChart high = AccelerationChart.create(null, List.of(late), 500, 195);
        high.createBufferedImage(400, 300);
        assertTrue(high.getXYPlot().getRangeAxis().getUpperBound() >= 480, "the curves in view: "
                + high.getXYPlot().getRangeAxis().getRange());
    }

    /**
     * The steps axis' last tick label is whole: no dark pixel in the picture's last columns (accelerate.png at 1000 x
     * 600 px cut "3,400" to "3,40" at its right edge).
     */
    @Test
    void theLastTickLabelIsWhole() {
        AccelerationChart.Curve c = new AccelerationChart.Curve("real", new int[] {250, 1500, 3250},
                new double[] {15, 120, 260}, new double[] {2, 3, 4}, new double[] {2, 2, 2});
        JFreeChart chart = AccelerationChart.create(null, List.of(c), 500, 195);
        java.awt.image.BufferedImage image = chart.createBufferedImage(1000, 600);
        assertEquals(3400, chart.getXYPlot().getDomainAxis().getUpperBound(), 20, "the axis ends at a tick");
        for (int x = image.getWidth() - 3; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                java.awt.Color p = new java.awt.Color(image.getRGB(x, y));
                assertTrue(p.getRed() + p.getGreen() + p.getBlue() > 3 * 200, "dark pixel at " + x + ", " + y);
            }
        }
    }
}
