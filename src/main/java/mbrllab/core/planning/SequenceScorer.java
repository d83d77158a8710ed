package mbrllab.core.planning;

import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.transition.TransitionModel;
import mbrllab.core.parallel.Tasks;
import mbrllab.core.random.SplitMix64;

/**
 * Scores action sequences through a model with the lecture's (and PETS') estimate
 * <pre>
 * J(u_1..u_H) = 1/N sum_{i=1..N} sum_{t=1..H} r(x_{t,i}, u_t),   x_{t+1,i} ~ p_theta_i(x_{t+1,i} | x_{t,i}, u_t)
 * </pre>
 * from one start state: N particles per sequence, propagated as {@link Propagation} says, each step rewarded by
 * the task's known reward of the state reached ({@link CartPoleTask#reward}). A particle that reaches a terminal
 * state (balance: the pole or the cart out of bounds, by the task's own rule) earns that step's reward and nothing
 * after; a particle whose predicted state is not finite earns nothing from that step on and stays where it was.
 *
 * <p><b>The hot loop.</b> The sequences are split into {@link #PIECES} fixed pieces (by index, whatever the executor),
 * each run as one task on the caller's executor with its own {@link TransitionModel.Stepper}, buffers and random
 * generator (seeded by one {@code nextLong()} of the caller's generator per piece, in piece order). Within a piece,
 * every step queries each member once with all the piece's particles that use it (one batch per member). No
 * allocation per step; the result is the same bits whatever the executor.
 *
 * <p>Not thread-safe: one scorer per planner; the model may be shared.
 */
public final class SequenceScorer {

    /** Fixed number of pieces the sequences are split into (the unit of parallel work). */
    public static final int PIECES = 4;

    private static final int D = CartPoleState.DIMENSION;

    private final CartPoleTask task;
    private final TransitionModel model;
    private final int horizon;
    private final int particles;
    private final Propagation propagation;
    private final int maxSequences;
    private final Piece[] pieces;

    /**
     * @param maxSequences the most sequences one call scores, in [1, 1,000,000]
     * @throws IllegalArgumentException if the propagation does not apply to the model's kind
     */
    public SequenceScorer(CartPoleTask task, TransitionModel model, int horizon, int particles,
                          Propagation propagation, int maxSequences) {
        if (task == null || model == null || propagation == null) {
            throw new IllegalArgumentException("task, model and propagation must not be null");
        }
        if (!propagation.supports(model.kind())) {
            throw new IllegalArgumentException("propagation " + propagation.id() + " does not apply to the "
                    + model.kind().label() + " (it needs an ensemble)");
        }
        if (horizon < 1 || horizon > 1000) {
            throw new IllegalArgumentException("horizon must be in [1, 1000], got " + horizon);
        }
        if (particles < 1 || particles > 10_000) {
            throw new IllegalArgumentException("particles must be in [1, 10000], got " + particles);
        }
        if (maxSequences < 1 || maxSequences > 1_000_000) {
            throw new IllegalArgumentException("maxSequences must be in [1, 1000000], got " + maxSequences);
        }
        this.task = task;
        this.model = model;
        this.horizon = horizon;
        this.particles = particles;
        this.propagation = propagation;
        this.maxSequences = maxSequences;
        int perPiece = (maxSequences + PIECES - 1) / PIECES;
        this.pieces = new Piece[Math.min(PIECES, maxSequences)];
        for (int k = 0; k < pieces.length; k++) {
            pieces[k] = new Piece(perPiece * particles);
        }
    }

    /** A scorer for a planner's settings, for up to {@code population} sequences per call. */
    public static SequenceScorer forSettings(CartPoleTask task, TransitionModel model, PlannerSettings settings) {
        return new SequenceScorer(task, model, settings.horizon(), settings.particles(), settings.propagation(),
                settings.population());
    }

    /** H. */
    public int horizon() {
        return horizon;
    }

    /** N. */
    public int particles() {
        return particles;
    }

    /** The model the particles move through. */
    public TransitionModel model() {
        return model;
    }

    /**
     * Scores {@code count} sequences.
     *
     * @param start     the state the particles start from (x_0), length 4; not modified
     * @param sequences count x H forces, row-major (sequence c at c H); not modified. Use forces within the task's
     *                  range
     * @param count     number of sequences, in [1, maxSequences]
     * @param returns   receives J of each sequence (length at least count)
     * @param states    null, or receives the predicted states: count x N x (H+1) x 4, sequence c's particle i at
     *                  step t at ((c N + i)(H+1) + t) 4 (step 0 is the start)
     * @param rng       advanced by one {@code nextLong()} per piece used (min(count, {@link #PIECES}))
     * @param executor  runs the pieces
     */
    public void score(double[] start, double[] sequences, int count, double[] returns, double[] states,
                      RandomGenerator rng, Executor executor) {
        if (count < 1 || count > maxSequences) {
            throw new IllegalArgumentException("count must be in [1, " + maxSequences + "], got " + count);
        }
        if (start.length < D || sequences.length < count * horizon || returns.length < count
                || (states != null && states.length < (long) count * particles * (horizon + 1) * D)) {
            throw new IllegalArgumentException("arrays too short for " + count + " sequences of " + horizon
                    + " steps");
        }
        int used = Math.min(pieces.length, count);
        long[] seeds = new long[used];
        for (int k = 0; k < used; k++) {
            seeds[k] = rng.nextLong();
        }
        Tasks.runAll(used, executor, k -> {
            int from = (int) ((long) count * k / used);
            int to = (int) ((long) count * (k + 1) / used);
            pieces[k].run(start, sequences, from, to, returns, states, seeds[k]);
        });
    }

