package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.Start;

import mbrllab.app.maze.PaneGrid;

/**
 * An 800x600 window with text 1.5 in normal mode leaves the maze panes less room than their least height: the panes
 * keep that height and the colour legend goes under them (it was laid at the grid's bottom, over the mazes and their
 * headers), what does not fit being cut at the grid's edge.
 */
class SmallWindowTest extends ShellFixture {

    @Override
    protected double sceneWidth() {
        return 800;
    }

    @Override
    protected double sceneHeight() {
        return 600;
    }

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dyna-maze", "changing-mazes"})
    void theLegendLiesUnderTheMazes(String lab) throws Exception {
        showLab(lab, 1.5, false);
        List<Double> edges = waitUntilAtRest(() -> {
            PaneGrid grid = find(shell.currentLab().view());
            if (grid == null) {
                return List.<Double>of();
            }
            double panesBottom = 0;
            double legendTop = Double.NaN;
            for (Node n : grid.getChildrenUnmodifiable()) {
                if (!n.isVisible()) {
                    continue;
                }
                if (n == grid.getChildrenUnmodifiable().get(grid.getChildrenUnmodifiable().size() - 1)) {
                    legendTop = n.getBoundsInParent().getMinY();
                } else {
                    panesBottom = Math.max(panesBottom, n.getBoundsInParent().getMaxY());
                }
            }
            return List.of(panesBottom, legendTop, grid.getHeight());
        }, 300, "the panes laid out");
        System.out.println(lab + " at 800x600, text 1.5: panes end at " + edges.get(0) + " px, the legend starts at "
                + edges.get(1) + ", the grid is " + edges.get(2) + " px high");
        assertTrue(edges.get(1) >= edges.get(0), lab + ": the legend over the panes " + edges);
    }

    /** The first shown PaneGrid under {@code node}; null if none. */
    private static PaneGrid find(Node node) {
        List<Node> todo = new ArrayList<>(List.of(node));
        while (!todo.isEmpty()) {
            Node n = todo.remove(0);
            if (n instanceof PaneGrid g && g.isVisible() && g.getScene() != null) {
                return g;
            }
            if (n instanceof Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return null;
    }
}
