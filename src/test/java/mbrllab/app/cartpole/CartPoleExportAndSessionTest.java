package mbrllab.app.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ShellFixture;
import mbrllab.app.lab.Publication;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.app.lab.Playback;

/**
 * The cart-pole lab's exports, sessions and presets, through the menus, with the file dialogs answered (as
 * {@code ExportAndSessionTest} does for the Dyna-maze).
 */
class CartPoleExportAndSessionTest extends ShellFixture {

    @TempDir
    Path dir;

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

    private static void assertReadablePng(Path file, double width) throws Exception {
        BufferedImage png = ImageIO.read(file.toFile());
        assertNotNull(png, file + " is a PNG");
        assertEquals(2 * width, png.getWidth(), 4, file + " is twice the view's width");
        assertTrue(png.getRGB(png.getWidth() / 2, png.getHeight() / 2) != 0, file + " is not empty");
    }

    private static String assertCompleteSvg(Path file) throws Exception {
        String svg = Files.readString(file);
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), file + " starts as SVG");
        assertTrue(svg.contains("</svg>"), file + " is complete");
        return svg;
    }

    /** The state of a trajectory row: x, x', theta, theta' after t. */
    private static double[] state(String row) {
        String[] f = row.split(",", -1);
        return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            Double.parseDouble(f[4])};
    }

    @Test
    void exportAllWritesReadablePngSvgAndCsvForEveryView(FxRobot robot) throws Exception {
        CartPoleViewModel model = openLab(robot).model();
        robot.interact(() -> model.configure(BoxesDynaParams.defaults(), 3, 10));
        waitUntil(() -> model.curves().snapshot() != null && model.curves().snapshot().finished(),
                "the three background runs");
        for (int i = 0; i < 5; i++) {
            robot.interact(model::step);
        }
        waitUntil(() -> frame(model, 2) != null && frame(model, 2).realSteps() == 5, "five steps");
        CartCanvas pane = robot.lookup("#paneCanvas1").queryAs(CartCanvas.class);
        waitUntil(() -> pane.picture() != null && pane.picture().header().contains("step 5"), "step 5 drawn");

        answer = dir.resolve("dyna");
        clickMenuFx(robot, "File", "#exportAllItem");
        waitUntil(() -> Files.exists(answer.resolve("learning-curves.csv")), "files written");
        for (String name : List.of("cart-1-n0", "cart-2-n5", "cart-3-n50")) {
            assertReadablePng(answer.resolve(name + ".png"), pane.getWidth());
            assertTrue(assertCompleteSvg(answer.resolve(name + ".svg")).contains("step 5"), "the picture's header");
            List<String> rows = Files.readAllLines(answer.resolve(name + ".csv"));
            assertEquals(CartExports.TRAJECTORY_HEADER, rows.get(0));
            assertEquals(1 + 6, rows.size(), name + ": the states 0 to 5 of the episode on show");
        }
        BufferedImage figure = ImageIO.read(answer.resolve("cart-2-n5.png").toFile());
        assertEquals(2 * CartRenderer.figureHeight(pane.style(), pane.getHeight()), figure.getHeight(), 4,
                "the picture under a title band");
        assertTrue(Files.readString(answer.resolve("cart-2-n5.svg")).contains("Dyna-Q n = 5 · sample model"),
                "the figure's title names the pane");
        List<String> trajectory = Files.readAllLines(answer.resolve("cart-2-n5.csv"));
        CartFrame f = frame(model, 1);
        assertEquals(List.of(f.state()[0], f.state()[1], f.state()[2], f.state()[3]),
                boxed(state(trajectory.get(6))), "the last row is the state on show, to the last bit");
        assertTrue(trajectory.get(6).endsWith(","), "no force after the last state");
        assertTrue(trajectory.get(1).startsWith("0.0,") && trajectory.get(2).startsWith("0.02,"), "t in seconds");
        String push = trajectory.get(1).substring(trajectory.get(1).lastIndexOf(',') + 1);
        assertTrue(push.equals("10.0") || push.equals("-10.0"), "pushes of 10 N: " + push);

        assertReadablePng(answer.resolve("learning-curves.png"), Math.max(720,
                robot.lookup("#learningCurveChart").queryAs(ChartViewer.class).getWidth()));
        String curvesSvg = assertCompleteSvg(answer.resolve("learning-curves.svg"));
        assertTrue(curvesSvg.contains("n = 50: mean of 3 runs") && curvesSvg.contains("run 1"),
                "JFreeChart's legend in the file");
        List<String> curves = Files.readAllLines(answer.resolve("learning-curves.csv"));
        assertEquals("episode,n0_mean,n0_ci95_half,n0_run1,n5_mean,n5_ci95_half,n5_run1,"
                + "n50_mean,n50_ci95_half,n50_run1", curves.get(0));
        assertEquals(1 + 10, curves.size(), "the ten episodes of the background runs");
        assertTrue(curves.get(1).matches("1,\\d+\\.\\d{6},\\d+\\.\\d{6},(\\d+)?"
                + "(,\\d+\\.\\d{6},\\d+\\.\\d{6},(\\d+)?){2}"), curves.get(1));

        // A single cart, replaying a recorded episode: the pane and its CSV show the replay, all of it.
        clickOnFx(robot, "#agentRandom");
        waitUntil(() -> frame(model, 0) != null && "random".equals(frame(model, 0).controller()), "random cart");
        while (model.log(0).finished() < 1) {
            robot.interact(model::step);
        }
        robot.interact(() -> {
            model.openReplay(0, 1);
            model.scrubTo(3);
        });
        CartCanvas single = robot.lookup("#cartCanvas").queryAs(CartCanvas.class);
        waitUntil(() -> single.picture() != null && single.picture().replay(), "the replay is drawn");
        EpisodeRecord replayed = model.replayProperty().get();
        answer = dir.resolve("single");
        clickMenuFx(robot, "File", "#exportAllItem");
        waitUntil(() -> Files.exists(answer.resolve("episodes.csv")), "files written");
        assertReadablePng(answer.resolve("cart.png"), single.getWidth());
        assertTrue(assertCompleteSvg(answer.resolve("cart.svg")).contains("REPLAY of episode 1"));
        List<String> replayRows = Files.readAllLines(answer.resolve("cart.csv"));
        assertEquals(1 + replayed.steps() + 1, replayRows.size(), "every state of the replayed episode");
        double[] states = replayed.states();
        assertEquals(boxed(java.util.Arrays.copyOfRange(states, states.length - 4, states.length)),
                boxed(state(replayRows.get(replayRows.size() - 1))), "its last state, where the pole fell");
        assertReadablePng(answer.resolve("episodes.png"), Math.max(720,
                robot.lookup("#episodeChart").queryAs(ChartViewer.class).getWidth()));
        assertCompleteSvg(answer.resolve("episodes.svg"));
        List<String> episodes = Files.readAllLines(answer.resolve("episodes.csv"));
        assertEquals("episode,controller,steps,return,ending", episodes.get(0));
        assertEquals("1,random," + replayed.steps() + "," + replayed.steps() + ","
                + (replayed.ending() == CartSystem.Ending.POLE_FELL ? "pole-fell" : "left-track"), episodes.get(1));
        assertFalse(Files.exists(answer.resolve("learning-curves.csv")), "no curves without Dyna-Q");
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    @Test
    void aSessionRoundTripRestoresTheSettings(FxRobot robot) throws Exception {
        CartPoleViewModel model = openLab(robot).model();
        // positions read on the FX thread: the lab just opened may still be choosing between its row and its grid
        clickOnFx(robot, "#modelLast");
        doubleClickOnFx(robot, "#alphaField");
        robot.eraseText(5).write("0.25");
        doubleClickOnFx(robot, "#runsField");
        robot.eraseText(5).write("4");
        doubleClickOnFx(robot, "#episodesField");
        robot.eraseText(5).write("20");
        clickOnFx(robot, "#applyButton");
        waitUntil(() -> model.runs() == 4, "R = 4 applied");
        doubleClickOnFx(robot, "#seedField");
        robot.eraseText(5).write("77");
        robot.interact(() -> model.playback().speedProperty().set(Math.log10(500)));
        waitUntil(() -> model.runs() == 4 && model.playback().seedProperty().get() == 77, "applied");
        answer = dir.resolve("session.json");
        clickMenuFx(robot, "File", "#saveSessionItem");
        waitUntil(() -> Files.exists(answer), "session written");
        String json = Files.readString(answer);
        for (String field : List.of("\"lab\" : \"cart-pole\"", "\"system\" : \"balance\"",
                "\"agent\" : \"dynaq-boxes\"", "\"model\" : \"last\"", "\"alpha\" : 0.25", "\"epsilon\" : 0.1",
                "\"gamma\" : 0.99", "\"runs\" : 4", "\"episodes\" : 20", "\"seed\" : 77",
                "\"stepsPerSecond\" : 500.0")) {
            assertTrue(json.contains(field), field + " in " + json);
        }

        doubleClickOnFx(robot, "#alphaField");
        robot.eraseText(5).write("0.5");
        doubleClickOnFx(robot, "#runsField");
        robot.eraseText(5).write("30");
        doubleClickOnFx(robot, "#episodesField");
        robot.eraseText(5).write("100");
        clickOnFx(robot, "#applyButton");
        clickOnFx(robot, "#modelSample");
        doubleClickOnFx(robot, "#seedField");
        robot.eraseText(5).write("3");
        clickOnFx(robot, "#agentKeyboard");
        clickOnFx(robot, "#systemSwingUp");
        waitUntil(() -> model.systemProperty().get() == CartSystem.SWING_UP && model.runs() == 30, "changed");
        clickMenuFx(robot, "File", "#openSessionItem");
        waitUntil(() -> model.agentProperty().get() == AgentKind.DYNA_Q, "the session's agent");
        assertEquals(CartSystem.BALANCE, model.systemProperty().get());
        assertEquals(BoxModelKind.LAST_OUTCOME, model.modelProperty().get());
        assertEquals(new BoxesDynaParams(0.25, 0.99, 0.1, 0), model.params());
        assertEquals(4, model.runs());
        assertEquals(20, model.episodes());
        assertEquals(77, model.playback().seedProperty().get());
        assertEquals(500, Playback.stepsPerSecond(model.playback().speedProperty().get()), 1e-6);
        assertEquals("0.25", robot.lookup("#alphaField").queryAs(TextField.class).getText());
        assertEquals("4", robot.lookup("#runsField").queryAs(TextField.class).getText());
        assertEquals("20", robot.lookup("#episodesField").queryAs(TextField.class).getText());
        assertEquals("77", robot.lookup("#seedField").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#modelLast").queryAs(RadioButton.class).isSelected());
        assertTrue(robot.lookup("#agentDyna").queryAs(RadioButton.class).isSelected());
        waitUntil(() -> frame(model, 2) != null, "three fresh panes");
        assertEquals(0, frame(model, 0).realSteps(), "the carts start afresh");
    }

    @Test
    void aBadFieldIsRefusedWithItsNameAndChangesNothing(FxRobot robot) throws Exception {
        CartPoleViewModel model = openLab(robot).model();
        waitUntil(() -> frame(model, 2) != null, "three panes");
        CartPoleSettings before = WaitForAsyncUtils.asyncFx(model::settings).get();
        int version = model.configVersionProperty().get();
        answer = dir.resolve("bad.json");
        String[][] cases = {
            {"\"model\": \"last\", \"alpha\": 3", "alpha must be in (0, 1], got 3.0"},
            {"\"runs\": \"ten\"", "\"runs\" must be a whole number, got \"ten\""},
            {"\"system\": \"swingup\", \"agent\": \"dynaq-boxes\"",
                "\"agent\" \"dynaq-boxes\" needs \"system\" \"balance\": the boxes divide the balance task's states"},
            {"\"model\": \"best\"", "\"model\" must be \"last\" or \"sample\", got \"best\""},
            {"\"episodes\": 5000", "episodes must be in [1, 1000], got 5000"},
            {"\"stepsPerSecond\": 0", "\"stepsPerSecond\" must be a number in 1..99999 or \"max\", got 0"},
        };
        for (String[] c : cases) {
            Files.writeString(answer, "{\"format\": \"mbrl-lab-session\", \"version\": 1, \"lab\": \"cart-pole\","
                    + " \"settings\": {" + c[0] + "}}");
            clickMenuFx(robot, "File", "#openSessionItem");
            waitUntil(() -> (answer + ": " + c[1]).equals(shell.lastError()), "the error for " + c[0]);
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
        }
        assertEquals(before, WaitForAsyncUtils.asyncFx(model::settings).get(), "nothing changed");
        assertEquals(version, model.configVersionProperty().get());
        assertEquals("0.1", robot.lookup("#alphaField").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#modelSample").queryAs(RadioButton.class).isSelected());
    }

    @Test
    void presetsApply(FxRobot robot) {
        CartPoleViewModel model = openLab(robot).model();
        clickMenuFx(robot, "Presets", "#preset-cartpole-model-errors");
        waitUntil(() -> model.modelProperty().get() == BoxModelKind.LAST_OUTCOME
                && model.playback().playingProperty().get(), "last outcome, playing");
        assertEquals(AgentKind.DYNA_Q, model.agentProperty().get());
        waitUntil(() -> frame(model, 0) != null && frame(model, 0).realSteps() > 0, "the panes run");

        clickMenuFx(robot, "Presets", "#preset-cartpole-swing-up");
        waitUntil(() -> model.systemProperty().get() == CartSystem.SWING_UP, "swing-up");
        assertEquals(AgentKind.KEYBOARD, model.agentProperty().get());
        assertFalse(model.playback().playingProperty().get(), "waits for the first key");
        assertEquals(10, Playback.stepsPerSecond(model.playback().speedProperty().get()), 1e-9, "real time");
        waitUntil(() -> frame(model, 0) != null, "the cart");
        assertEquals(0.0, frame(model, 0).state()[CartPoleState.THETA], "hanging down, at rest");

        clickMenuFx(robot, "Presets", "#preset-cartpole-sample-model");
        waitUntil(() -> model.agentProperty().get() == AgentKind.DYNA_Q && model.episodes() == 30, "sample model");
        assertEquals(BoxModelKind.SAMPLE, model.modelProperty().get());
        assertTrue(model.playback().playingProperty().get());
    }
}
