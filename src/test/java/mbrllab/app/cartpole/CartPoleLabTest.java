package mbrllab.app.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.ShellFixture;
import mbrllab.app.lab.Publication;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.app.lab.CurveSnapshot;
import mbrllab.app.lab.LiveExperiment;
import mbrllab.app.lab.Playback;

/** Real clicks and key presses on the cart-pole lab, headless on Monocle. */
class CartPoleLabTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    private CartPoleLab openLab(FxRobot robot) {
        clickOnFx(robot, "Cart-pole");
        waitUntil(() -> robot.lookup("#cartPoleLab").tryQuery().isPresent(), "the lab opens");
        return (CartPoleLab) robot.lookup("#cartPoleLab").query().getProperties().get(CartPoleLab.class);
    }

    private static CartFrame frame(CartPoleViewModel model, int pane) {
        Publication<List<CartFrame>> f = model.framesProperty().get();
        return f == null || pane >= f.frame().size() ? null : f.frame().get(pane);
    }

    @Test
    void theArrowKeysPushTheCartTheirWay(FxRobot robot) {
        CartPoleViewModel model = openLab(robot).model();
        clickOnFx(robot, "#agentKeyboard");
        waitUntil(() -> frame(model, 0) != null && frame(model, 0).controller().equals("keyboard"), "keyboard cart");
        assertFalse(model.playback().playingProperty().get());

        robot.press(KeyCode.RIGHT);
        waitUntil(() -> frame(model, 0).step() >= 4 || frame(model, 0).episode() > 1, "pushing right plays");
        robot.release(KeyCode.RIGHT);
        EpisodeRecord pushedRight = firstEpisode(model);
        // Had the shell taken Right as its step shortcut, the run would be paused (a step pauses).
        assertTrue(model.playback().playingProperty().get(),
                "an arrow starts a paused keyboard run, and does not step");
        assertTrue(pushedRight.pushes()[0] == 1 && pushedRight.pushes()[3] == 1, "pushes to the right");
        double[] afterRight = state(pushedRight, 4);
        assertTrue(afterRight[CartPoleState.X_DOT] > 0.5, "x' " + afterRight[CartPoleState.X_DOT]);
        assertTrue(afterRight[CartPoleState.THETA_DOT] < 0, "the pole falls back: theta' " + afterRight[3]);

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> frame(model, 0) != null && frame(model, 0).step() == 0
                && !model.playback().playingProperty().get(), "Ctrl+R resets");
        robot.press(KeyCode.LEFT);
        waitUntil(() -> frame(model, 0).step() >= 4 || frame(model, 0).episode() > 1, "pushing left plays");
        robot.release(KeyCode.LEFT);
        EpisodeRecord pushedLeft = firstEpisode(model);
        double[] afterLeft = state(pushedLeft, 4);
        assertTrue(afterLeft[CartPoleState.X_DOT] < -0.5, "x' " + afterLeft[CartPoleState.X_DOT]);
        assertTrue(afterLeft[CartPoleState.THETA_DOT] > 0, "theta' " + afterLeft[CartPoleState.THETA_DOT]);
        waitUntil(() -> model.keyboardPushProperty().get() == 0, "released: no push");

        // With the random agent the arrows step, unless the cart picture has the focus: then the keyboard takes over.
        clickOnFx(robot, "#agentRandom");
        waitUntil(() -> frame(model, 0) != null && frame(model, 0).controller().equals("random"), "random cart");
        clickOnFx(robot, "#stepButton");
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> frame(model, 0).step() == 2, "Right steps the random cart");
        assertEquals(AgentKind.RANDOM, model.agentProperty().get());
        clickOnFx(robot, "#cartCanvas");
        robot.press(KeyCode.LEFT);
        waitUntil(() -> model.agentProperty().get() == AgentKind.KEYBOARD, "the keyboard takes over");
        robot.release(KeyCode.LEFT);
        assertTrue(robot.lookup("#agentKeyboard").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        clickOnFx(robot, "#playButton");
    }

    /**
     * On the swing-up a step is 0.1 s and can turn the pole by tens of degrees: mid-step, the read-outs say where the
     * pole is drawn (they read the state reached, a step ahead of the picture), and it is drawn where the physics has
     * it.
     */
    @Test
    void midStepTheSwingUpsReadOutsSayWhatIsDrawn(FxRobot robot) {
        CartPoleLab lab = openLab(robot);
        CartPoleViewModel model = lab.model();
        clickOnFx(robot, "#systemSwingUp");
        waitUntil(() -> frame(model, 0) != null && frame(model, 0).system() == CartSystem.SWING_UP
                && frame(model, 0).controller().equals("keyboard"), "the swing-up's keyboard cart");
        robot.press(KeyCode.RIGHT);
        waitUntil(() -> frame(model, 0).step() >= 4, "pushing right plays");
        robot.release(KeyCode.RIGHT);
        waitUntil(() -> frame(model, 0).step() >= 6 && frame(model, 0).path() != null, "swinging");
        CartFrame f = frame(model, 0);
        SwingUpSystem sys = CartSystem.SWING_UP_SYSTEM;
        double[] truth = f.previous().clone();
        new SwingUpSystem(sys.gravity(), sys.cartMass(), sys.poleMass(), sys.poleLength(), sys.friction(),
                sys.maxForce(), sys.controlPeriod() / 2, 1000, sys.horizon())
                .step(truth, f.force(), new double[SwingUpSystem.WORK_LENGTH]);
        CartRenderer.Picture[] half = new CartRenderer.Picture[1];
        robot.interact(() -> half[0] = lab.livePicture(f, 0.5, true));
        assertArrayEquals(half[0].pose(), half[0].state(), 0.0, "the read-outs are of the pose drawn");
        double drawn = Math.toDegrees(half[0].pose()[CartPoleState.THETA]);
        double physics = Math.toDegrees(truth[CartPoleState.THETA]);
        assertEquals(physics, drawn, 0.01, "halfway through the step the pole is drawn where the physics has it");
        CartRenderer.Picture[] end = new CartRenderer.Picture[1];
        robot.interact(() -> end[0] = lab.livePicture(f, 1, true));
        assertArrayEquals(f.state(), end[0].state(), 0.0, "at the step's end, its state");
        assertArrayEquals(f.state(), end[0].pose(), 0.0);
    }

    /** Switching the model starts a new run: its panes' thin "run 1" lines start afresh, the old ones go. */
    @Test
    void theRunOneLinesStartAfreshWithANewModel(FxRobot robot) {
        CartPoleViewModel model = openLab(robot).model();
        org.jfree.chart.fx.ChartViewer viewer = robot.lookup("#learningCurveChart")
                .queryAs(org.jfree.chart.fx.ChartViewer.class);
        org.jfree.data.xy.XYDataset runOne = viewer.getChart().getXYPlot().getDataset(1);
        robot.interact(() -> {
            model.curves().cancel();
            model.playback().speedProperty().set(Playback.MAX_POSITION);
            model.setPlaying(true);
        });
        waitUntil(() -> readOnFx(() -> runOne.getItemCount(0) >= 5 && runOne.getItemCount(2) >= 5),
                "run 1's episodes are drawn");
        clickOnFx(robot, "#playButton");
        waitUntil(() -> !model.playback().isPlaying(), "paused");
        clickOnFx(robot, "#modelLast");
        waitUntil(() -> model.modelProperty().get() == mbrllab.core.cartpole.BoxModelKind.LAST_OUTCOME
                && frame(model, 0) != null && frame(model, 0).realSteps() == 0,
                "a new run with the last-outcome model");
        waitUntil(() -> readOnFx(() -> runOne.getItemCount(0) == 0 && runOne.getItemCount(1) == 0
                && runOne.getItemCount(2) == 0), "the previous run's lines are gone");
        robot.interact(() -> model.setPlaying(true));
        waitUntil(() -> readOnFx(() -> runOne.getItemCount(1) >= 3), "the new run's episodes are drawn");
        robot.interact(() -> model.setPlaying(false));
        for (int i = 0; i < 3; i++) {
            int pane = i;
            // The chart's points, read on the FX thread that draws them (a pane may still add one after the pause).
            double[][] points = readOnFx(() -> {
                int drawn = runOne.getItemCount(pane);
                double[][] xy = new double[2][drawn];
                for (int e = 0; e < drawn; e++) {
                    xy[0][e] = runOne.getXValue(pane, e);
                    xy[1][e] = runOne.getYValue(pane, e);
                }
                return xy;
            });
            int[] steps = model.log(i).steps(1, points[0].length);
            for (int e = 0; e < points[0].length; e++) {
                assertEquals(e + 1, points[0][e], 0.0);
                assertEquals(steps[e], points[1][e], 0.0, "pane " + i + " episode " + (e + 1));
            }
        }
    }

    /** Episode 1's recording, once the pole has fallen. */
    private static EpisodeRecord firstEpisode(CartPoleViewModel model) {
        waitUntil(() -> model.log(0).finished() >= 1, "the episode ends (the pole falls)");
        return model.log(0).get(1);
    }

    private static double[] state(EpisodeRecord r, int k) {
        return java.util.Arrays.copyOfRange(r.states(), 4 * k, 4 * k + 4);
    }

    @Test
    void theScrubberAtStepKShowsTheRecordedStateK(FxRobot robot) {
        CartPoleLab lab = openLab(robot);
        CartPoleViewModel model = lab.model();
        clickOnFx(robot, "#agentRandom");
        waitUntil(() -> frame(model, 0) != null && frame(model, 0).controller().equals("random"), "random cart");
        // Step through episode 1 and keep every state the live run showed.
        List<double[]> live = new ArrayList<>();
        live.add(frame(model, 0).state().clone());
        while (true) {
            int next = live.size();
            robot.interact(model::step);
            waitUntil(() -> frame(model, 0).step() == next || frame(model, 0).episode() > 1, "step " + next);
            CartFrame f = frame(model, 0);
            assertEquals(1, f.episode());
            live.add(f.state().clone());
            if (f.ending() != null) {
                break;
            }
        }
        int steps = live.size() - 1;
        assertTrue(steps >= 8, "a random episode lasts some steps: " + steps);

        clickOnFx(robot, "#replayButton");
        waitUntil(() -> model.replayProperty().get() != null, "the replay opens");
        clickOnFx(robot, "#replayButton");
        waitUntil(() -> !model.replayPlayingProperty().get(), "paused replay");
        assertEquals(1, model.replayProperty().get().number());
        // a bad episode number typed is refused in the status bar (it threw on the FX thread)
        typeInto(robot, "#episodeSpinner", "x");
        waitUntil(() -> "Replay episode: \"x\" is not a whole number; it stays 1".equals(
                robot.lookup("#statusMessage").queryAs(Label.class).getText()), "the message in the status bar");
        assertEquals("1", readOnFx(() -> robot.lookup("#episodeSpinner").queryAs(javafx.scene.control.Spinner.class)
                .getEditor().getText()));
        assertEquals(1, model.replayProperty().get().number());
        CartCanvas canvas = robot.lookup("#cartCanvas").queryAs(CartCanvas.class);
        Slider scrubber = robot.lookup("#replaySlider").queryAs(Slider.class);
        for (int k : new int[] {0, 1, steps / 2, steps - 1, steps}) {
            robot.interact(() -> scrubber.setValue(k));
            String expected = "REPLAY of episode 1 · step " + k + " / " + steps;
            waitUntil(() -> canvas.picture() != null && canvas.picture().header().startsWith(expected),
                    "the picture shows step " + k);
            assertArrayEquals(live.get(k), canvas.picture().state(), 0.0, "recorded state " + k);
            assertArrayEquals(live.get(k), canvas.picture().pose(), 0.0, "drawn as it was at step " + k);
            assertEquals("step " + k + " / " + steps, robot.lookup("#replayStepLabel").queryAs(Label.class).getText());
        }
        assertNotNull(canvas.picture().ending(), "the last step shows how the episode ended");
        robot.interact(() -> scrubber.setValue(2.4));
        waitUntil(() -> model.replayPositionProperty().get() == 2.0, "a paused scrubber snaps to whole steps");

        clickOnFx(robot, "#liveButton");
        waitUntil(() -> model.replayProperty().get() == null, "back to live");
        waitUntil(() -> !canvas.picture().replay(), "the picture is live again");
    }

    private static long realSteps(CartPoleViewModel model, int pane) {
        CartFrame f = frame(model, pane);
        return f == null ? -1 : f.realSteps();
    }

    @Test
    void theThreeDynaQPanesAnimateInLockStepAndStopWhenPaused(FxRobot robot) throws Exception {
        CartPoleLab lab = openLab(robot);
        CartPoleViewModel model = lab.model();
        assertEquals(AgentKind.DYNA_Q, model.agentProperty().get(), "the lab opens on the three panes");
        if (model.curves().runningProperty().get()) {
            // The background runs are not needed here: Cancel in the status bar stops them.
            clickOnFx(robot, "#cancelButton");
            waitUntil(() -> !model.curves().runningProperty().get(), "cancelled");
            String message = model.curves().messageProperty().get();
            assertTrue(message.startsWith("Cancelled after ") && model.curves().isCancelled()
                    || message.startsWith("Mean of 30 runs"), "cancelled, or finished just before: " + message);
        }
        waitUntil(() -> frame(model, 2) != null, "three panes");
        CartCanvas[] canvases = new CartCanvas[3];
        long[] drawsBefore = new long[3];
        for (int i = 0; i < 3; i++) {
            canvases[i] = robot.lookup("#paneCanvas" + i).queryAs(CartCanvas.class);
            drawsBefore[i] = canvases[i].draws();
        }
        clickOnFx(robot, "#playButton");
        waitUntil(() -> realSteps(model, 0) >= 30, "the panes advance");
        for (int i = 0; i < 3; i++) {
            int pane = i;
            waitUntil(() -> canvases[pane].picture() != null && canvases[pane].picture().header().startsWith("episode"),
                    "pane " + i + " shows its step counter");
            waitUntil(() -> canvases[pane].draws() > drawsBefore[pane] + 5, "pane " + i + " animates");
        }
        clickOnFx(robot, "#playButton");
        // Paused: the steps, the step counters drawn and the number of draws stay the same for 400 ms (20 steps at
        // 50 steps/s).
        List<Object> rest = waitUntilAtRest(() -> {
            List<Object> sample = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sample.add(realSteps(model, i));
                sample.add(canvases[i].picture().header());
                sample.add(canvases[i].draws());
            }
            return sample;
        }, 400, "nothing moves and nothing is drawn after Pause");
        long paused = (long) rest.get(0);
        for (int i = 0; i < 3; i++) {
            assertEquals(paused, rest.get(3 * i), "lock step");
        }
        assertEquals(paused * 6, frame(model, 1).updates(), "n = 5: one real and five planning updates a step");
        assertEquals(paused * 51, frame(model, 2).updates(), "n = 50: 51 updates a step");
        String stats = robot.lookup("#paneStats2").queryAs(Label.class).getText();
        assertTrue(stats.startsWith("last episode: ") || stats.equals("no episode finished yet"), stats);
        assertTrue(robot.lookup("#boxEntry2").queryAs(Label.class).getText()
                .matches("(?s)(box \\d+ · Q left .*|failed.*)"),
                robot.lookup("#boxEntry2").queryAs(Label.class).getText());
        assertTrue(lab.frameIntervals().count() > 5, "frame intervals were recorded while playing");
        System.out.println("lock-step panes at 50 steps/s (headless Monocle, not a benchmark):\n"
                + lab.frameStatsSummary());
        // Nothing moves, so the animator stops (JavaFX would pulse 60 times a second for it); Play starts it again.
        waitUntil(() -> !readOnFx(lab::animatorRunning), "the animator stops once nothing moves");
        long drawn = readOnFx(canvases[0]::draws);
        clickOnFx(robot, "#playButton");
        waitUntil(() -> canvases[0].draws() > drawn + 5, "Play starts the animation again");
        clickOnFx(robot, "#playButton");
    }

    @Test
    void theMeanCurvesFillTheChartAsRunsFinishWhileThePanesPlay(FxRobot robot) {
        CartPoleViewModel model = openLab(robot).model();
        // Long runs, so the experiment is still going while the panes play at full speed.
        robot.interact(() -> {
            model.configure(mbrllab.core.cartpole.BoxesDynaParams.defaults(), 30, 400);
            model.playback().speedProperty().set(Playback.MAX_POSITION);
            model.setPlaying(true);
        });
        org.jfree.chart.fx.ChartViewer viewer = robot.lookup("#learningCurveChart")
                .queryAs(org.jfree.chart.fx.ChartViewer.class);
        waitUntil(() -> {
            CurveSnapshot c = model.curves().snapshot();
            return c != null && !c.finished() && c.runsDone() < c.runsTotal() - 1
                    && readOnFx(() -> viewer.getChart().getXYPlot().getDataset(0).getSeriesCount()) == 3;
        }, "the mean of the runs finished so far is drawn before the last run ends");
        robot.interact(() -> model.curves().cancel());
    }

    @Test
    void switchingLabsStopsTheRunnerAndTheBackgroundRuns(FxRobot robot) throws Exception {
        CartPoleLab lab = openLab(robot);
        CartPoleViewModel model = lab.model();
        clickOnFx(robot, "#playButton");
        waitUntil(() -> realSteps(model, 0) > 0, "playing");
        LiveExperiment<?> experiment = model.curves();
        assertNotNull(experiment, "the background runs started");
        assertTrue(threadAlive(), "the runner runs");
        clickOnFx(robot, "Dyna-maze");
        waitUntil(() -> robot.lookup("#cartPoleLab").tryQuery().isEmpty(), "the maze lab is shown");
        waitUntilNoThread(CartPoleRun.THREAD_NAME, "the cart-pole runner thread has stopped");
        assertTrue(experiment.isCancelled(), "the background experiment is cancelled");
        Future<?> task = experiment.task();
        waitUntil(task::isDone, "the background experiment's task ends");
        assertNull(robot.lookup("#paneCanvas0").tryQuery().orElse(null));
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(CartPoleRun.THREAD_NAME) && t.isAlive());
    }
}