    /** Scratch of one piece: its rows are (particle i, sequence c) at i * n + (c - from), particle-major. */
    private final class Piece {

        private final TransitionModel.Stepper stepper;
        private final double[] now;
        private final double[] next;
        private final double[] forces;
        private final double[] batchStates;
        private final double[] batchForces;
        private final double[] batchNext;
        private final double[] sum;
        private final int[] batchRows;
        private final int[] member;
        private final boolean[] alive;
        private final double[] total;
        private final double[] s = new double[D];

        Piece(int rows) {
            stepper = model.stepper(Math.max(1, Math.min(rows, 512)));
            now = new double[rows * D];
            next = new double[rows * D];
            forces = new double[rows];
            batchStates = new double[rows * D];
            batchForces = new double[rows];
            batchNext = new double[rows * D];
            sum = new double[rows * D];
            batchRows = new int[rows];
            member = new int[rows];
            alive = new boolean[rows];
            total = new double[rows];
        }

        void run(double[] start, double[] sequences, int from, int to, double[] returns, double[] states,
                 long seed) {
            int n = to - from;
            int rows = n * particles;
            int members = model.members();
            SplitMix64 noise = new SplitMix64(seed);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(start, 0, now, r * D, D);
                alive[r] = true;
                total[r] = 0;
                member[r] = (r / n) % members;
            }
            record(states, from, n, 0);
            for (int t = 0; t < horizon; t++) {
                for (int r = 0; r < rows; r++) {
                    forces[r] = sequences[(from + r % n) * horizon + t];
                }
                if (propagation == Propagation.MEAN) {
                    meanStep(rows, members);
                } else {
                    if (propagation == Propagation.TS1) {
                        for (int r = 0; r < rows; r++) {
                            member[r] = noise.nextInt(members);
                        }
                    }
                    for (int b = 0; b < members; b++) {
                        int m = 0;
                        for (int r = 0; r < rows; r++) {
                            if (member[r] == b) {
                                batchRows[m] = r;
                                System.arraycopy(now, r * D, batchStates, m * D, D);
                                batchForces[m] = forces[r];
                                m++;
                            }
                        }
                        if (m == 0) {
                            continue;
                        }
                        stepper.sample(b, batchStates, batchForces, m, batchNext, noise);
                        for (int j = 0; j < m; j++) {
                            System.arraycopy(batchNext, j * D, next, batchRows[j] * D, D);
                        }
                    }
                }
                for (int r = 0; r < rows; r++) {
                    int at = r * D;
                    boolean finite = true;
                    for (int i = 0; i < D; i++) {
                        s[i] = next[at + i];
                        finite &= Double.isFinite(s[i]);
                    }
                    if (!finite) {
                        System.arraycopy(now, at, next, at, D);
                        alive[r] = false;
                    } else if (alive[r]) {
                        total[r] += task.reward(s);
                        if (task.isTerminal(s)) {
                            alive[r] = false;
                        }
                    }
                }
                System.arraycopy(next, 0, now, 0, rows * D);
                record(states, from, n, t + 1);
            }
            for (int c = 0; c < n; c++) {
                double j = 0;
                for (int i = 0; i < particles; i++) {
                    j += total[i * n + c];
                }
                returns[from + c] = j / particles;
            }
        }

        /** next = the average over the members of their mean next states (the one member's for M = 1). */
        private void meanStep(int rows, int members) {
            if (members == 1) {
                stepper.predict(0, now, forces, rows, next);
                return;
            }
            java.util.Arrays.fill(sum, 0, rows * D, 0);
            for (int b = 0; b < members; b++) {
                stepper.predict(b, now, forces, rows, batchNext);
                for (int e = 0; e < rows * D; e++) {
                    sum[e] += batchNext[e];
                }
            }
            for (int e = 0; e < rows * D; e++) {
                next[e] = sum[e] / members;
            }
        }

        private void record(double[] states, int from, int n, int t) {
            if (states == null) {
                return;
            }
            int steps = horizon + 1;
            for (int i = 0; i < particles; i++) {
                for (int c = 0; c < n; c++) {
                    int to = (((from + c) * particles + i) * steps + t) * D;
                    System.arraycopy(now, (i * n + c) * D, states, to, D);
                }
            }
        }
    }
}
