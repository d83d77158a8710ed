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

    /**
     * The note that names the plans' two lines is folded away here (and left out in presenter mode): a legend inside
     * their subplot names them, in the text size of the tick labels and in the lines' colours, and fits the subplot.
     */
    @Test
    void thePlansLinesAreNamedInsideTheirSubplot(FxRobot robot) throws Exception {
        for (boolean presenter : new boolean[] {false, true}) {
            showLab("planning", 1.5, presenter);
            List<String> legend = waitUntilAtRest(() -> readOnFx(() -> {
                ChartViewer viewer = robot.lookup("#returnChart").queryAs(ChartViewer.class);
                XYPlot plans = ((CombinedDomainXYPlot) viewer.getChart().getXYPlot()).getSubplots().get(1);
                java.awt.geom.Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo()
                        .getSubplotInfo(1).getDataArea();
                org.jfree.chart.annotations.XYTitleAnnotation inside = mbrllab.charts.InsideLegend.find(
                        (org.jfree.chart.renderer.xy.AbstractXYItemRenderer) plans.getRenderer());
                org.jfree.chart.title.LegendTitle title = (org.jfree.chart.title.LegendTitle) inside.getTitle();
                java.util.List<String> seen = new java.util.ArrayList<>();
                org.jfree.chart.LegendItemCollection collection = title.getSources()[0].getLegendItems();
                for (int i = 0; i < collection.getItemCount(); i++) {
                    org.jfree.chart.LegendItem item = collection.get(i);
                    seen.add(item.getLabel() + " " + item.getLinePaint().equals(plans.getRenderer().getSeriesPaint(i)));
                }
                seen.add("font " + title.getItemFont().getSize() + " of " + plans.getRangeAxis().getTickLabelFont()
                        .getSize());
                double[] size = mbrllab.charts.InsideLegend.size(title);
                seen.add("fits " + (size[0] <= area.getWidth() && size[1] <= area.getHeight()));
                return seen;
            }), 300, "the chart is laid out");
            System.out.println((presenter ? "presenter" : "normal") + " mode: the plans' legend " + legend);
            int tick = readOnFx(() -> ((CombinedDomainXYPlot) robot.lookup("#returnChart").queryAs(ChartViewer.class)
                    .getChart().getXYPlot()).getSubplots().get(1).getRangeAxis().getTickLabelFont().getSize());
            assertEquals(List.of("model true", "true physics true", "font " + tick + " of " + tick, "fits true"),
                    legend);
            assertTrue(tick >= 18, "text 1.5: tick labels of " + tick);
        }
    }
}
