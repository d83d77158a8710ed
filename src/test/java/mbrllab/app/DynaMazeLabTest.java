package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.maze.MazeCanvas;
import mbrllab.app.maze.PaneFrame;

/** Real clicks on the Dyna-maze lab, headless on Monocle. */
class DynaMazeLabTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    static PaneFrame frame(FxRobot robot, int pane) {
        MazeCanvas canvas = robot.lookup("#mazeCanvas" + pane).queryAs(MazeCanvas.class);
        return canvas.frame();
    }

    static long realSteps(FxRobot robot, int pane) {
        PaneFrame f = frame(robot, pane);
        return f == null ? -1 : f.realSteps();
    }

    @Test
    void threePanesForZeroFiveAndFiftyStartAtTheStart(FxRobot robot) {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        for (int i = 0; i < 3; i++) {
            PaneFrame f = frame(robot, i);
            assertEquals(new int[] {0, 5, 50}[i], f.n());
            assertEquals(0, f.realSteps());
            assertEquals(2 * 9, f.agent(), "the agent stands on S (2,0)");
            assertEquals(47, f.layout().freeCellCount());
        }
    }

    @Test
    void stepButtonStepsEveryPaneOnceWithItsPlanning(FxRobot robot) {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> realSteps(robot, 0) == 3 && realSteps(robot, 2) == 3, "three steps shown");
        assertEquals(3, frame(robot, 0).updates(), "n = 0: one update per real step");
        assertEquals(3 * 6, frame(robot, 1).updates(), "n = 5: six updates per real step");
        assertEquals(3 * 51, frame(robot, 2).updates(), "n = 50: 51 updates per real step");
        // Common random numbers: before any reward every Q is 0, so all panes walk the same path.
        assertEquals(frame(robot, 0).agent(), frame(robot, 1).agent());
        assertEquals(frame(robot, 0).agent(), frame(robot, 2).agent());
        // the header's text follows the frame at the next layout pass (it picks the form that fits): wait for it
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#paneStats1").queryAs(Label.class).getText())
                .get(5, TimeUnit.SECONDS).contains("step 3"), "pane 2's header says step 3");
        assertTrue(robot.lookup("#paneStats1").queryAs(Label.class).getText().contains("18 Q updates"));
        assertEquals("real steps: 3", robot.lookup("#realStepsLabel").queryAs(Label.class).getText());

        robot.type(KeyCode.RIGHT);
        waitUntil(() -> realSteps(robot, 1) == 4, "the Right key steps once more");
    }

    @Test
    void playRunsThePanesInLockStepAndPauseStopsThem(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        clickOnFx(robot, "#playButton");
        waitUntil(() -> realSteps(robot, 0) >= 5, "playing advances the agents");
        clickOnFx(robot, "#playButton");
        // At 10 steps/s, 400 ms at rest is four steps that did not happen.
        List<Long> rest = waitUntilAtRest(() -> List.of(realSteps(robot, 0), realSteps(robot, 1), realSteps(robot, 2),
                frame(robot, 2).updates()), 400, "the paused agents stay put");
        long paused = rest.get(0);
        assertEquals(paused, rest.get(1), "lock step");
        assertEquals(paused, rest.get(2), "lock step");
        assertEquals(paused * 51, rest.get(3), "n = 50: 51 updates a step");
    }

    @Test
    void resetStartsAgainFromAnEmptyModel(FxRobot robot) {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> realSteps(robot, 0) == 2, "two steps");
        assertTrue(frame(robot, 2).known()[2 * 9], "after a step the model knows S");
        clickOnFx(robot, "#resetButton");
        waitUntil(() -> realSteps(robot, 0) == 0, "reset shows step 0");
        PaneFrame f = frame(robot, 2);
        assertEquals(0, f.updates());
        for (boolean known : f.known()) {
            assertFalse(known);
        }
        for (double q : f.q()) {
            assertEquals(0.0, q);
        }
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> realSteps(robot, 0) == 0, "Ctrl+R resets too");
    }

    @Test
    void chartFillsWithTheMeanOfThirtyRunsAndTheAnimatedRun(FxRobot robot) {
        ChartViewer viewer = robot.lookup("#learningCurveChart").queryAs(ChartViewer.class);
        waitUntil(() -> readOnFx(() -> {
            XYDataset mean = viewer.getChart().getXYPlot().getDataset(0);
            return mean.getSeriesCount() == 3 && mean.getSeriesKey(0).toString().equals("n = 0: mean of 30 runs");
        }), "the background runs finish");
        // {items of n = 0, its first episode, n = 0 and n = 50 at episode 2, n = 50 at episode 50}
        double[] mean = readOnFx(() -> {
            XYDataset m = viewer.getChart().getXYPlot().getDataset(0);
            return new double[] {m.getItemCount(0), m.getXValue(0, 0), m.getYValue(0, 0), m.getYValue(2, 0),
                    m.getYValue(2, 48)};
        });
        assertEquals(49, (int) mean[0], "episodes 2 to 50, as the book plots them");
        assertEquals(2.0, mean[1]);
        // Figure 8.2: at episode 2, n = 50 is far shorter than n = 0.
        assertTrue(mean[3] < mean[2] / 4, "n = 50 " + mean[3] + " vs n = 0 " + mean[2]);
        assertTrue(mean[4] < 25, "n = 50 near the shortest path at episode 50");

        clickOnFx(robot, "#speedSlider");
        clickOnFx(robot, "#playButton");
        XYDataset animated = viewer.getChart().getXYPlot().getDataset(1);
        assertNotNull(animated);
        waitUntil(() -> readOnFx(() -> animated.getItemCount(2) >= 1),
                "the animated n = 50 agent finishes its second episode");
        clickOnFx(robot, "#playButton");
    }

    /**
     * The episode axis spans the background runs' episodes (2 to 50): the animated run, which goes on for thousands
     * of episodes at full speed, is drawn within that range and says how far it has got as a number, instead of
     * stretching the axis and squashing the mean curves into its left edge.
     */
    @Test
    void theEpisodeAxisSpansTheRunsCurvesAndTheAnimatedRunsLaterEpisodesAreANumber(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        ChartViewer viewer = robot.lookup("#learningCurveChart").queryAs(ChartViewer.class);
        mbrllab.app.dynamaze.DynaMazeViewModel model =
                ((mbrllab.app.dynamaze.DynaMazeLab) shell.currentLab()).model();
        robot.interact(() -> {
            model.playback().setStepsPerSecond(mbrllab.app.lab.LockStepRunner.MAX_SPEED);
            model.playback().setPlaying(true);
        });
        waitUntil(() -> frame(robot, 0).episode() > 80, "the animated runs pass episode 80");
        robot.interact(() -> model.playback().setPlaying(false));
        waitUntilAtRest(() -> frame(robot, 0).episode(), 300, "the panes stand still");
        XYDataset animated = viewer.getChart().getXYPlot().getDataset(1);
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> animated.getItemCount(0) >= 49).get(),
                "the chart has taken the animated run's episodes");
        org.jfree.chart.plot.XYPlot plot = viewer.getChart().getXYPlot();
        double[] bounds = WaitForAsyncUtils.asyncFx(() -> new double[] {plot.getDomainAxis().getLowerBound(),
                plot.getDomainAxis().getUpperBound(), animated.getItemCount(0),
                animated.getXValue(0, animated.getItemCount(0) - 1)}).get();
        assertTrue(bounds[1] <= 51, "the axis ends at the runs' last episode 50, not at the animated run's; upper "
                + bounds[1]);
        assertTrue(bounds[0] >= 1 && bounds[0] < 2, "and starts at the first episode shown, 2; lower " + bounds[0]);
        assertEquals(49, (int) bounds[2], "the animated run is drawn for episodes 2 to 50");
        assertEquals(50.0, bounds[3]);
        int episode = frame(robot, 0).episode();
        String note = WaitForAsyncUtils.asyncFx(() -> beyondNote(plot)).get();
        assertNotNull(note, "the animated run's later episodes are shown as a number");
        assertTrue(note.contains(String.format(java.util.Locale.ROOT, "%,d", episode)), note);
    }

    /**
     * The y label fits the height of the plot: "Steps per episode" is longer than a short chart's plot with large
     * text, and JFreeChart draws a rotated label centred on the plot, cutting both ends off.
     */
    @Test
    void theStepsAxisLabelIsNeverClipped(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        robot.interact(() -> shell.fontScaleProperty().set(2.0));
        ChartViewer viewer = robot.lookup("#learningCurveChart").queryAs(ChartViewer.class);
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> {
            org.jfree.chart.ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
            if (info == null || info.getPlotInfo().getDataArea().getHeight() <= 0) {
                return false;
            }
            org.jfree.chart.axis.ValueAxis y = viewer.getChart().getXYPlot().getRangeAxis();
            double height = info.getPlotInfo().getDataArea().getHeight();
            double width = labelWidth(y);
            return y.getLabelFont().getSize() == 28 && width <= height;
        }).get(), "the y label fits the plot's height at text 2.0");
    }

    private static double labelWidth(org.jfree.chart.axis.Axis axis) {
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB)
                .createGraphics();
        try {
            return g.getFontMetrics(axis.getLabelFont()).stringWidth(axis.getLabel());
        } finally {
            g.dispose();
        }
    }

    /** The text of the chart's note on the animated run's episodes beyond the axis, or null. */
    static String beyondNote(org.jfree.chart.plot.XYPlot plot) {
        for (Object a : plot.getAnnotations()) {
            if (a instanceof org.jfree.chart.annotations.XYTitleAnnotation t
                    && t.getTitle() instanceof org.jfree.chart.title.TextTitle text
                    && !text.getText().isEmpty()) {
                return text.getText();
            }
        }
        return null;
    }

    @Test
    void switchingAwayStopsTheLearningThread(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        clickOnFx(robot, "#playButton");
        waitUntil(() -> realSteps(robot, 0) > 0, "playing");
        WaitForAsyncUtils.asyncFx(() -> shell.dispose()).get(5, TimeUnit.SECONDS);
        waitUntilNoThread("dyna-maze-runner", "the runner thread has stopped");
    }

    @Test
    void invalidFieldInputIsRefusedWithItsReasonAndNeverApplied(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        doubleClickOnFx(robot, "#alphaField").eraseText(5).write("1.5");
        Label error = robot.lookup("#alphaFieldError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("alpha must be in (0, 1], got 1.5", error.getText());
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled(), "Apply is disabled");
        assertTrue(robot.lookup("#alphaField").query().getStyleClass().contains("invalid"));

        doubleClickOnFx(robot, "#alphaField").eraseText(5).write("0.5");
        assertFalse(error.isVisible());
        assertFalse(robot.lookup("#applyButton").queryButton().isDisabled());

        clickOnFx(robot, "#nValuesField").eraseText(20).write("0, 5, 5");
        assertEquals("n = 5 is listed twice; each pane needs its own n",
                robot.lookup("#nValuesFieldError").queryAs(Label.class).getText(), "two panes with one n: the chart "
                + "had two series of one name and threw");
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled());
        robot.eraseText(7).write("0, five");
        assertEquals("'five' is not a whole number; list n values like 0, 5, 50",
                robot.lookup("#nValuesFieldError").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled());
        robot.eraseText(4).write("1, 10, 100");
        clickOnFx(robot, "#runsField").eraseText(5).write("1000000");
        assertEquals("runs must be in 1..10000, got 1000000", robot.lookup("#runsFieldError").queryAs(Label.class)
                .getText());
        robot.eraseText(7).write("5");
        clickOnFx(robot, "#applyButton");
        waitUntil(() -> robot.lookup("#mazeCanvas3").tryQuery().isPresent() && frame(robot, 3) != null,
                "four panes after applying 0, 1, 10, 100");
        assertEquals(100, frame(robot, 3).n());
        assertEquals(1, frame(robot, 1).n());

        // One episode per run, episode 1 left out as in the book: there is no episode 2, so episode 1 is drawn (the
        // axis from 1.5 to 1.5 threw)
        clickOnFx(robot, "#episodesField").eraseText(5).write("1");
        clickOnFx(robot, "#applyButton");
        ChartViewer viewer = robot.lookup("#learningCurveChart").queryAs(ChartViewer.class);
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> viewer.getChart().getXYPlot().getDomainAxis()
                .getUpperBound() == 1.5).get(), "the episode axis ends at episode 1");
        assertEquals(0.5, WaitForAsyncUtils.asyncFx(() -> viewer.getChart().getXYPlot().getDomainAxis()
                .getLowerBound()).get());
    }

    @Test
    void figure83FreezesNoPlanningBesidePlanningHalfwayThroughEpisode2(FxRobot robot) {
        waitUntil(() -> frame(robot, 2) != null, "the panes show a frame");
        clickOnFx(robot, "#figure83Button");
        waitUntil(() -> robot.lookup("#figureCaption").queryAs(Label.class).getText() != null
                && frame(robot, 1) != null && frame(robot, 1).episode() == 2, "the figure is frozen");
        assertTrue(robot.lookup("#mazeCanvas2").tryQuery().isEmpty(), "two panes: n = 0 and n = 50");
        PaneFrame n0 = frame(robot, 0);
        PaneFrame n50 = frame(robot, 1);
        assertEquals(0, n0.n());
        assertEquals(50, n50.n());
        assertEquals(2, n0.episode());
        assertEquals(1, n0.episodeLengths().length);
        assertEquals(n0.episodeLengths()[0], n50.episodeLengths()[0], "common random numbers: same episode 1");
        int n0Arrows = arrows(n0);
        int n50Arrows = arrows(n50);
        assertTrue(n0Arrows <= 2, "n = 0 arrows " + n0Arrows);
        assertTrue(n50Arrows > 10, "n = 50 arrows " + n50Arrows);
        assertTrue(robot.lookup("#figureCaption").queryAs(Label.class).getText().contains("halfway through episode 2"));

        clickOnFx(robot, "#closeFigureButton");
        waitUntil(() -> robot.lookup("#mazeCanvas2").tryQuery().isPresent() && frame(robot, 2) != null,
                "three panes again");
        assertFalse(robot.lookup("#figureCaptionBox").query().isVisible());
    }

    static int arrows(PaneFrame f) {
        int count = 0;
        for (int x = 0; x < f.layout().cellCount(); x++) {
            int r = x / f.layout().cols();
            int c = x % f.layout().cols();
            boolean goal = f.layout().goal().row() == r && f.layout().goal().col() == c;
            if (!f.layout().isWall(r, c) && !goal && mbrllab.core.dyna.DynaQ.strictlyBestAction(f.q(), x) >= 0) {
                count++;
            }
        }
        return count;
    }
}
