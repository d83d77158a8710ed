package mbrllab.app.lab;

import java.util.List;
import java.util.Optional;

import javafx.scene.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.export.ExportTarget;
import mbrllab.core.maze.Maze;

/**
 * An open lab, as the shell sees it: its view, the picture presenter mode gives the screen, its run controls and
 * toolbar, and what it offers the shell's menus (exports, sessions, mazes). A new lab is one class implementing this
 * and one {@link LabEntry} line in the app.
 */
public interface Lab {

    /** The lab's whole view. */
    Node view();

    /** The lab's main picture (the maze panes, the carts, a chart): what presenter mode gives the screen. */
    Node mainPicture();

    /** The run controls in the shell's toolbar (usually {@link RunToolbar#build}). */
    List<Node> toolbarItems();

    /** What Space, Right and Ctrl+R do, and the keys the lab claims. */
    RunControls controls();

    /** The text scale changed (canvases and charts draw their own text). */
    void setFontScale(double scale);

    /** The high-contrast theme was switched. */
    void setHighContrast(boolean on);

    /** Stops the lab's threads and background work (lab switch, window close). */
    void dispose();

    /** The views that can be exported now (charts, mazes, carts). */
    default List<ExportTarget> exportTargets() {
        return List.of();
    }

    /** The lab's settings as a session's JSON object, or empty when it has none. */
    default Optional<ObjectNode> saveSession() {
        return Optional.empty();
    }

    /** Applies a saved JSON object; returns the reason when it cannot (nothing is changed then). */
    default Optional<String> loadSession(JsonNode settings) {
        return Optional.of("this lab has no settings to load");
    }

    /** The maze the lab uses now, or empty for labs without one. */
    default Optional<Maze> currentMaze() {
        return Optional.empty();
    }

    /** Switches the lab to another maze; returns the reason when it cannot. */
    default Optional<String> useMaze(Maze maze) {
        return Optional.of("this lab does not use a maze");
    }
}
