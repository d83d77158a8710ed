package mbrllab.core.maze;

import java.util.Optional;

/**
 * What the maze editor edits: a maze's layout and, for a changing maze, the layout it switches to and when (a
 * {@link Maze} without its name and description). Immutable; every edit returns a new value.
 *
 * @param before the layout at time step 0
 * @param change the later layout and the step of the change, if the maze changes
 */
public record MazeLayouts(Layout before, Optional<LayoutChange> change) {

    public MazeLayouts {
        if (before == null) {
            throw new IllegalArgumentException("before must not be null");
        }
        if (change == null) {
            change = Optional.empty();
        }
        LayoutChange.requireSameSize(before, change);
    }

    /** The layouts of {@code maze}. */
    public static MazeLayouts of(Maze maze) {
        return new MazeLayouts(maze.layout(), maze.change());
    }

    /** True when the maze changes. */
    public boolean changes() {
        return change.isPresent();
    }

    /**
     * The layout before the change ({@code after} false) or after it.
     *
     * @throws IllegalStateException for the layout after the change of a maze that does not change
     */
    public Layout layout(boolean after) {
        if (!after) {
            return before;
        }
        return change.orElseThrow(() -> new IllegalStateException("this maze does not change")).layout();
    }

    /** The same with the layout before the change ({@code after} false) or after it replaced by {@code layout}. */
    public MazeLayouts with(boolean after, Layout layout) {
        if (!after) {
            return new MazeLayouts(layout, change);
        }
        int step = change.orElseThrow(() -> new IllegalStateException("this maze does not change")).afterStep();
        return new MazeLayouts(before, Optional.of(new LayoutChange(step, layout)));
    }

    /** Both layouts resized to {@code rows} x {@code cols} (see {@link Layout#resized}). */
    public MazeLayouts resized(int rows, int cols) {
        return new MazeLayouts(before.resized(rows, cols),
                change.map(c -> new LayoutChange(c.afterStep(), c.layout().resized(rows, cols))));
    }

    /**
     * A maze that changes after {@code step} real steps: the layout after the change is kept where there is one,
     * else it starts as a copy of the layout before.
     */
    public MazeLayouts withChangeAt(int step) {
        Layout after = change.map(LayoutChange::layout).orElse(before);
        return new MazeLayouts(before, Optional.of(new LayoutChange(step, after)));
    }

    /** The maze without its change (the layout before it stays). */
    public MazeLayouts withoutChange() {
        return new MazeLayouts(before, Optional.empty());
    }

    /** A maze with these layouts. */
    public Maze toMaze(String name, String description) {
        return new Maze(name, description, before, change);
    }

    /** The cells (row * cols + col) whose wall, start or goal differ between the two layouts; none for a maze that
     * does not change. */
    public int[] changedCells() {
        if (change.isEmpty()) {
            return new int[0];
        }
        Layout a = before;
        Layout b = change.get().layout();
        java.util.List<Integer> cells = new java.util.ArrayList<>();
        for (int x = 0; x < a.cellCount(); x++) {
            int r = x / a.cols();
            int c = x % a.cols();
            boolean start = a.index(a.start()) == x || b.index(b.start()) == x;
            boolean goal = a.index(a.goal()) == x || b.index(b.goal()) == x;
            boolean moved = start && a.index(a.start()) != b.index(b.start())
                    || goal && a.index(a.goal()) != b.index(b.goal());
            if (a.isWall(r, c) != b.isWall(r, c) || moved) {
                cells.add(x);
            }
        }
        return cells.stream().mapToInt(Integer::intValue).toArray();
    }
}
