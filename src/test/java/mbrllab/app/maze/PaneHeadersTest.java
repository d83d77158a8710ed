package mbrllab.app.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.ProjectorSizeFixture;

/**
 * The maze labs' pane headers at 1024x768 outside presenter mode, at the text sizes between 1 and 1.5, after the
 * labs played at full speed: no header's lines reach into the maze under it, and every header is as high as its text
 * (at 1.25 to 1.5 the counters' second line lost its descenders under the maze; at 1.0 a header changed by another of
 * its group inside a layout pass kept a second line in a label one line high).
 */
class PaneHeadersTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void headersStayAboveTheirMazes(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        for (String lab : new String[] {"changing-mazes", "dyna-maze"}) {
            for (double scale : new double[] {1.0, 1.25, 1.4, 1.5}) {
                showLab(lab, scale, false);
                // Played for a while, at full speed, so that the counters have grown (and changed their form) since
                // the layout.
                playAtFullSpeed(robot);
                waitUntil(() -> readOnFx(() -> updates(shell.view()) >= 2000), lab + " played 2,000 updates");
                clickOnFx(robot, "#playButton");
                List<String> found = waitUntilAtRest(() -> readOnFx(() -> overlaps(shell.view())), 300,
                        lab + " at text " + scale + " laid out");
                for (String f : found) {
                    problems.add(String.format(Locale.ROOT, "%s at %.2f: %s", lab, scale, f));
                }
            }
        }
        System.out.println("pane headers over their mazes: " + problems);
        assertEquals(List.of(), problems, "headers whole and above their mazes");
    }

    /** The Q updates of the first pane, from its counters ("... · 2,200 updates", "1,200 upd."). */
    private static long updates(Node root) {
        Node n = root.lookup(".pane-stats");
        if (!(n instanceof Label l)) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d,]+) (Q )?upd").matcher(l.getText());
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }

    /** For every maze pane on show: headers lower than their text, or reaching below the maze's top. */
    private static List<String> overlaps(Node root) {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll(".pane-stats")) {
            if (!(n instanceof Label stats) || !stats.isVisible() || stats.getScene() == null
                    || !(stats.getParent() instanceof javafx.scene.layout.VBox box)) {
                continue;
            }
            MazeCanvas canvas = null;
            for (Node c : box.getChildren()) {
                if (c instanceof MazeCanvas m) {
                    canvas = m;
                }
            }
            if (canvas == null) {
                continue;
            }
            // the height the label's own text node takes (its bounds are not clipped to the label's)
            Node shown = stats.lookup(".text");
            double text = shown instanceof Text t ? t.getLayoutBounds().getHeight() : 0;
            double room = stats.getHeight() - stats.snappedTopInset() - stats.snappedBottomInset();
            Bounds s = stats.localToScene(stats.getLayoutBounds());
            Bounds m = canvas.localToScene(canvas.getLayoutBounds());
            if (room + 0.5 < text || s.getMaxY() > m.getMinY() + 0.5) {
                out.add(String.format(Locale.ROOT, "'%s' %.1f px for %.1f px of text, bottom %.1f, maze top %.1f",
                        stats.getText().replace('\n', '/'), room, text, s.getMaxY(), m.getMinY()));
            }
        }
        return out;
    }
}
