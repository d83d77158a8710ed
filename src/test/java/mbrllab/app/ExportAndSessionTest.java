package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.maze.MazeCanvas;
import mbrllab.app.maze.PaneFrame;

/** Export of every view, session save and load, presets: through the menus, with the file dialogs answered. */
class ExportAndSessionTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @TempDir
    Path dir;

    static PaneFrame frame(FxRobot robot, int pane) {
        return robot.lookup("#mazeCanvas" + pane).queryAs(MazeCanvas.class).frame();
    }

    @Test
    void exportAllWritesReadablePngSvgAndCsvForEveryView(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot, 2) != null, "panes drawn");
        for (int i = 0; i < 5; i++) {
            clickOnFx(robot, "#stepButton");
        }
        waitUntil(() -> frame(robot, 2).realSteps() == 5, "five steps");
        answer = dir.resolve("export");
        clickMenuFx(robot, "File", "#exportAllItem");
        waitUntil(() -> Files.exists(answer.resolve("learning-curves.csv")), "files written");
        MazeCanvas canvas = robot.lookup("#mazeCanvas0").queryAs(MazeCanvas.class);
        for (String name : List.of("maze-1-n0", "maze-2-n5", "maze-3-n50", "learning-curves")) {
            BufferedImage png = ImageIO.read(answer.resolve(name + ".png").toFile());
            assertNotNull(png, name + ".png is a PNG");
            if (name.startsWith("maze")) {
                assertEquals(2 * canvas.getWidth(), png.getWidth(), 4, "2x the pane's width");
            }
            String svg = Files.readString(answer.resolve(name + ".svg"));
            assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), name + ".svg");
            assertTrue(svg.contains("</svg>"), name + ".svg is complete");
        }
        List<String> q = Files.readAllLines(answer.resolve("maze-3-n50.csv"));
        assertEquals("n,row,col,action,q,strictly_greedy,model_next_known,visits", q.get(0));
        assertEquals(1 + 47 * 4, q.size(), "47 free cells x 4 actions");
        List<String> curves = Files.readAllLines(answer.resolve("learning-curves.csv"));
        assertEquals("episode,n0_mean,n0_ci95_half,n0_run1,n5_mean,n5_ci95_half,n5_run1,"
                + "n50_mean,n50_ci95_half,n50_run1", curves.get(0));
        // The maze PNG is a figure: a title band, the maze as on screen, and the legend band below it.
        BufferedImage png = ImageIO.read(answer.resolve("maze-1-n0.png").toFile());
        assertEquals(2 * (canvas.getHeight() + 2 * 34), png.getHeight(), 4);
        assertTrue(png.getRGB(png.getWidth() / 2, png.getHeight() / 2) != 0, "the picture is not empty");
        assertTrue(Files.readString(answer.resolve("maze-1-n0.svg")).contains("Q(x,u)"), "the legend is in the SVG");
    }

    @Test
    void sessionRoundTripRestoresParametersSeedAndPanes(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot, 2) != null, "panes drawn");
        doubleClickOnFx(robot, "#alphaField").eraseText(5).write("0.25");
        clickOnFx(robot, "#nValuesField").eraseText(20).write("0, 10");
        clickOnFx(robot, "#applyButton");
        doubleClickOnFx(robot, "#seedField").eraseText(5).write("77");
        waitUntil(() -> frame(robot, 1) != null && frame(robot, 1).n() == 10, "two panes");
        answer = dir.resolve("session.json");
        clickMenuFx(robot, "File", "#saveSessionItem");
        waitUntil(() -> Files.exists(answer), "session written");
        String json = Files.readString(answer);
        assertTrue(json.contains("\"alpha\" : 0.25"), json);
        assertTrue(json.contains("\"seed\" : 77"), json);

        clickOnFx(robot, "#defaultsButton");
        clickOnFx(robot, "#applyButton");
        waitUntil(() -> robot.lookup("#mazeCanvas2").tryQuery().isPresent(), "three panes again");
        clickMenuFx(robot, "File", "#openSessionItem");
        waitUntil(() -> robot.lookup("#mazeCanvas2").tryQuery().isEmpty() && frame(robot, 1) != null
                && frame(robot, 1).n() == 10, "the session's two panes");
        assertEquals("0.25", robot.lookup("#alphaField").queryAs(TextField.class).getText());
        assertEquals("77", robot.lookup("#seedField").queryAs(TextField.class).getText());
        assertEquals("0, 10", robot.lookup("#nValuesField").queryAs(TextField.class).getText());
    }

    @Test
    void aBadSessionFileChangesNothingAndSaysWhy(FxRobot robot) throws Exception {
        waitUntil(() -> frame(robot, 2) != null, "panes drawn");
        answer = dir.resolve("bad.json");
        Files.writeString(answer, "{\"format\": \"mbrl-lab-session\", \"version\": 1, \"lab\": \"dyna-maze\","
                + " \"settings\": {\"alpha\": 3, \"nValues\": [0, 50]}}");
        clickMenuFx(robot, "File", "#openSessionItem");
        waitUntil(() -> shell.lastError() != null, "an error is shown");
        assertEquals(answer + ": alpha must be in (0, 1], got 3.0", shell.lastError());
        assertTrue(robot.lookup("#mazeCanvas2").tryQuery().isPresent(), "the three panes are still there");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        Files.writeString(answer, "{\"format\": \"mbrl-lab-session\",\n \"version\": 1,\n \"lab\": ");
        clickMenuFx(robot, "File", "#openSessionItem");
        waitUntil(() -> shell.lastError().contains("not valid JSON"), "a JSON error");
        assertTrue(shell.lastError().startsWith(answer + ":3:"), shell.lastError());
    }

    @Test
    void figure83PresetFreezesTheFigure(FxRobot robot) {
        waitUntil(() -> frame(robot, 2) != null, "panes drawn");
        clickMenuFx(robot, "Presets", "#preset-figure-8-3");
        waitUntil(() -> robot.lookup("#mazeCanvas2").tryQuery().isEmpty() && frame(robot, 1) != null
                && frame(robot, 1).episode() == 2, "Figure 8.3 frozen");
        assertEquals(50, frame(robot, 1).n());
    }
}
