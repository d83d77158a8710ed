package mbrllab.core.cartpole;

import java.util.random.RandomGenerator;

/**
 * The two cart-pole systems behind one interface: Gymnasium's balancing CartPole-v1 ({@link BalanceSystem}) and
 * PILCO's swing-up ({@link SwingUpSystem}). What differs between them is here as a fact of the system (control
 * period, step limit, force limit, termination, start, pole geometry), so that an episode loop, a lab or a
 * command runs either without asking which one it has.
 *
 * <p>States are {x, x', theta, theta'} arrays ({@link CartPoleState}'s order) in each system's own angle
 * convention: theta = 0 is upright for balance and hanging down for swing-up; in both, a small theta &gt; 0 puts
 * the tip towards +x, so the unit vector from hinge to tip is ({@link #tipDx}, {@link #tipDy}) with y up.
 */
public sealed interface CartPoleSystem permits BalanceSystem, SwingUpSystem {

    /** Simulated time of one control step [s]: tau = 0.02 for balance, the control period 0.1 for swing-up. */
    double controlPeriod();

    /**
     * Steps after which an episode ends without failing: Gymnasium's truncation (500) for balance, the horizon
     * (4 s = 40 steps) for swing-up.
     */
    int maxSteps();

    /** The largest force [N] an agent pushes with: 10 for both. */
    double maxForce();

    /** Steps per second that run the system in real time, 1 / {@link #controlPeriod()}: 50 or 10. */
    default double realTimeStepsPerSecond() {
        return 1.0 / controlPeriod();
    }

    /**
     * The force a {@link #step} applies when asked for F: balance uses any finite F as given (as Gymnasium's
     * physics does), swing-up clips it to [-maxForce, maxForce].
     */
    double appliedForce(double force);

    /** Length of the work array of {@link #step}: 0 for balance (Euler), 20 for swing-up (Runge-Kutta). */
    int workLength();

    /**
     * One control step with the force held, in place.
     *
     * @param s     {x, x', theta, theta'} (length at least 4); overwritten with the state after the step
     * @param force F [N], finite; see {@link #appliedForce}
     * @param work  scratch of length at least {@link #workLength()}; its contents are overwritten
     */
    void step(double[] s, double force, double[] work);

    /**
     * The start of an episode of this system: Gymnasium's reset for balance (each variable uniform in
     * (-0.05, 0.05), four draws), PILCO's rest hanging down at x = 0 for swing-up (no draw).
     *
     * @param s   overwritten with the start state (length at least 4)
     * @param rng the episode's start-state generator
     */
    void reset(double[] s, RandomGenerator rng);

    /**
     * True when {@code s} ends an episode as a failure (Gymnasium's terminated): |theta| &gt; 12 degrees or
     * |x| &gt; 2.4 m for balance; never for swing-up, which runs its horizon.
     *
     * @param s {x, x', theta, theta'}, not modified
     */
    boolean isTerminal(double[] s);

    /** The pole from hinge to tip [m]: 2l = 1 m for balance (l its half-length), l = 0.5 m for swing-up. */
    double poleLength();

    /** Horizontal component of the unit vector from hinge to tip: sin(theta) in both conventions. */
    default double tipDx(double theta) {
        return Math.sin(theta);
    }

    /**
     * Vertical component (y up) of the unit vector from hinge to tip: cos(theta) for balance, -cos(theta) for swing-up.
     */
    double tipDy(double theta);
}
