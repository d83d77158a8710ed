package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ShellFixture;
import mbrllab.app.export.ExportTarget;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.ModelChoice;

/** The acceleration lab through the window: steps, the k slider, pane 3's setting, the processes' pane, sessions. */
class AccelerationLabTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
        shell.select("acceleration");
    }

    private static AccelerationLab lab(FxRobot robot) {
        return (AccelerationLab) robot.lookup("#accelerationLab").query().getProperties().get(AccelerationLab.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Step moves all three learners one real step on the one clock; the carts, counts and processes are drawn. */
    @Test
    void stepMovesEveryPane(FxRobot robot) {
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 1"), "one real step");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 2"), "two real steps");
        waitUntil(() -> text(robot, "#dataCounts0").equals("data: real 2 · model none"), "pane 1's counts");
        waitUntil(() -> text(robot, "#dataCounts1").equals("data: real 2 · model 0"), "pane 2's counts");
        AccelerationLab lab = lab(robot);
        assertTrue(lab.processCanvas().draws() > 0);
        assertEquals(2, lab.model().framesProperty().get().frame().realSteps());
        for (int i = 0; i < 3; i++) {
            assertEquals(2, lab.model().framesProperty().get().frame().panes().get(i).counters().realSteps());
        }
        // Nothing moves, so the animator stops (JavaFX would pulse 60 times a second for it); a step starts it again.
        waitUntil(() -> !readOnFx(lab::animatorRunning), "the animator stops once nothing moves");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 3"), "the next step is drawn");
        waitUntil(() -> text(robot, "#dataCounts0").equals("data: real 3 · model none"), "with its counts");
    }

    /** A click on the k slider's track sets k for pane 2; its title and the run follow (a fresh start). */
    @Test
    void kSliderSetsPaneTwo(FxRobot robot) {
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 1"), "one real step");
        Slider k = robot.lookup("#kSlider").queryAs(Slider.class);
        clickOnFx(robot, k);
        AccelerationLab lab = lab(robot);
        waitUntil(() -> lab.model().settings().k() > 1, "k changed by the click");
        int chosen = lab.model().settings().k();
        assertEquals(chosen, (int) Math.round(k.getValue()));
        waitUntil(() -> text(robot, "#paneTitle1").equals("2: ensemble n=10 k=" + chosen), "pane 2's title");
        waitUntil(() -> text(robot, "#kLabel").equals("k = " + chosen + " model steps per rollout"), "k's label");
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 0"), "a fresh run");
        assertEquals(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 10, chosen, 0.5),
                lab.model().spec().settings().get(1));
    }

    /** Pane 3 takes a setting typed in the command's syntax; a bad one is refused with a message at the field. */
    @Test
    void thirdSettingTyped(FxRobot robot) {
        AccelerationLab lab = lab(robot);
        doubleClickOnFx(robot, "#thirdField").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).write("single:n=5:k=3").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#paneTitle2").equals("3: single net n=5 k=3"), "pane 3's title");
        assertEquals(AccelerationSetting.withModel(ModelChoice.SINGLE, 5, 3, 0.5), lab.model().settings().third());
        assertEquals("", text(robot, "#optionsMessage"));
        doubleClickOnFx(robot, "#thirdField").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).write("true:n=0:k=1");
        clickOnFx(robot, "#thirdApply");
        waitUntil(() -> text(robot, "#optionsMessage").equals("Pane 3: 'true:n=0:k=1': n must be in 1..50, got 0"),
                "the refusal");
        assertEquals(AccelerationSetting.withModel(ModelChoice.SINGLE, 5, 3, 0.5), lab.model().settings().third());
        doubleClickOnFx(robot, "#thirdField").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).write("true:n=10:k=1:noise=0.1").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#paneTitle2").equals("3: true physics + noise 0.1 n=10 k=1"),
                "pane 3's title names the noise");
        assertEquals(AccelerationSetting.noisyTrue(10, 1, 0.5, 0.1), lab.model().settings().third());
        doubleClickOnFx(robot, "#thirdField").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).write("model:n=10:k=1").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#optionsMessage").startsWith("\"third\" must differ from the other two panes"),
                "the same setting as pane 2 is refused");
    }

    /** The processes follow the chosen pane; with real data only, model training and collection stay idle. */
    @Test
    void processesOfTheChosenPane(FxRobot robot) throws Exception {
        clickMenuFx(robot, "#processesChoice", "pane 1");
        AccelerationLab lab = lab(robot);
        waitUntil(() -> lab.model().settings().processes() == 0, "pane 1 chosen");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> text(robot, "#realStepsLabel").equals("real steps: 1"), "one real step");
        String csv = WaitForAsyncUtils.asyncFx(() -> {
            List<ExportTarget> targets = lab.exportTargets();
            return targets.stream().filter(t -> t.name().equals("processes")).findFirst().orElseThrow().csv().get();
        }).get(15, TimeUnit.SECONDS);
        String[] lines = csv.split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[1].startsWith("1,real,1,0,0,0,0,0,0,0,1,0"), lines[1]);
        assertTrue(lines[2].startsWith("2,model_n10_k1,1,"), lines[2]);
    }

    /** A session round trip: the settings come back, the controls show them. */
    @Test
    void sessionRoundTrip(FxRobot robot) throws Exception {
        AccelerationLab lab = lab(robot);
        AccelerationSettings s = new AccelerationSettings(ModelChoice.TRUE, 4, 6,
                AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 2, 9, 0.5), 2, 3, 50, 11, 100, false);
        WaitForAsyncUtils.asyncFx(() -> lab.model().applySettings(s.toJson())).get(15, TimeUnit.SECONDS);
        waitUntil(() -> text(robot, "#paneTitle1").equals("2: true physics n=4 k=6"), "pane 2 from the session");
        assertEquals(s, lab.model().current());
        assertEquals(6.0, robot.lookup("#kSlider").queryAs(Slider.class).getValue());
        assertFalse(WaitForAsyncUtils.asyncFx(() -> lab.model().applySettings(
                mbrllab.app.shell.Sessions.mapper().readTree("{\"k\": 0}"))).get(15, TimeUnit.SECONDS).isEmpty());
        assertEquals(s, lab.model().current());
    }
}
