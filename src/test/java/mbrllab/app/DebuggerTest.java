package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.Test;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.maze.MazeCanvas;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaUpdate;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.debug.DebugSession;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.io.BundledMazes;
import mbrllab.app.debugger.DebuggerViewModel;

/** The step-through debugger through real clicks: its numbers are the core's. */
class DebuggerTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    /** The same agent as the debugger's (n = 5, seed 1, run 1's seeds). */
    static DebugSession reference() {
        var maze = BundledMazes.dynaMaze();
        LearningCurveSpec seeds = new LearningCurveSpec(maze, DynaParams.defaults(), List.of(5), 1, 1, 1,
                LearningCurveSpec.DEFAULT_MAX_STEPS);
        return new DebugSession(DynaParams.defaults().withN(5), new MazeDynamics(maze.layout()), seeds.realSeed(0),
                seeds.planSeed(0));
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    static boolean active(FxRobot robot, String line) {
        return robot.lookup("#code" + line).queryAs(Label.class).getStyleClass().contains("code-line-active");
    }

    void waitPosition(FxRobot robot, long position) {
        waitUntil(() -> text(robot, "#dbgTimelineLabel").startsWith(
                String.format(Locale.ROOT, "update %,d of", position)), "position " + position);
    }

    @Test
    void stepsShowTheCoresArithmeticAndHighlightTheLinesExecuted(FxRobot robot) {
        clickOnFx(robot, "#debuggerTab");
        waitUntil(() -> text(robot, "#dbgTimelineLabel").startsWith("update 0 of"), "a fresh agent");
        DebugSession ref = reference();

        clickOnFx(robot, "#dbgStepReal");
        waitPosition(robot, 1);
        DynaUpdate real = ref.stepRealStep().update();
        assertTrue(text(robot, "#insp0").startsWith("real experience"), text(robot, "#insp0"));
        assertEquals("(" + real.x() / 9 + "," + real.x() % 9 + ")", text(robot, "#insp1"));
        assertEquals(fmt(real.qBefore()), text(robot, "#insp5"));
        assertTrue(text(robot, "#insp9").endsWith("= " + fmt(real.qAfter())), text(robot, "#insp9"));
        for (String line : List.of("A", "B", "C", "D", "E")) {
            assertTrue(active(robot, line), "line (" + line.toLowerCase() + ") highlighted after a real step");
        }
        assertTrue(!active(robot, "F"));
        assertEquals(1, robot.lookup("#modelTable").queryAs(TableView.class).getItems().size());

        clickOnFx(robot, "#dbgStepUpdate");
        waitPosition(robot, 2);
        DynaUpdate plan = ref.stepUpdate().update();
        assertEquals(DynaUpdate.Kind.PLANNING, plan.kind());
        assertTrue(text(robot, "#insp0").startsWith("simulated: Model(x,u), set at real step "), text(robot, "#insp0"));
        assertTrue(active(robot, "F") && !active(robot, "D"), "line (f) highlighted after a planning update");
        assertEquals(fmt(plan.target()), text(robot, "#insp7").replaceAll(".*= ", ""));

        // Run to the goal-reached breakpoint (on by default) and compare with the core.
        clickOnFx(robot, "#dbgRun");
        ref.setBreakpoints(List.of(new mbrllab.core.dyna.debug.Breakpoint.GoalReached(true)));
        ref.runToBreakpoint(DebuggerTestLimits.LIMIT);
        waitUntil(() -> text(robot, "#dbgMessage").contains("goal reached"), "the goal breakpoint");
        waitPosition(robot, ref.position());
        DynaUpdate goal = ref.lastStep().orElseThrow().update();
        assertTrue(goal.terminal());
        assertTrue(text(robot, "#insp4").contains("goal"), text(robot, "#insp4"));
        assertEquals(fmt(goal.qAfter()), text(robot, "#insp9").replaceAll(".*= ", ""));

        // Step back one update, then scrub the timeline to update 10.
        clickOnFx(robot, "#dbgBack");
        waitPosition(robot, ref.position() - 1);
        ref.seek(10);
        Slider timeline = robot.lookup("#dbgTimeline").queryAs(Slider.class);
        robot.interact(() -> timeline.setValue(10));
        waitPosition(robot, 10);
        DynaUpdate tenth = ref.lastStep().orElseThrow().update();
        assertEquals(fmt(tenth.qAfter()), text(robot, "#insp9").replaceAll(".*= ", ""));
    }

    /**
     * "Step real step" in the middle of a real step's planning runs the pending planning updates (f) first: the
     * status line says so, and the highlight covers (f) as well as (a) to (e).
     */
    @Test
    void stepRealStepSaysItRanThePendingPlanningFirstAndHighlightsIt(FxRobot robot) {
        clickOnFx(robot, "#debuggerTab");
        waitUntil(() -> text(robot, "#dbgTimelineLabel").startsWith("update 0 of"), "a fresh agent");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Integer> n = robot.lookup("#debugN").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> n.setValue(50));
        waitUntil(() -> text(robot, "#dbgMessage").startsWith("New agent with n = 50"), "a fresh agent with n = 50");
        clickOnFx(robot, "#dbgStepReal");
        waitPosition(robot, 1);
        clickOnFx(robot, "#dbgStepUpdate");
        clickOnFx(robot, "#dbgStepUpdate");
        waitPosition(robot, 3);
        assertEquals("Executed one planning update, line (f).", text(robot, "#dbgMessage"));

        clickOnFx(robot, "#dbgStepReal");
        waitPosition(robot, 52);
        assertEquals("Ran 48 planning updates (f), then real step (a) to (e).", text(robot, "#dbgMessage"));
        for (String line : List.of("A", "B", "C", "D", "E", "F")) {
            assertTrue(active(robot, line), "line (" + line.toLowerCase() + ") highlighted");
        }

        clickOnFx(robot, "#dbgStepReal");
        waitPosition(robot, 103);
        assertEquals("Ran 50 planning updates (f), then real step (a) to (e).", text(robot, "#dbgMessage"));
        clickOnFx(robot, "#dbgStepUpdate");
        waitPosition(robot, 104);
        assertTrue(active(robot, "F") && !active(robot, "A"), "one planning update: (f) only");
    }

    /**
     * While the debugger's tab is shown the toolbar drives and shows the debugger: the panes pause (Play does not
     * read "Pause" for a run nobody sees), "real steps" counts the debugger agent's, and Play and Step run it. Back
     * on the panes, the toolbar shows theirs again.
     */
    @Test
    void theToolbarFollowsTheDebuggerTabWhileItIsShown(FxRobot robot) {
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 3"), "the panes took three steps");
        clickOnFx(robot, "#playButton");
        waitUntil(() -> robot.lookup("#playButton").queryButton().getText().equals("Pause"), "the panes play");

        clickOnFx(robot, "#debuggerTab");
        waitUntil(() -> text(robot, "#dbgTimelineLabel").startsWith("update 0 of"), "a fresh agent");
        waitUntil(() -> robot.lookup("#playButton").queryButton().getText().equals("Play"),
                "the panes pause while the debugger is shown");
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 0"), "the debugger agent's real steps");
        clickOnFx(robot, "#stepButton");
        waitPosition(robot, 1);
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 1"), "Step took the debugger's real step");
        clickOnFx(robot, "#playButton");
        waitUntil(() -> text(robot, "#dbgMessage").contains("goal reached"), "Play ran to the goal breakpoint");
        long debuggerSteps = robot.lookup("#debugCanvas").queryAs(MazeCanvas.class).frame().realSteps();
        assertTrue(debuggerSteps > 1);
        waitUntil(() -> text(robot, "#realStepsLabel").equals(String.format(Locale.ROOT, "real steps: %,d",
                debuggerSteps)), "the toolbar counts the debugger's real steps");
        assertEquals("Play", robot.lookup("#playButton").queryButton().getText());

        clickOnFx(robot, "#compareTab");
        long panes = robot.lookup("#mazeCanvas0").queryAs(MazeCanvas.class).frame().realSteps();
        waitUntil(() -> text(robot, "#realStepsLabel").equals(String.format(Locale.ROOT, "real steps: %,d", panes)),
                "back on the panes, their real steps");
        assertTrue(panes >= 3);
    }

    @Test
    void selectingAModelRowOutlinesItsPairOnTheMaze(FxRobot robot) {
        clickOnFx(robot, "#debuggerTab");
        waitUntil(() -> text(robot, "#dbgTimelineLabel").startsWith("update 0 of"), "a fresh agent");
        for (int i = 0; i < 3; i++) {
            clickOnFx(robot, "#dbgStepReal");
        }
        TableView<?> table = robot.lookup("#modelTable").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() >= 2, "model rows");
        robot.interact(() -> table.getSelectionModel().select(1));
        var entry = (mbrllab.core.dyna.debug.ModelEntry) table.getSelectionModel().getSelectedItem();
        MazeCanvas canvas = robot.lookup("#debugCanvas").queryAs(MazeCanvas.class);
        assertEquals(entry.x() * 4 + entry.u(), canvas.frame().plannedPair());
        assertEquals(entry.xNext(), canvas.frame().plannedNext());
    }

    /** The limit the view model uses for one run. */
    static final class DebuggerTestLimits {
        static final long LIMIT = mbrllab.app.debugger.DebuggerViewModel.RUN_LIMIT;
    }
}
