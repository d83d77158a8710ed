package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ProjectorSizeFixture;
import mbrllab.app.maze.MazeCanvas;

/**
 * The changing-mazes lab outside presenter mode at 1024x768 with text 1.5: the change notice takes one line (whole it
 * took five and left the mazes cells of about 10 px), shows a start of the whole notice, and its tooltip holds the
 * whole. The cumulative-reward chart keeps a plot that can be read (it had 75 px, its axis label and notes cut), the
 * numbers under it folded into its tooltip; the mazes keep the rest.
 */
class ChangingMazesNormalModeTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theNoticeLeavesTheMazesTheirRoom(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1.5, false);
        List<Double> cells = waitUntilAtRest(() -> WaitForAsyncUtils.asyncFx(() -> {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Node n = shell.view().lookup("#changingCanvas" + i);
                if (n instanceof MazeCanvas c && c.getScene() != null && c.isVisible()) {
                    out.add(c.cellSize());
                }
            }
            return out;
        }).get(15, TimeUnit.SECONDS), 300, "the mazes are laid out");
        Label notice = (Label) shell.view().lookup("#changeNotice");
        double[] lines = WaitForAsyncUtils.asyncFx(() -> {
            Text one = new Text("X");
            one.setFont(notice.getFont());
            double room = notice.getHeight() - notice.snappedTopInset() - notice.snappedBottomInset();
            return new double[] {room / one.getLayoutBounds().getHeight()};
        }).get(15, TimeUnit.SECONDS);
        double plot = WaitForAsyncUtils.asyncFx(() -> {
            org.jfree.chart.fx.ChartViewer viewer = (org.jfree.chart.fx.ChartViewer) shell.view()
                    .lookup("#cumulativeRewardChart");
            return viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea().getHeight();
        }).get(15, TimeUnit.SECONDS);
        boolean summaryFolded = WaitForAsyncUtils.asyncFx(() -> {
            Node summary = shell.view().lookup("#rewardSummary");
            return !summary.isVisible() && !summary.isManaged();
        }).get(15, TimeUnit.SECONDS);
        String full = notice.getTooltip().getText();
        String shown = notice.getText();
        System.out.println("normal mode, 1024x768, text 1.5: changing-mazes cells " + cells + ", notice "
                + String.format(java.util.Locale.ROOT, "%.2f", lines[0]) + " lines: " + shown + ", chart plot "
                + String.format(java.util.Locale.ROOT, "%.0f", plot) + " px high");
        assertEquals(2, cells.size(), "Dyna-Q and Dyna-Q+: " + cells);
        assertTrue(lines[0] < 1.5, "the notice takes one line: " + lines[0]);
        assertTrue(plot >= 140, "the chart's plot is at least 140 px high: " + plot);
        assertTrue(summaryFolded, "the numbers under the chart are folded into its tooltip");
        assertTrue(shown.length() < full.length() && full.startsWith(shown.replace(" …", "").replaceAll("\\.$", "")),
                "a start of the notice: '" + shown + "' of '" + full + "'");
        // 18 px at the chart's minimum height (150 px at text 1: 225 px here), the Q legend in its compact form beside
        // "Show tau"; the cells had 21 px when the chart's plot had 75.
        for (double c : cells) {
            assertTrue(c >= 17, "a maze cell is at least 17 px: " + cells);
        }
    }
}
