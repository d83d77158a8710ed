package mbrllab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import mbrllab.core.dyna.LearningCurves;

/** The Figure 8.2 chart's colours and legend for few and for many curves. */
class LearningCurveChartTest {

    private static JFreeChart chart(int curves) {
        List<Integer> n = new ArrayList<>();
        int[][][] steps = new int[curves][2][3];
        for (int i = 0; i < curves; i++) {
            n.add(i);
            for (int r = 0; r < 2; r++) {
                steps[i][r] = new int[] {100 + i, 50, 20};
            }
        }
        LearningCurves c = new LearningCurves(n, steps);
        return LearningCurveChart.create("t", LearningCurveChart.dataset(c, 1), 14, false, 1.0);
    }

    /**
     * Two runs of 0 and 500 steps: mean 250, 95% half-width 12.71 x 250 (t with one degree of freedom); the band is cut
     * at the 500 steps an episode can have, and the lower end at 0.5 (the log scale's floor) as before.
     */
    @Test
    void bandsAreCutAtTheMostAnEpisodeCanHave() {
        LearningCurves c = new LearningCurves(List.of(0), new int[][][] {{{0}, {500}}});
        org.jfree.data.xy.YIntervalSeriesCollection cut = LearningCurveChart.dataset(c, 1, 500);
        assertEquals(250, cut.getYValue(0, 0), 1e-9);
        assertEquals(500, cut.getEndYValue(0, 0), 1e-9);
        assertEquals(0.5, cut.getStartYValue(0, 0), 1e-9);
        org.jfree.data.xy.YIntervalSeriesCollection whole = LearningCurveChart.dataset(c, 1);
        assertEquals(250 + 12.706 * 250, whole.getEndYValue(0, 0), 1.0, "without a most, the whole band");
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    /** Up to the eight categorical colours: each curve its own, and the legend lists every curve. */
    @Test
    void fewCurvesHaveTheirOwnColoursAndLegendEntries() {
        XYPlot plot = chart(8).getXYPlot();
        assertNull(plot.getFixedLegendItems());
        assertEquals(8, plot.getLegendItems().getItemCount());
        for (int i = 0; i < 8; i++) {
            assertEquals(Palette.categorical(i), plot.getRenderer().getSeriesPaint(i));
        }
    }

    /**
     * More curves than colours (40 values of {@code cartpole learn --n} repeated each colour five times and took four
     * lines of legend): viridis from dark to light in the order listed, and a legend of one line, the first, how many
     * between, the last.
     */
    @Test
    void manyCurvesShadeFromDarkToLightWithALegendOfThree() {
        XYPlot plot = chart(40).getXYPlot();
        LegendItemCollection legend = plot.getFixedLegendItems();
        assertEquals(3, legend.getItemCount());
        assertEquals("n = 0", legend.get(0).getLabel());
        assertEquals("\u2026 38 more curves, dark to light in the order listed \u2026", legend.get(1).getLabel());
        assertEquals("n = 39", legend.get(2).getLabel());
        assertEquals(plot.getRenderer().getSeriesPaint(0), legend.get(0).getLinePaint());
        assertEquals(plot.getRenderer().getSeriesPaint(39), legend.get(2).getLinePaint());
        for (int i = 1; i < 40; i++) {
            Color before = (Color) plot.getRenderer().getSeriesPaint(i - 1);
            Color now = (Color) plot.getRenderer().getSeriesPaint(i);
            assertTrue(luminance(now) >= luminance(before), "curve " + i + " is no darker than curve " + (i - 1));
        }
        assertTrue(luminance((Color) plot.getRenderer().getSeriesPaint(39)) < 200,
                "the lightest still shows on white: " + plot.getRenderer().getSeriesPaint(39));
    }
}
