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
}
