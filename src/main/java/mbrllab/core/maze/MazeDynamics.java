package mbrllab.core.maze;

/**
 * The deterministic dynamics of one maze layout as lookup tables, for fast tabular learning.
 * Moving into a wall or off the grid leaves the agent in place; entering G gives reward +1 and ends
 * the episode; every other step gives 0. Immutable and safe to share between threads.
 *
 * <p>States are cell indices {@code row * cols + col}; actions are {@link Action} ordinals.
 */
public final class MazeDynamics {

    /** Reward on entering the goal. */
    public static final double GOAL_REWARD = 1.0;

    private final Layout layout;
    private final int[] next;
    private final int start;
    private final int goal;

    public MazeDynamics(Layout layout) {
        this.layout = layout;
        int cells = layout.cellCount();
        this.next = new int[cells * Action.COUNT];
        Action[] actions = Action.values();
        for (int x = 0; x < cells; x++) {
            for (Action u : actions) {
                next[x * Action.COUNT + u.ordinal()] = layout.move(x, u);
            }
        }
        this.start = layout.index(layout.start());
        this.goal = layout.index(layout.goal());
    }

    public Layout layout() {
        return layout;
    }

    /** Number of state indices, rows * cols (walls included). */
    public int stateCount() {
        return next.length / Action.COUNT;
    }

    /** State index of S. */
    public int start() {
        return start;
    }

    /** State index of G. */
    public int goal() {
        return goal;
    }

    /** The next state x' for taking action u in state x. */
    public int next(int x, int u) {
        return next[x * Action.COUNT + u];
    }

    /** The reward for arriving in x': +1 in G, 0 elsewhere. */
    public double reward(int xNext) {
        return xNext == goal ? GOAL_REWARD : 0.0;
    }

    /** True for the terminal state G. */
    public boolean isTerminal(int x) {
        return x == goal;
    }
}
