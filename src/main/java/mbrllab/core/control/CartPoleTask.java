package mbrllab.core.control;

import java.util.random.RandomGenerator;

/**
 * A cart-pole control task with a known reward: the true physics, the start distribution, what the learner
 * observes, the reward of a step and the termination rule. Planners (PETS), value learners (DQN) and policy
 * search (PILCO) act on the same two tasks, {@link BalanceTask} and {@link SwingUpTask}, so their numbers compare.
 *
 * <p>States are {x, x', theta, theta'} arrays (the order of {@link mbrllab.core.cartpole.CartPoleState}); the
 * action is one force F [N], clipped to [-{@link #maxForce()}, {@link #maxForce()}] and held for one control
 * period.
 */
public sealed interface CartPoleTask permits BalanceTask, SwingUpTask {

    /** Length of a state array. */
    int STATE_DIM = 4;

    /** Largest number of control steps in an episode (truncation; 500 for balance, 40 for swing-up). */
    int steps();

    /** |F| limit [N]. */
    double maxForce();

    /** Time one force is held [s]. */
    double controlPeriod();

    /** Length of the work array of {@link #step}. */
    int workLength();

    /**
     * Draws a true start state.
     *
     * @param s   overwritten with the start state (length at least 4)
     * @param rng advanced by exactly four draws
     */
    void reset(double[] s, RandomGenerator rng);

    /**
     * The true physics for one control period; the force is clipped first.
     *
     * @param s     the state; overwritten with the next state
     * @param force F [N], finite
     * @param work  scratch of length at least {@link #workLength()}
     */
    void step(double[] s, double force, double[] work);

    /**
     * The reward of the step that ends in {@code next} (both tasks reward the state reached, not the force).
     *
     * @param next the state after the step, not modified
     */
    double reward(double[] next);

    /** True when {@code s} ends the episode as a failure (Gymnasium's terminated); never for the swing-up. */
    boolean isTerminal(double[] s);

    /** Standard deviation of the Gaussian noise on each observed state component (0: the learner sees the truth). */
    double observationNoiseStd();

    /** F clipped to [-maxForce, maxForce]. */
    default double clip(double force) {
        double max = maxForce();
        return Math.max(-max, Math.min(max, force));
    }

    /**
     * What the learner observes of the true state: {@code obs = s + noise}, the noise N(0, std^2) per component;
     * with no noise, a copy and no draws.
     *
     * @param s   the true state, not modified
     * @param obs receives the observation (may be {@code s} itself only when the noise is 0)
     * @param rng advanced by four Gaussian draws when the noise is positive
     */
    default void observe(double[] s, double[] obs, RandomGenerator rng) {
        double std = observationNoiseStd();
        for (int i = 0; i < STATE_DIM; i++) {
            obs[i] = std > 0 ? s[i] + std * rng.nextGaussian() : s[i];
        }
    }
}
