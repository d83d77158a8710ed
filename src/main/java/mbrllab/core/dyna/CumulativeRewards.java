package mbrllab.core.dyna;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cumulative reward against time step over runs (Figures 8.4 and 8.5): for every agent and every step t =
 * 1..T, the mean over runs of the reward collected in the first t real steps, and its standard error.
 *
 * <p>In a maze the only reward is +1 per goal, so a cumulative reward is a whole number of goals. The class keeps,
 * per agent and step, the exact integer sums over runs of the goals and of their squares; sums of integers do
 * not depend on the order of the runs, so the statistics are the same bits whatever threads produced the runs
 * and in whatever order they finished. Immutable.
 */
public final class CumulativeRewards {

    private final List<String> labels;
    private final List<String> keys;
    private final int runs;
    private final int steps;
    private final long changeStep;
    private final double rewardPerGoal;
    private final long[][] sum;
    private final long[][] sumSquares;

    private CumulativeRewards(List<String> labels, List<String> keys, int runs, int steps, long changeStep,
                              double rewardPerGoal, long[][] sum, long[][] sumSquares) {
        this.labels = labels;
        this.keys = keys;
        this.runs = runs;
        this.steps = steps;
        this.changeStep = changeStep;
        this.rewardPerGoal = rewardPerGoal;
        this.sum = sum;
        this.sumSquares = sumSquares;
    }

    /** Legend labels of the agents, in order ("Dyna-Q", "Dyna-Q+"). */
    public List<String> labels() {
        return labels;
    }

    /** CSV keys of the agents, in order ("dynaq", "dynaqplus"); made unique by a suffix when kinds repeat. */
    public List<String> keys() {
        return keys;
    }

    /** Number of agents (curves). */
    public int agentCount() {
        return labels.size();
    }

    /** Runs included. */
    public int runs() {
        return runs;
    }

    /** Time steps per run, T. */
    public int steps() {
        return steps;
    }

    /** The real step count after which the layout changed, or -1 (for the chart's marker). */
    public long changeStep() {
        return changeStep;
    }

    /** Mean over runs of the cumulative reward after {@code step} real steps (1-based, 1..T) of agent {@code agent}. */
    public double mean(int agent, int step) {
        return runs == 0 ? 0.0 : rewardPerGoal * sum[agent][step - 1] / runs;
    }

    /**
     * Standard error of {@link #mean}: the sample standard deviation over runs divided by sqrt(runs), 0 with fewer
     * than two runs. Computed from the exact integer sums: s^2 = (R sum g^2 - (sum g)^2) / (R (R - 1)).
     */
    public double standardError(int agent, int step) {
        if (runs < 2) {
            return 0.0;
        }
        // No overflow: g <= T per run, so R sum g^2 and (sum g)^2 are at most (R T)^2 <= (2e9)^2 < 2^63
        // (CumulativeRewardSpec.MAX_WORK bounds R T).
        long s = sum[agent][step - 1];
        long numerator = runs * sumSquares[agent][step - 1] - s * s;
        double variance = (double) numerator / ((double) runs * (runs - 1));
        return rewardPerGoal * Math.sqrt(Math.max(0.0, variance) / runs);
    }

    /** The mean cumulative reward at the last step. */
    public double finalMean(int agent) {
        return mean(agent, steps);
    }

    /** Its standard error. */
    public double finalStandardError(int agent) {
        return standardError(agent, steps);
    }

    /**
     * The curves as CSV: header {@code step,KEY_mean,KEY_se,...} (e.g. {@code step,dynaq_mean,dynaq_se,
     * dynaqplus_mean,dynaqplus_se}), then one line per step t = 1..T with the cumulative reward after t steps.
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("step");
        for (String key : keys) {
            sb.append(',').append(key).append("_mean,").append(key).append("_se");
        }
        sb.append('\n');
        for (int t = 1; t <= steps; t++) {
            sb.append(t);
            for (int i = 0; i < keys.size(); i++) {
                sb.append(',').append(format(mean(i, t))).append(',').append(format(standardError(i, t)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /**
     * Collects finished runs, from any threads, and gives immutable snapshots at any time (the app's live chart).
     * Thread-safe.
     */
    public static final class Accumulator {

        private final List<String> labels;
        private final List<String> keys;
        private final int steps;
        private final long changeStep;
        private final long[][] sum;
        private final long[][] sumSquares;
        private int runs;

        /** For the agents and steps of {@code spec}. */
        public Accumulator(CumulativeRewardSpec spec) {
            List<String> l = new ArrayList<>();
            List<String> k = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (AgentSpec agent : spec.agents()) {
                l.add(agent.label());
                String key = agent.kind().key();
                for (int i = 2; !seen.add(key); i++) {
                    key = agent.kind().key() + i;
                }
                k.add(key);
            }
            this.labels = List.copyOf(l);
            this.keys = List.copyOf(k);
            this.steps = spec.steps();
            this.changeStep = spec.changeStep();
            this.sum = new long[l.size()][steps];
            this.sumSquares = new long[l.size()][steps];
        }

        /**
         * Adds one run.
         *
         * @param goals goals[i][t]: goals agent i reached in the first t + 1 steps of the run; read only
         */
        public synchronized void add(int[][] goals) {
            if (goals.length != labels.size()) {
                throw new IllegalArgumentException("expected " + labels.size() + " curves, got " + goals.length);
            }
            for (int i = 0; i < goals.length; i++) {
                if (goals[i].length != steps) {
                    throw new IllegalArgumentException("expected " + steps + " steps, got " + goals[i].length);
                }
                long[] s = sum[i];
                long[] s2 = sumSquares[i];
                int[] g = goals[i];
                for (int t = 0; t < steps; t++) {
                    s[t] += g[t];
                    s2[t] += (long) g[t] * g[t];
                }
            }
            runs++;
        }

        /** Runs added so far. */
        public synchronized int runs() {
            return runs;
        }

        /** The statistics of the runs added so far. */
        public synchronized CumulativeRewards snapshot() {
            long[][] s = new long[sum.length][];
            long[][] s2 = new long[sum.length][];
            for (int i = 0; i < sum.length; i++) {
                s[i] = sum[i].clone();
                s2[i] = sumSquares[i].clone();
            }
            return new CumulativeRewards(labels, keys, runs, steps, changeStep,
                    mbrllab.core.maze.MazeDynamics.GOAL_REWARD, s, s2);
        }
    }
}
