package mbrllab.core.dyna.debug;

/**
 * One row of the model table: what the learned model of step (e) says about a tried (x,u),
 * Model(x,u) = (x', r), and when it was last set.
 *
 * @param x            state index of x, &gt;= 0
 * @param u            action index of u, in [0, 3] ({@link mbrllab.core.maze.Action#of(int)})
 * @param xNext        state index of the predicted x', &gt;= 0
 * @param reward       predicted r
 * @param setAtRealStep the real step (1-based) at which Model(x,u) was last set, &gt;= 1
 */
public record ModelEntry(int x, int u, int xNext, double reward, long setAtRealStep) {

    public ModelEntry {
        if (x < 0) {
            throw new IllegalArgumentException("x must be a state index >= 0, got " + x);
        }
        if (u < 0 || u > 3) {
            throw new IllegalArgumentException("u must be an action index in [0, 3], got " + u);
        }
        if (xNext < 0) {
            throw new IllegalArgumentException("xNext must be a state index >= 0, got " + xNext);
        }
        if (setAtRealStep < 1) {
            throw new IllegalArgumentException("setAtRealStep must be >= 1, got " + setAtRealStep);
        }
    }
}
