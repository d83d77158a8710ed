package mbrllab.core.budget;

import java.util.List;

/**
 * Unit costs on this machine, in nanoseconds of one core, behind every {@link Cost} estimate. Measured with
 * {@code bench --rates} (CPU time of one thread, the best of three timings after a warm-up) on the development
 * machine (2 cores, OpenJDK 17, Debian 12) on 2026-12-05 while it was shared (load average about 30, so caches and
 * cores were busy: the figures are those of a busy machine), then rounded up by a fifth to a half, so that the
 * estimates lean high. The measured values are in the comments.
 *
 * <p>The tabular agents cost more per update on large mazes (their tables leave the caches): the rates are given
 * for a small maze (the Dyna-maze and up to 2,000 states) and a large one (from 10,000 states, measured on an open
 * 200 x 200 maze) and interpolated in log(states) between.
 */
public final class Rates {

    /** A Dyna-Q real step with its Q and model update, small maze (measured 21.3). */
    public static final double DYNA_STEP_NS = 28;
    /** The same on a large maze (measured 37.7). */
    public static final double DYNA_STEP_LARGE_NS = 50;
    /** A Dyna-Q or Dyna-Q+ planning update, small maze (measured 7.1 on the Dyna-maze, 7.1 Dyna-Q+, 8.6 at 6x). */
    public static final double DYNA_PLANNING_NS = 10;
    /** The same on a large maze (measured 27.4 for Dyna-Q, 15.0 for Dyna-Q+). */
    public static final double DYNA_PLANNING_LARGE_NS = 35;
    /**
     * A real step of prioritized sweeping with n = 5, its queue updates included (measured 365 on the 6x
     * Dyna-maze, 143 on the open 200 x 200 maze); per queue update with n = 5 about a fifth of it.
     */
    public static final double PS_STEP_NS = 450;
    /** A real step of the cart-pole with BOXES Dyna-Q, physics included (measured 135). */
    public static final double BOXES_STEP_NS = 170;
    /** A BOXES planning update (measured 21.3 with the sample model, 11.0 with the last-outcome model). */
    public static final double BOXES_PLANNING_NS = 27;
    /**
     * One evaluation of a GP's log marginal likelihood and gradient, per n^3 (Cholesky, inverse, gradient):
     * measured 0.209, 0.129 and 0.112 per n^3 at n = 150, 500 and 1,500 in 5 dimensions; with
     * {@link #GP_LIKELIHOOD_NS_PER_N2_DIM} for the smaller sizes' overheads.
     */
    public static final double GP_LIKELIHOOD_NS_PER_N3 = 0.13;
    /** The likelihood's n^2 work per input dimension (fitted to the n = 150 figure: about 13 ns per n^2 at d = 5). */
    public static final double GP_LIKELIHOOD_NS_PER_N2_DIM = 3;
    /** Mean and variance of one GP output at one query point, per n^2 (measured 0.265 at n = 400, 0.167 at 2,000). */
    public static final double GP_PREDICT_NS_PER_N2 = 0.33;
    /**
     * One moment-matching step through the 4 GPs of the cart-pole (5 inputs), per n^2, plus
     * {@link #MOMENT_MATCHING_NS_PER_N}: measured 130 ns per n^2 at n = 400 (20.8 ms a step) and 65.5 at n = 1,200
     * (94 ms).
     */
    public static final double MOMENT_MATCHING_NS_PER_N2 = 60;
    /** The moment-matching step's part that grows with n (see {@link #MOMENT_MATCHING_NS_PER_N2}). */
    public static final double MOMENT_MATCHING_NS_PER_N = 30_000;
    /**
     * Training one ensemble member, per weight and training sample and epoch (forward, backward, Adam): measured
     * 0.919 with two hidden layers of 64, 0.522 with two of 512; the acceleration experiment's refits (two layers of
     * 32, minibatches of 64) 0.83 to 0.91 (2026-12-08).
     */
    public static final double ENSEMBLE_TRAIN_NS_PER_WEIGHT = 1.2;
    /** One member's prediction at one point, per weight (measured 0.675 per particle step, 64 x 64). */
    public static final double ENSEMBLE_PREDICT_NS_PER_WEIGHT = 0.9;

