package mbrllab.core.dyna.debug;

/**
 * The (x,u) the last planning update of step (f) sampled and the x' the model predicted for it: what the maze
 * view highlights as the planning update in flight.
 *
 * @param x     state index of the sampled x, &gt;= 0
 * @param u     action index of the sampled u, in [0, 3]
 * @param xNext state index of the predicted x', &gt;= 0
 */
public record PlanningSample(int x, int u, int xNext) {

    public PlanningSample {
        if (x < 0) {
            throw new IllegalArgumentException("x must be a state index >= 0, got " + x);
        }
        if (u < 0 || u > 3) {
            throw new IllegalArgumentException("u must be an action index in [0, 3], got " + u);
        }
        if (xNext < 0) {
            throw new IllegalArgumentException("xNext must be a state index >= 0, got " + xNext);
        }
    }
}
