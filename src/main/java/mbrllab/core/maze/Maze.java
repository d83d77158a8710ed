package mbrllab.core.maze;

import java.util.Optional;

/**
 * A named maze as read from a file in mazes/: its layout and, for changing mazes, the layout it
 * switches to and when.
 *
 * @param name        short name shown in the app ("Dyna-maze")
 * @param description one line shown as a tooltip, may be empty
 * @param layout      the layout at time step 0
 * @param change      the later layout, if the maze changes
 */
public record Maze(String name, String description, Layout layout, Optional<LayoutChange> change) {

    public Maze {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (description == null) {
            description = "";
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
        if (change == null) {
            change = Optional.empty();
        }
        LayoutChange.requireSameSize(layout, change);
    }

    /** A maze that never changes. */
    public static Maze of(String name, Layout layout) {
        return new Maze(name, "", layout, Optional.empty());
    }

    /** The layout in force after {@code realSteps} real time steps. */
    public Layout layoutAt(long realSteps) {
        if (change.isPresent() && realSteps >= change.get().afterStep()) {
            return change.get().layout();
        }
        return layout;
    }

    /** The cells (row * cols + col) whose wall, start or goal differ between the two layouts (see
     * {@link MazeLayouts#changedCells}). */
    public int[] changedCells() {
        return MazeLayouts.of(this).changedCells();
    }
}