    /**
     * One step of the true cart-pole physics inside a planner, its reward included (PETS with the true model):
     * measured 950 ns per particle step (14.2 ms for 15,000 on one thread, swing-up, 2026-12-05), 1,470 ns in the
     * first planned episode before the JIT has finished.
     */
    public static final double PHYSICS_STEP_NS = 1_300;

    /**
     * A DQN update, per minibatch sample and Q-network weight (online forward and backward, Adam, the two next-state
     * forwards of Double DQN), the real step's own work (action choice, physics, buffers) counted in it: {@code bench
     * --rates} measured 1.33, 1.41 and 1.77 (2026-12-08, runs of 10,000 real steps); a fresh {@code accelerate
     * --settings real --runs 1 --threads 1} of 30,000 real steps 2.2 (11.6 s for 59,602 updates of 64 samples through
     * 1,282 weights, the JIT's warm-up inside). The JIT decides much here: the figure depends on what ran before.
     */
    public static final double DQN_UPDATE_NS_PER_WEIGHT = 2.5;
    /**
     * A model-rollout transition of the acceleration experiment, per weight of the model's member and the
     * Q-network's action choice: {@code bench --rates} measured 0.565, 0.576, 0.606 and 0.635 (2026-12-08, runs of
     * model:n=10:k=20 against model:n=10:k=1; 1.41 once, when it ran after the other benchmarks); 0.61 from whole runs
     * of 30,000 real steps (3.54 million more transitions through 1,544 + 1,282 weights in 6.1 s more).
     */
    public static final double ROLLOUT_NS_PER_WEIGHT = 0.8;

    /** Bytes of a double. */
    public static final double DOUBLE = 8;
    /** Bytes of an int. */
    public static final double INT = 4;
    /** Bytes of a character of text held by the program (CSV text is built in memory before it is written). */
    public static final double CHAR = 2;

    private static final double SMALL_MAZE = 2_000;
    private static final double LARGE_MAZE = 10_000;

    private Rates() {
    }

    /** Between the small-maze rate and the large-maze rate, by the number of states (log scale). */
    static double byMazeSize(int states, double small, double large) {
        if (states <= SMALL_MAZE) {
            return small;
        }
        if (states >= LARGE_MAZE) {
            return large;
        }
        double w = Math.log(states / SMALL_MAZE) / Math.log(LARGE_MAZE / SMALL_MAZE);
        return small + w * (large - small);
    }

    /** A tabular real step (Dyna-Q, Dyna-Q+) on a maze of {@code states} cells. */
    public static double dynaStepNs(int states) {
        return byMazeSize(states, DYNA_STEP_NS, DYNA_STEP_LARGE_NS);
    }

    /** A tabular planning update (Dyna-Q, Dyna-Q+) on a maze of {@code states} cells. */
    public static double dynaPlanningNs(int states) {
        return byMazeSize(states, DYNA_PLANNING_NS, DYNA_PLANNING_LARGE_NS);
    }

    /**
     * Weights and biases of a fully connected net from {@code inputs} through {@code hidden} to a Gaussian head of
     * 2 {@code outputs} (mean and log-variance per output).
     */
    public static double mlpWeights(int inputs, List<Integer> hidden, int outputs) {
        double total = 0;
        int from = inputs;
        for (int h : hidden) {
            total += (double) from * h + h;
            from = h;
        }
        return total + (double) from * 2 * outputs + 2 * outputs;
    }

    /** One evaluation of a GP's log marginal likelihood with its gradient, n points in d dimensions. */
    public static double gpLikelihoodNs(int n, int d) {
        double nn = n;
        return GP_LIKELIHOOD_NS_PER_N3 * nn * nn * nn + GP_LIKELIHOOD_NS_PER_N2_DIM * (d + 1) * nn * nn;
    }
}
