package mbrllab.app.maze;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One maze pane of a lab's row of panes: its title, its statistics and the maze, which takes the room left. */
public final class PaneBox {

    private PaneBox() {
    }

    /** A column of title, statistics and maze that shares the row's width with the other panes. */
    public static VBox of(Label title, Label stats, MazeCanvas canvas) {
        VBox box = new VBox(2, title, stats, canvas);
        box.setAlignment(Pos.TOP_CENTER);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMinWidth(100);
        box.setPrefWidth(380);
        return box;
    }
}
