package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.maze.MazeCanvas;

/**
 * Figure 8.3 at 1024x768 with text 1.5: the two mazes keep a readable size under the figure's caption, and the colour
 * legend lies below them. In normal mode the caption took its whole height (seven lines and the button, 250 px): the
 * mazes were left about 5 px high and the legend lay over the panes' headers.
 */
class Figure83ProjectorTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theMazesStayReadableUnderTheCaption(FxRobot robot) throws Exception {
        showLab("dyna-maze", 1.5, false);
        readOnFx(() -> {
            ((javafx.scene.control.Button) shell.view().lookup("#figure83Button")).fire();
            return null;
        });
        waitUntil(() -> readOnFx(() -> {
            Node box = shell.view().lookup("#figureCaptionBox");
            return box != null && box.isVisible() && shell.view().lookup("#mazeCanvas2") == null;
        }), "Figure 8.3 shown");
        for (boolean presenter : new boolean[] {false, true}) {
            String mode = presenter ? "presenter mode" : "normal mode";
            readOnFx(() -> {
                shell.setPresenter(presenter);
                return null;
            });
            List<Double> m = waitUntilAtRest(() -> readOnFx(this::measure), 300, mode + ": laid out");
            System.out.println(mode + ", 1024x768, text 1.5, Figure 8.3: cells " + m.subList(0, 2)
                    + " px, the mazes' bottom at " + m.get(2) + ", the legend's top at " + m.get(3)
                    + ", the caption " + m.get(4) + " px high");
            double least = presenter ? 28 : 18;
            assertTrue(m.get(0) >= least && m.get(1) >= least, mode + ": cells of at least " + least + " px: " + m);
            assertTrue(m.get(3) >= m.get(2) - 0.5, mode + ": the legend under the mazes: " + m);
        }
    }

    /** The two cells' sizes, the mazes' lowest bottom, the legend's top (scene px) and the caption box's height. */
    private List<Double> measure() {
        List<Double> out = new ArrayList<>();
        double bottom = 0;
        for (int i = 0; i < 2; i++) {
            MazeCanvas c = (MazeCanvas) shell.view().lookup("#mazeCanvas" + i);
            out.add(c.cellSize());
            Bounds b = c.localToScene(c.getLayoutBounds());
            bottom = Math.max(bottom, b.getMaxY());
        }
        out.add(bottom);
        Node legend = shell.view().lookup("#qLegend");
        out.add(legend.localToScene(legend.getLayoutBounds()).getMinY());
        out.add(shell.view().lookup("#figureCaptionBox").getLayoutBounds().getHeight());
        return out;
    }
}
