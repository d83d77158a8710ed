package mbrllab.core.cartpole;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The maze's tabular model on boxes: Model(x,u) &lt;- (x', r) after every real step, so it remembers only the
 * latest outcome of (x, u), which it then predicts with certainty. Under aliasing this is wrong: a (x, u) that
 * once led to failure from one state in the box makes planning believe it always fails, until the next real
 * visit overwrites it. Arrays indexed x * 2 + u.
 */
public final class LastOutcomeModel implements BoxModel {

    private static final int A = BalanceSystem.ACTIONS;

    private final int[] next = new int[Boxes.COUNT * A];
    private final double[] reward = new double[Boxes.COUNT * A];
    private final int[] visits = new int[Boxes.COUNT * A];

    public LastOutcomeModel() {
        Arrays.fill(next, Integer.MIN_VALUE);
    }

    @Override
    public BoxModelKind kind() {
        return BoxModelKind.LAST_OUTCOME;
    }

    @Override
    public void record(int box, int u, int nextBox, double r) {
        int pair = box * A + u;
        next[pair] = nextBox;
        reward[pair] = r;
        visits[pair]++;
    }

    @Override
    public int visits(int box, int u) {
        return visits[box * A + u];
    }

    @Override
    public int outcomes(int box, int u) {
        return visits[box * A + u] > 0 ? 1 : 0;
    }

    @Override
    public int next(int box, int u, int j) {
        check(box, u, j);
        return next[box * A + u];
    }

    @Override
    public double reward(int box, int u, int j) {
        check(box, u, j);
        return reward[box * A + u];
    }

    /** Always 1: the model keeps one outcome and believes it fully ({@link #visits} counts the real steps). */
    @Override
    public int count(int box, int u, int j) {
        check(box, u, j);
        return 1;
    }

    /** Always 0; draws nothing from {@code rng}. */
    @Override
    public int sample(int box, int u, RandomGenerator rng) {
        if (visits[box * A + u] == 0) {
            throw new IllegalStateException("(box " + box + ", u " + u + ") was never tried");
        }
        return 0;
    }

    private void check(int box, int u, int j) {
        if (j != 0 || visits[box * A + u] == 0) {
            throw new IndexOutOfBoundsException("(box " + box + ", u " + u + ") has no outcome " + j);
        }
    }
}
