package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.ProjectorSizeFixture;

/**
 * The cart-pole dynamics tab at 1024x768 with text 1.5, in normal and presenter mode: the multi-step predictions,
 * the ghost poles, the compounding error and the parity plots share one row of tabs, each with the whole area. Side by
 * side they had left the multi-step plots about 40 px high and the ghost poles' cart no room at all, its caption over
 * the track.
 */
class DynamicsProjectorTest extends ProjectorSizeFixture {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theFourViewsShareOneRowOfTabsAndEachIsReadable(FxRobot robot) throws Exception {
        showLab("models", 1.5, false);
        answer = dir.resolve("small.json");
        Files.writeString(answer, """
                {"format": "mbrl-lab-session", "version": 1, "lab": "models",
                 "settings": {"seed": 2, "tab": "cartpole", "cartpole": {"model": "gp", "episodes": 3, "horizon": 12,
                   "windows": 2, "particles": 20, "shown": ["moment-matching"]}}}
                """);
        clickMenuFx(robot, "File", "#openSessionItem");
        ChartViewer rmse = robot.lookup("#rmseChart").queryAs(ChartViewer.class);
        waitUntil(() -> readOnFx(() -> rmse.getChart().getXYPlot().getDataset() != null
                && rmse.getChart().getXYPlot().getDataset().getSeriesCount() == 1), "the rollouts computed");
        for (boolean presenter : new boolean[] {false, true}) {
            showLab("models", 1.5, presenter);
            String mode = presenter ? "presenter mode" : "normal mode";
            TabPane tabs = robot.lookup("#dynamicsBottomTabs").queryAs(TabPane.class);
            waitUntil(() -> readOnFx(() -> tabs.getTabs().size() == 4), mode + ": four tabs");
            List<String> ids = readOnFx(() -> tabs.getTabs().stream().map(Tab::getId).toList());
            assertEquals(List.of("predictionsTab", "ghostTab", "compoundingTab", "parityTab"), ids, mode);

            clickOnFx(robot, "#predictionsTab");
            List<Double> plots = waitUntilAtRest(() -> readOnFx(() -> {
                List<Double> h = new ArrayList<>();
                for (int d = 0; d < 4; d++) {
                    ChartViewer v = (ChartViewer) shell.view().lookup("#multiStepChart" + d);
                    var info = v.getCanvas().getRenderingInfo();
                    h.add(info == null ? 0 : info.getPlotInfo().getDataArea().getHeight());
                }
                return h;
            }), 300, mode + ": the predictions laid out");
            clickOnFx(robot, "#ghostTab");
            double ghost = waitUntilAtRest(() -> readOnFx(() -> shell.view().lookup("#ghostCanvas")
                    .getLayoutBounds().getHeight()), 300, mode + ": the ghost poles laid out");
            List<String> titles = readOnFx(() -> tabs.getTabs().stream().map(Tab::getText).toList());
            double beyond = readOnFx(() -> {
                Bounds pane = tabs.localToScene(tabs.getLayoutBounds());
                double most = 0;
                for (Node header : tabs.lookupAll(".tab")) {
                    Bounds b = header.localToScene(header.getLayoutBounds());
                    most = Math.max(most, b.getMaxX() - pane.getMaxX());
                }
                return most;
            });
            System.out.println(mode + ", 1024x768, text 1.5: multi-step plots " + plots + " px high, ghost poles "
                    + Math.round(ghost) + " px, tabs " + titles);
            for (double h : plots) {
                assertTrue(h >= 100, mode + ": each multi-step plot at least 100 px high: " + plots);
            }
            assertTrue(ghost >= 250, mode + ": the ghost poles at least 250 px high: " + ghost);
            assertTrue(beyond <= 0, mode + ": every tab title in view, " + titles + ", the last " + beyond + " px out");
            assertFalse(readOnFx(() -> tabs.lookup(".control-buttons-tab").isVisible()), mode + ": no tab menu");
        }
    }
}
