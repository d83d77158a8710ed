package mbrllab.app.pilco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ListView;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ProjectorSizeFixture;
import mbrllab.charts.AxisLabels;

/**
 * The PILCO lab's state chart at 1024x768: its subplots' axis labels fit their heights. In presenter mode at text
 * 2.0 the subplots are about 60 px high and JFreeChart cut "θ [rad]" to "θ [rad" (and "x [m]" at both ends).
 */
class PilcoProjectorTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    /** Per subplot of the states chart as last drawn: its label, the label's width and the subplot's height. */
    private List<Object> stateAxes() throws Exception {
        return waitUntilAtRest(() -> readOnFx(() -> {
            ChartViewer viewer = (ChartViewer) shell.view().lookup("#pilcoStatesChart");
            var info = viewer.getCanvas().getRenderingInfo();
            List<XYPlot> plots = ((CombinedDomainXYPlot) viewer.getChart().getPlot()).getSubplots();
            List<Object> out = new ArrayList<>();
            for (int c = 0; c < plots.size(); c++) {
                var axis = plots.get(c).getRangeAxis();
                out.add(axis.getLabel());
                out.add(AxisLabels.width(axis.getLabel(), axis.getLabelFont()));
                out.add(info == null || info.getPlotInfo().getSubplotCount() <= c ? 0.0
                        : info.getPlotInfo().getSubplotInfo(c).getDataArea().getHeight());
            }
            return out;
        }), 300, "the states chart is drawn");
    }

    @Test
    void theStateAxesLabelsFitTheirSubplots(FxRobot robot) throws Exception {
        showLab("pilco", 1.5, false);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> readOnFx(() -> robot.lookup("#pilcoTrialList").queryAs(ListView.class).getItems().size() == 8));
        List<Object> normal = stateAxes();
        System.out.println("normal mode, 1024x768, text 1.5: state axes " + normal);
        assertEquals(List.of("x [m]", "θ [rad]"), List.of(normal.get(0), normal.get(3)),
                "the labels with their units where they fit");
        showLab("pilco", 2.0, true);
        List<Object> presenter = stateAxes();
        System.out.println("presenter mode, 1024x768, text 2.0: state axes " + presenter);
        for (int c = 0; c < presenter.size(); c += 3) {
            double width = (Double) presenter.get(c + 1);
            double height = (Double) presenter.get(c + 2);
            assertTrue(height > 0, "the subplot is drawn: " + presenter);
            assertTrue(width <= height, "the label '" + presenter.get(c) + "' fits its subplot: " + presenter);
        }
        // an export (at least 380 px high) has the labels with their units, whatever fitted the screen
        List<Object> exported = readOnFx(() -> {
            PilcoLab lab = (PilcoLab) shell.view().lookup("#pilcoLab").getProperties().get(PilcoLab.class);
            lab.exportTargets().stream().filter(t -> t.name().equals("pilco-states")).findFirst().orElseThrow()
                    .png2x().get();
            ChartViewer viewer = (ChartViewer) shell.view().lookup("#pilcoStatesChart");
            List<Object> labels = new ArrayList<>();
            for (XYPlot p : ((CombinedDomainXYPlot) viewer.getChart().getPlot()).getSubplots()) {
                labels.add(p.getRangeAxis().getLabel());
            }
            return labels;
        });
        assertEquals(List.of("x [m]", "θ [rad]"), exported, "the labels drawn into the export");
    }
}
