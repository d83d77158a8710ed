package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.ProjectorSizeFixture;

/**
 * Example 8.4's tab in presenter mode at 1024x768 with text 1.5: without the intro and the note (the lecturer says
 * them) the chart keeps a plot a class can read (it had 75 px under them), and its axis label fits beside it.
 */
class Example84ProjectorTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theChartKeepsAReadablePlot(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1.5, true);
        clickOnFx(robot, "#example84Tab");
        List<Double> sizes = waitUntilAtRest(() -> readOnFx(() -> {
            ChartViewer v = (ChartViewer) shell.view().lookup("#example84Chart");
            var info = v.getCanvas().getRenderingInfo();
            double plot = info == null ? 0 : info.getPlotInfo().getDataArea().getHeight();
            java.awt.Font font = v.getChart().getXYPlot().getRangeAxis().getLabelFont();
            String label = v.getChart().getXYPlot().getRangeAxis().getLabel();
            double labelWidth = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                    .createGraphics().getFontMetrics(font).stringWidth(label);
            return List.of(plot, labelWidth);
        }), 300, "the chart laid out");
        System.out.println("presenter mode, 1024x768, text 1.5: Example 8.4 plot " + sizes.get(0) + " px high, its "
                + "axis label " + sizes.get(1) + " px long");
        assertTrue(sizes.get(0) >= 150, "the plot is at least 150 px high: " + sizes);
        assertTrue(sizes.get(1) <= sizes.get(0), "the axis label fits beside the plot: " + sizes);
    }
}
