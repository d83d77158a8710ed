package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.ProjectorSizeFixture;
import mbrllab.charts.AxisLabels;

/**
 * The playground's sigma chart at 1024x768: under the GP's and the ensemble's legend its plot is short at large text,
 * and JFreeChart cut "sigma" to "sigm" in presenter mode at text 2.0. Its axis label fits the plot's height.
 */
class PlaygroundProjectorTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    private List<Object> sigmaAxis() throws Exception {
        return waitUntilAtRest(() -> readOnFx(() -> {
            ChartViewer viewer = (ChartViewer) shell.view().lookup("#sigmaChart");
            var info = viewer.getCanvas().getRenderingInfo();
            var axis = viewer.getChart().getXYPlot().getRangeAxis();
            return List.<Object>of(axis.getLabel(), AxisLabels.width(axis.getLabel(), axis.getLabelFont()),
                    info == null ? 0.0 : info.getPlotInfo().getDataArea().getHeight(),
                    viewer.getChart().getXYPlot().getDatasetCount() > 0
                            && viewer.getChart().getXYPlot().getDataset() != null);
        }), 300, "the sigma chart is drawn");
    }

    @Test
    void theSigmaLabelFitsThePlot(FxRobot robot) throws Exception {
        showLab("models", 1.5, false);
        waitUntil(() -> (Boolean) sigmaAxis().get(3), "the fits are drawn");
        List<Object> normal = sigmaAxis();
        System.out.println("normal mode, 1024x768, text 1.5: sigma axis " + normal);
        assertEquals("sigma", normal.get(0), "the whole label where it fits");
        showLab("models", 2.0, true);
        List<Object> presenter = sigmaAxis();
        System.out.println("presenter mode, 1024x768, text 2.0: sigma axis " + presenter);
        assertTrue((Double) presenter.get(2) > 0, "the plot is drawn: " + presenter);
        assertTrue((Double) presenter.get(1) <= (Double) presenter.get(2), "the label fits the plot: " + presenter);
        // an export (at least 200 px high) has the whole label, whatever fitted the screen
        String exported = readOnFx(() -> {
            shell.currentLab().exportTargets().stream().filter(t -> t.name().equals("playground-sigma")).findFirst()
                    .orElseThrow().png2x().get();
            return ((ChartViewer) shell.view().lookup("#sigmaChart")).getChart().getXYPlot().getRangeAxis()
                    .getLabel();
        });
        assertEquals("sigma", exported, "the label drawn into the export");
    }
}
