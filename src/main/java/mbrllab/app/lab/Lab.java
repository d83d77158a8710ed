package mbrllab.app.lab;

import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

import mbrllab.app.export.ExportTarget;

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

    /**
     * Presenter mode was switched (also called once when the lab opens in it). The shared layouts follow presenter
     * mode by themselves ({@link Layouts#withSidePanel} folds the side panel into a drawer, {@link
     * Layouts#pictureOverChart} gives the picture the height it can use, {@link Layouts#chartColumn} drops the
     * notes), so a lab built from them needs nothing here; a lab with a layout of its own hides what a lecturer says
     * by voice.
     */
    default void setPresenter(boolean on) {
    }

    /** Stops the lab's threads and background work (lab switch, window close). */
    void dispose();

    /**
     * True while the lab computes what it shows only once done (a fit and its predictions), as opposed to a live run or
     * curves that fill in as they go: the screenshot command waits for it before the lab's run time starts. By
     * default never.
     */
    default ObservableBooleanValue computing() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }

    /** The views that can be exported now (charts, mazes, carts). */
    default List<ExportTarget> exportTargets() {
        return List.of();
    }

    /** The lab's part of a saved session, or empty for a lab without settings. */
    default Optional<SessionState> session() {
        return Optional.empty();
    }

    /**
     * The lab's maze, for the maze editor and File &gt; Open maze; empty for labs without one. By default the session
     * state, when it holds a maze.
     */
    default Optional<MazeHolder> mazes() {
        return session().filter(MazeHolder.class::isInstance).map(MazeHolder.class::cast);
    }
}
