package mbrllab.app.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ShellFixture;
import mbrllab.core.models.transition.TransitionModelKind;
import mbrllab.core.planning.Propagation;

/** The planning lab through the window: a preset runs, Round shows CEM's rounds, options validate, exports. */
class PlanningLabTest extends ShellFixture {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startShell(stage);
        shell.select("planning");
    }

    private static PlanningLab lab(FxRobot robot) {
        return (PlanningLab) robot.lookup("#planningLab").query().getProperties().get(PlanningLab.class);
    }

    private static PlanningFrame frame(FxRobot robot) {
        return lab(robot).viewModel().frameProperty().get();
    }

    private static double meanSigma(double[] std) {
        double s = 0;
        for (double v : std) {
            s += v;
        }
        return s / std.length;
    }

    @Test
    void thePerfectModelPresetPlansAndRoundShowsCemContracting(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot) != null, "the first frame");
        WaitForAsyncUtils.asyncFx(() -> lab(robot).viewModel().playback().setStepsPerSecond(Double.POSITIVE_INFINITY))
                .get(5, TimeUnit.SECONDS);
        clickOnFx(robot, "#preset-planning-perfect-model");
        waitUntil(() -> frame(robot) != null && frame(robot).settings().model() == TransitionModelKind.TRUE
                && frame(robot).episode() == 2 && frame(robot).plan() != null, "a planned step of episode 2");
        PlanningFrame planned = frame(robot);
        assertEquals(1, planned.finished().size(), "the random episode is done");
        assertEquals(5, planned.rounds().size(), "CEM made its 5 rounds");
        // the true model predicts what the true physics gives, but from the observation (noise 0.01), not the true
        // state: near upright the two part over 15 steps by a few per cent (a plan is re-made at every step)
        assertEquals(planned.plan().replayedReturn(), planned.plan().predictedReturn(),
                0.15 * planned.plan().replayedReturn());
        // the preset plays: Play pauses it. Wait for the pause itself, then for the runner's last frame (a quiet
        // spell alone is no proof of a pause on a loaded machine: the run went on by 16 steps once)
        clickOnFx(robot, "#playButton");
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> !lab(robot).viewModel().playback().isPlaying())
                .get(5, TimeUnit.SECONDS), "paused by the Play button");
        waitUntilAtRest(() -> frame(robot).step(), 300, "paused");
        if (frame(robot).phase().contains("ended")) {
            // paused between episodes: Step starts the next one (the true model needs no fit)
            clickOnFx(robot, "#stepButton");
            waitUntil(() -> frame(robot).phase().contains("fitted"), "the next episode started");
        }
        // steps taken in all (the step that ends an episode shows step 0 of the next)
        int before = frame(robot).transitions() + frame(robot).step();
        clickOnFx(robot, "#roundButton");
        waitUntil(() -> frame(robot).searchInProgress() && frame(robot).rounds().size() == 1, "round 1 shown");
        clickOnFx(robot, "#roundButton");
        waitUntil(() -> frame(robot).rounds().size() == 2, "round 2 shown");
        PlanningFrame f = frame(robot);
        assertEquals(before, f.transitions() + f.step(), "rounds execute nothing");
        assertEquals(200, f.round().population());
        assertTrue(meanSigma(f.rounds().get(1).nextStd()) < meanSigma(f.rounds().get(0).std()),
                "the population contracts");
        assertTrue(robot.lookup("#planningCanvas").queryAs(PlanningCanvas.class).frame().round() != null);
        for (int k = 0; k < 4; k++) {
            clickOnFx(robot, "#roundButton");
        }
        waitUntil(() -> frame(robot).transitions() + frame(robot).step() == before + 1
                && frame(robot).plan() != null, "the sixth click acts with the plan");
    }

    @Test
    void optionsAreValidatedAtTheFieldAndTogether(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot) != null, "the first frame");
        doubleClickOnFx(robot, "#horizonField").eraseText(5).write("0");
        Label error = robot.lookup("#horizonFieldError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("H must be in 1..200, got 0", error.getText());
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled());
        doubleClickOnFx(robot, "#horizonField").eraseText(5).write("12");
        assertFalse(error.isVisible());
        assertFalse(robot.lookup("#applyButton").queryButton().isDisabled());
        doubleClickOnFx(robot, "#populationField").eraseText(6).write("10");
        assertEquals("elites must be at most the population 10, got 20",
                robot.lookup("#optionsError").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled());
        doubleClickOnFx(robot, "#elitesField").eraseText(6).write("4");
        assertFalse(robot.lookup("#applyButton").queryButton().isDisabled());
        // 5,000 sequences x 5 iterations x 5 particles x H 12 per step, the animated run and 20 background runs:
        // hours of planning, refused at the field
        doubleClickOnFx(robot, "#populationField").eraseText(6).write("5000");
        doubleClickOnFx(robot, "#runsField").eraseText(3).write("20");
        String refusal = robot.lookup("#optionsError").queryAs(Label.class).getText();
        assertTrue(refusal.startsWith("the animated run and the background runs are estimated at about "), refusal);
        assertTrue(refusal.contains("lower the runs, the episodes, the population"), refusal);
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled());
        doubleClickOnFx(robot, "#populationField").eraseText(6).write("10");
        doubleClickOnFx(robot, "#runsField").eraseText(3).write("0");
        assertFalse(robot.lookup("#applyButton").queryButton().isDisabled());
        // the single net has no members to sample: the propagation becomes the deterministic mean, one particle
        clickMenuFx(robot, "#modelBox", "single net");
        assertEquals(Propagation.MEAN, robot.lookup("#propagationBox").queryAs(ComboBox.class).getValue());
        assertEquals("1", robot.lookup("#particlesField").queryAs(TextField.class).getText());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#planningOptionsScroll").queryAs(
                javafx.scene.control.ScrollPane.class).setVvalue(1)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        clickOnFx(robot, "#applyButton");
        waitUntil(() -> frame(robot).settings().model() == TransitionModelKind.SINGLE
                && frame(robot).settings().planner().horizon() == 12
                && frame(robot).settings().planner().population() == 10, "the new settings run");
    }

    @Test
    void exportAllWritesThePictureAndTheChart(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot) != null, "the first frame");
        for (int k = 0; k < 3; k++) {
            clickOnFx(robot, "#stepButton");
        }
        waitUntil(() -> frame(robot).step() == 3, "three random steps");
        answer = dir.resolve("export");
        clickMenuFx(robot, "File", "#exportAllItem");
        waitUntil(() -> Files.exists(answer.resolve("planning-returns.csv")), "files written");
        for (String name : new String[] {"planning-picture", "planning-returns"}) {
            assertNotNull(javax.imageio.ImageIO.read(answer.resolve(name + ".png").toFile()), name + ".png");
            assertTrue(Files.readString(answer.resolve(name + ".svg")).contains("</svg>"), name + ".svg");
        }
        assertTrue(Files.readString(answer.resolve("planning-picture.csv")).startsWith("candidate,J,elite,u1,"));
        assertTrue(Files.readString(answer.resolve("planning-returns.csv")).startsWith("episode,return,steps,"));
    }
}
