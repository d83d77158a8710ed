package mbrllab.core.cartpole;

import java.util.random.RandomGenerator;

/**
 * One episode of a {@link CartPoleSystem}, advanced one control step at a time, with its end told apart as
 * Gymnasium does:
 * <ul>
 *   <li><b>terminated</b>: the state reached is a failure of the system ({@link CartPoleSystem#isTerminal}); the
 *       episode is over and nothing follows that state (a learner does not bootstrap from it);</li>
 *   <li><b>truncated</b>: {@code maxSteps} steps were taken without failure (Gymnasium's TimeLimit); the
 *       episode is over although the state is an ordinary one.</li>
 * </ul>
 * A step that fails on the last allowed step is terminated, not truncated (the failure is what happened; Gymnasium
 * would flag both). The step limit is the system's ({@link CartPoleSystem#maxSteps()}: 500 for balance, 40 for
 * swing-up) unless given; {@link #NO_LIMIT} lets an episode run as long as its caller steps it.
 *
 * <p>The episode owns its state array and its scratch space: no allocation per step. It can be reused: {@link #reset}
 * or {@link #start} begins a new episode. Not thread-safe.
 */
public final class CartPoleEpisode {

    /** Where an episode stands after a step (or after its start). */
    public enum Status {
        /** Not over: the next step may be taken. */
        RUNNING,
        /** Over: the state reached is a failure. */
        TERMINATED,
        /** Over: the step limit was reached without failure. */
        TRUNCATED;

        /** True when the episode is over (terminated or truncated). */
        public boolean isOver() {
            return this != RUNNING;
        }
    }

    /** A step limit that is never reached: the episode runs until its caller stops or the system fails. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    private final CartPoleSystem system;
    private final int maxSteps;
    private final double[] s = new double[CartPoleState.DIMENSION];
    private final double[] work;
    private int steps;
    private Status status;

    /** An episode of {@code system} with the system's own step limit; call {@link #reset} or {@link #start} first. */
    public CartPoleEpisode(CartPoleSystem system) {
        this(system, system.maxSteps());
    }

    /**
     * An episode of {@code system} truncated after {@code maxSteps} steps; call {@link #reset} or {@link #start}
     * first.
     *
     * @param maxSteps the step limit, in [1, {@link #NO_LIMIT}]
     */
    public CartPoleEpisode(CartPoleSystem system, int maxSteps) {
        if (system == null) {
            throw new IllegalArgumentException("system must not be null");
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be in [1, " + NO_LIMIT + "], got " + maxSteps);
        }
        this.system = system;
        this.maxSteps = maxSteps;
        this.work = new double[system.workLength()];
    }

    /**
     * Begins an episode at the system's start ({@link CartPoleSystem#reset}: four draws from {@code rng} for
     * balance, none for swing-up). The status is {@link Status#TERMINATED} if that start is already a failure
     * (never with Gymnasium's limits), else {@link Status#RUNNING}.
     */
    public Status reset(RandomGenerator rng) {
        system.reset(s, rng);
        return begin();
    }

    /**
     * Begins an episode at a given state. The status is {@link Status#TERMINATED} if it is a failure (then no step
     * may be taken), else {@link Status#RUNNING}.
     *
     * @param state {x, x', theta, theta'} (length at least 4), copied
     */
    public Status start(double[] state) {
        System.arraycopy(state, 0, s, 0, CartPoleState.DIMENSION);
        return begin();
    }

    private Status begin() {
        steps = 0;
        status = system.isTerminal(s) ? Status.TERMINATED : Status.RUNNING;
        return status;
    }

    /**
     * One control step with force F ({@link CartPoleSystem#step}), then the status: {@link Status#TERMINATED} when
     * the state reached is a failure, else {@link Status#TRUNCATED} when this was step {@code maxSteps}, else
     * {@link Status#RUNNING}.
     *
     * @param force F [N], finite (the system applies {@link CartPoleSystem#appliedForce})
     * @throws IllegalStateException when the episode has not begun or is over
     */
    public Status step(double force) {
        if (status != Status.RUNNING) {
            throw new IllegalStateException(status == null ? "the episode has not begun: call reset or start first"
                    : "the episode is over (" + status.name().toLowerCase(java.util.Locale.ROOT) + " after " + steps
                    + " steps): call reset or start for the next one");
        }
        system.step(s, force, work);
        steps++;
        if (system.isTerminal(s)) {
            status = Status.TERMINATED;
        } else if (steps >= maxSteps) {
            status = Status.TRUNCATED;
        }
        return status;
    }

    /** The system. */
    public CartPoleSystem system() {
        return system;
    }

    /** The step limit. */
    public int maxSteps() {
        return maxSteps;
    }

    /**
     * The state now, {x, x', theta, theta'}: the episode's own array, live (it changes with every step). Read it,
     * copy it; do not modify it.
     */
    public double[] state() {
        return s;
    }

    /** Steps taken since the episode began. */
    public int steps() {
        return steps;
    }

    /** The status now; null before the first {@link #reset} or {@link #start}. */
    public Status status() {
        return status;
    }

    /** True when the last step (or the start) reached a failure. */
    public boolean terminated() {
        return status == Status.TERMINATED;
    }

    /** True when the step limit ended the episode without failure. */
    public boolean truncated() {
        return status == Status.TRUNCATED;
    }

    /** True when the episode is over (terminated or truncated). */
    public boolean isOver() {
        return status != null && status.isOver();
    }
}
