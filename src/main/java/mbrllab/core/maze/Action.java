package mbrllab.core.maze;

/**
 * The four moves of a grid maze. {@link #ordinal()} is the action index u used in Q tables
 * ({@code q[x * 4 + u]}), so the order here is part of every saved table and CSV.
 */
public enum Action {
    UP(-1, 0, "up"),
    DOWN(1, 0, "down"),
    LEFT(0, -1, "left"),
    RIGHT(0, 1, "right");

    /** Number of actions, |U| = 4. */
    public static final int COUNT = 4;

    private static final Action[] VALUES = values();

    private final int dRow;
    private final int dCol;
    private final String label;

    Action(int dRow, int dCol, String label) {
        this.dRow = dRow;
        this.dCol = dCol;
        this.label = label;
    }

    /** Row change of the move (-1 is up). */
    public int dRow() {
        return dRow;
    }

    /** Column change of the move (+1 is right). */
    public int dCol() {
        return dCol;
    }

    /** Lower-case name used in files and on screen: up, down, left, right. */
    public String label() {
        return label;
    }

    /** The action with index {@code u} in 0..3. */
    public static Action of(int u) {
        return VALUES[u];
    }
}
