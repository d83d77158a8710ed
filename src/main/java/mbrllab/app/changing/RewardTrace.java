package mbrllab.app.changing;

import java.util.Arrays;

/**
 * The cumulative reward of one animated agent against real steps, kept in bounded memory for the chart: a point
 * every {@code stride} steps, at most {@value #MAX_POINTS} of them; when full, every other point is dropped and
 * the stride doubles (so a run of any length costs at most a few kilobytes). Runner thread only.
 */
final class RewardTrace {

    /** Most points kept. */
    static final int MAX_POINTS = 2048;

    /**
     * The points of a trace at one moment: {@code steps[i]} real steps, {@code rewards[i]} cumulative reward then,
     * the first point (0, 0), the last the current step.
     */
    record Points(int[] steps, long[] rewards) {

        /** Number of points. */
        int size() {
            return steps.length;
        }
    }

    private int[] steps = new int[MAX_POINTS];
    private long[] rewards = new long[MAX_POINTS];
    private int count = 1;
    private int stride = 1;
    private long lastStep;
    private long lastReward;

    /** Records the cumulative reward after real step {@code step} (steps come in order, one at a time). */
    void add(long step, long reward) {
        lastStep = step;
        lastReward = reward;
        if (step % stride != 0) {
            return;
        }
        if (count == MAX_POINTS) {
            int kept = 0;
            for (int i = 0; i < count; i += 2) {
                steps[kept] = steps[i];
                rewards[kept] = rewards[i];
                kept++;
            }
            count = kept;
            stride *= 2;
            if (step % stride != 0) {
                return;
            }
        }
        steps[count] = (int) Math.min(Integer.MAX_VALUE, step);
        rewards[count] = reward;
        count++;
    }

    /** A copy of the points, ending with the current step. */
    Points points() {
        boolean extra = lastStep > 0 && steps[count - 1] != lastStep;
        int size = count + (extra ? 1 : 0);
        int[] s = Arrays.copyOf(steps, size);
        long[] r = Arrays.copyOf(rewards, size);
        if (extra) {
            s[count] = (int) Math.min(Integer.MAX_VALUE, lastStep);
            r[count] = lastReward;
        }
        return new Points(s, r);
    }

    /** The stride between kept points now. */
    int stride() {
        return stride;
    }
}
