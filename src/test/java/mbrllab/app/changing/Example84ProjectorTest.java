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
 * them) the chart keeps a plot a class can read (it had 75 px under them), and its axis label fits beside it. Outside
 * presenter mode at that size the same, and the table's columns have titles that fit (the plot had 80 px, the label
 * was longer than the plot, the titles read "Prioritized sw..." and "Not optimal (...").
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
        List<Double> sizes = waitUntilAtRest(() -> readOnFx(this::plotAndLabel), 300, "the chart laid out");
        System.out.println("presenter mode, 1024x768, text 1.5: Example 8.4 plot " + sizes.get(0) + " px high, its "
                + "axis label " + sizes.get(1) + " px long");
        assertTrue(sizes.get(0) >= 150, "the plot is at least 150 px high: " + sizes);
        assertTrue(sizes.get(1) <= sizes.get(0), "the axis label fits beside the plot: " + sizes);
    }

    @Test
    void outsidePresenterModeTooTheChartAndTheTitlesFit(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1.5, false);
        clickOnFx(robot, "#example84Tab");
        List<Double> sizes = waitUntilAtRest(() -> readOnFx(this::plotAndLabel), 300, "the chart laid out");
        List<String> titles = readOnFx(() -> {
            List<String> out = new java.util.ArrayList<>();
            for (javafx.scene.Node n : shell.view().lookup("#example84Table").lookupAll(".column-header .label")) {
                if (n instanceof javafx.scene.control.Labeled l && n.lookup(".text") instanceof javafx.scene.text.Text t) {
                    out.add(l.getText().equals(t.getText()) ? l.getText() : l.getText() + " -> " + t.getText());
                }
            }
            return out;
        });
        System.out.println("normal mode, 1024x768, text 1.5: Example 8.4 plot " + sizes.get(0) + " px high, its axis "
                + "label " + sizes.get(1) + " px long, columns " + titles);
        assertTrue(sizes.get(0) >= 150, "the plot is at least 150 px high: " + sizes);
        assertTrue(sizes.get(1) <= sizes.get(0), "the axis label fits beside the plot: " + sizes);
        assertTrue(titles.size() == 5 && titles.stream().noneMatch(t -> t.contains(" -> ")), "column titles whole: "
                + titles);
    }

    /**
     * At text 1.0 in the same window the layout is not cramped, but the last column (82 px) is too narrow for "Not
     * optimal (DQ / PS)" ("Not optimal (DQ /..."): each column takes its whole title only where it fits.
     */
    @Test
    void atText1EachColumnTitleFitsItsColumn(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1, false);
        clickOnFx(robot, "#example84Tab");
        List<String> cut = waitUntilAtRest(() -> readOnFx(() -> cutTexts(shell.view().lookup("#example84Table"))),
                300, "the table laid out");
        List<String> titles = readOnFx(() -> ((javafx.scene.control.TableView<?>) shell.view()
                .lookup("#example84Table")).getColumns().stream().map(c -> c.getText()).toList());
        System.out.println("normal mode, 1024x768, text 1.0: Example 8.4 columns " + titles + ", cut " + cut);
        assertTrue(cut.isEmpty(), "column titles cut: " + cut);
        assertTrue(titles.contains("Maze") && titles.contains("States"), "titles: " + titles);
    }

    /** The chart's plot height and the length of its vertical axis' label, in pixels. */
    private List<Double> plotAndLabel() {
        ChartViewer v = (ChartViewer) shell.view().lookup("#example84Chart");
        var info = v.getCanvas().getRenderingInfo();
        double plot = info == null ? 0 : info.getPlotInfo().getDataArea().getHeight();
        var axis = v.getChart().getXYPlot().getRangeAxis();
        return List.of(plot, mbrllab.charts.AxisLabels.width(axis.getLabel(), axis.getLabelFont()));
    }
}
