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
}
