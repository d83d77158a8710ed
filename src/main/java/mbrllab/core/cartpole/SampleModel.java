package mbrllab.core.cartpole;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The sample model on boxes: for every (x, u) it keeps every outcome (x', r) seen, with its count, and a
 * planning update draws outcome j with probability count_j / sum of counts, the empirical distribution of the
 * next box. Two outcomes are the same when both x' and r are. Storage per (x, u) is a small array that grows
 * by doubling (a box leads to a handful of boxes), so recording allocates only when a new outcome overflows it.
 * Arrays indexed x * 2 + u.
 */
public final class SampleModel implements BoxModel {

    private static final int A = BalanceSystem.ACTIONS;
    private static final int[] NO_INTS = new int[0];
    private static final double[] NO_DOUBLES = new double[0];

    private final int[][] next = new int[Boxes.COUNT * A][];
    private final double[][] reward = new double[Boxes.COUNT * A][];
    private final int[][] count = new int[Boxes.COUNT * A][];
    private final int[] size = new int[Boxes.COUNT * A];
    private final int[] visits = new int[Boxes.COUNT * A];

    public SampleModel() {
        Arrays.fill(next, NO_INTS);
        Arrays.fill(reward, NO_DOUBLES);
        Arrays.fill(count, NO_INTS);
    }

    @Override
    public BoxModelKind kind() {
        return BoxModelKind.SAMPLE;
    }

    @Override
    public void record(int box, int u, int nextBox, double r) {
        int pair = box * A + u;
        visits[pair]++;
        int k = size[pair];
        int[] nexts = next[pair];
        double[] rewards = reward[pair];
        for (int j = 0; j < k; j++) {
            if (nexts[j] == nextBox && rewards[j] == r) {
                count[pair][j]++;
                return;
            }
        }
        if (k == nexts.length) {
            int capacity = Math.max(4, 2 * k);
            next[pair] = Arrays.copyOf(nexts, capacity);
            reward[pair] = Arrays.copyOf(rewards, capacity);
            count[pair] = Arrays.copyOf(count[pair], capacity);
        }
        next[pair][k] = nextBox;
        reward[pair][k] = r;
        count[pair][k] = 1;
        size[pair] = k + 1;
    }

    @Override
    public int visits(int box, int u) {
        return visits[box * A + u];
    }

    @Override
    public int outcomes(int box, int u) {
        return size[box * A + u];
    }

    @Override
    public int next(int box, int u, int j) {
        return next[check(box, u, j)][j];
    }

    @Override
    public double reward(int box, int u, int j) {
        return reward[check(box, u, j)][j];
    }

    @Override
    public int count(int box, int u, int j) {
        return count[check(box, u, j)][j];
    }

    /** Draws k uniform in [0, visits) (one {@code nextInt}) and returns the outcome whose cumulative count passes k. */
    @Override
    public int sample(int box, int u, RandomGenerator rng) {
        int pair = box * A + u;
        int total = visits[pair];
        if (total == 0) {
            throw new IllegalStateException("(box " + box + ", u " + u + ") was never tried");
        }
        int k = rng.nextInt(total);
        int[] counts = count[pair];
        int j = 0;
        while (k >= counts[j]) {
            k -= counts[j];
            j++;
        }
        return j;
    }

    private int check(int box, int u, int j) {
        int pair = box * A + u;
        if (j < 0 || j >= size[pair]) {
            throw new IndexOutOfBoundsException("(box " + box + ", u " + u + ") has no outcome " + j);
        }
        return pair;
    }
}
