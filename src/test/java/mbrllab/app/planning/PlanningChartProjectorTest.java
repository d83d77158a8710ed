package mbrllab.app.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.ProjectorSizeFixture;
import mbrllab.app.lab.ChartColumn;

/**
 * The planning lab's chart at 1024x768 with text 1.5, outside presenter mode: the gap between its two subplots holds
 * a tick label (the returns' "0.000" and the plans' "1" touched with 10 px), and each subplot keeps room for its axis
 * label; the note under the chart folds into its tooltip for it.
 */
class PlanningChartProjectorTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    /** Whether the note under the chart is folded into the chart column's tooltip. */
    private static boolean folded(ChartViewer viewer) {
        return viewer.getParent() instanceof ChartColumn c
                && c.folded().stream().anyMatch(n -> "chartNote".equals(n.getId()));
    }

    @Test
    void theSubplotsKeepTheirLabelsAndApartTheirTicks(FxRobot robot) throws Exception {
        showLab("planning", 1.5, false);
        // {returns' plot height, plans' plot height, gap, tick label size, note shown (1) or not}
        List<Double> chart = waitUntilAtRest(() -> readOnFx(() -> {
            ChartViewer viewer = robot.lookup("#returnChart").queryAs(ChartViewer.class);
            PlotRenderingInfo info = viewer.getCanvas().getRenderingInfo().getPlotInfo();
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) viewer.getChart().getXYPlot();
            XYPlot returns = combined.getSubplots().get(0);
            return List.of(info.getSubplotInfo(0).getDataArea().getHeight(),
                    info.getSubplotInfo(1).getDataArea().getHeight(), combined.getGap(),
                    (double) returns.getRangeAxis().getTickLabelFont().getSize(), folded(viewer) ? 0.0 : 1.0);
        }), 300, "the chart is laid out");
        List<String> labels = readOnFx(() -> {
            CombinedDomainXYPlot combined = (CombinedDomainXYPlot) robot.lookup("#returnChart")
                    .queryAs(ChartViewer.class).getChart().getXYPlot();
            return List.of(combined.getSubplots().get(0).getRangeAxis().getLabel(),
                    combined.getSubplots().get(1).getRangeAxis().getLabel());
        });
        System.out.println("normal mode, 1024x768, text 1.5: planning chart subplots " + Math.round(chart.get(0))
                + " and " + Math.round(chart.get(1)) + " px high, " + Math.round(chart.get(2)) + " px apart; labels "
                + labels);
        assertTrue(chart.get(2) >= chart.get(3), "the gap " + chart.get(2) + " holds a tick label of "
                + chart.get(3));
        assertEquals(List.of("Return", "Plan"), labels, "both axis labels shown");
        assertTrue(chart.get(1) >= 60, "the plans' subplot is at least 60 px high: " + chart.get(1));
        assertEquals(0.0, chart.get(4), "the note under the chart is folded into its tooltip");
    }
}
