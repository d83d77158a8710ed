package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ProjectorSizeFixture;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.ModelChoice;

/**
 * The learning curves in presenter mode at 1024x768 with text 3: the chart gets about 60 px, in which the legend and
 * the axes leave no room for the plot. The canvas is cleared and says so instead of showing what JFreeChart left there
 * (on an X screen a black box, at text 2.5 too; here, without the check, 28 pixels of the curves' colours and 4,084
 * grey ones); at text 2 the plot is drawn.
 */
class AccelerationNoRoomTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    /**
     * The canvas's pixels (snapshot on white) counted as {black, coloured, grey}: black under 5% brightness, coloured
     * with a saturation over 0.2 (the legend's and the curves' colours), grey the rest that is not white. FX thread.
     */
    private static int[] pixels(ChartViewer viewer) {
        WritableImage image = viewer.getCanvas().snapshot(null, null);
        PixelReader pixels = image.getPixelReader();
        int[] counts = new int[3];
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = pixels.getColor(x, y);
                if (c.getBrightness() < 0.05) {
                    counts[0]++;
                } else if (c.getSaturation() > 0.2) {
                    counts[1]++;
                } else if (c.getBrightness() < 0.95) {
                    counts[2]++;
                }
            }
        }
        return counts;
    }

    private ChartViewer curvesAt(FxRobot robot, double textScale) throws Exception {
        showLab("acceleration", textScale, true);
        AccelerationLab lab = (AccelerationLab) robot.lookup("#accelerationLab").query().getProperties()
                .get(AccelerationLab.class);
        WaitForAsyncUtils.asyncFx(() -> lab.curvesTab().getTabPane().getSelectionModel().select(lab.curvesTab()))
                .get(15, TimeUnit.SECONDS);
        ChartViewer viewer = robot.lookup("#accelerationChart").queryAs(ChartViewer.class);
        waitUntilAtRest(() -> readOnFx(() -> java.util.List.of(viewer.getWidth(), viewer.getHeight(),
                NoRoomForChart.shown(viewer))), 150, "the chart laid out and drawn");
        return viewer;
    }

    @Test
    void aChartWithNoRoomForItsPlotSaysSo(FxRobot robot) throws Exception {
        showLab("acceleration", 3.0, true);
        AccelerationLab lab = (AccelerationLab) robot.lookup("#accelerationLab").query().getProperties()
                .get(AccelerationLab.class);
        AccelerationSettings small = new AccelerationSettings(ModelChoice.ENSEMBLE, 10, 1,
                AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, AccelerationSettings.RATIO), 1, 1, 12, 1,
                AccelerationSettings.DEFAULT_SPEED, false);
        assertTrue(readOnFx(() -> lab.model().applySettings(small.toJson())).isEmpty());
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> lab.shownCurves() != null && lab.shownCurves().finished(), "the background run is in");
        ChartViewer viewer = curvesAt(robot, 3.0);
        assertTrue(readOnFx(() -> NoRoomForChart.shown(viewer)), "no room at text 3");
        int[] counts = readOnFx(() -> pixels(viewer));
        assertTrue(counts[0] == 0 && counts[1] == 0, "the canvas holds nothing of the chart: black, coloured, grey "
                + java.util.Arrays.toString(counts));
        assertTrue(counts[2] > 100, "the canvas says there is no room: " + java.util.Arrays.toString(counts));

        ChartViewer roomy = curvesAt(robot, 2.0);
        assertFalse(readOnFx(() -> NoRoomForChart.shown(roomy)), "room at text 2");
    }
}
