package mbrllab.core.cartpole;

import java.util.random.RandomGenerator;

/**
 * The balancing cart-pole of Barto, Sutton and Anderson (1983) with the constants, equations and Euler step of
 * Gymnasium's CartPole-v1 ({@link #cartPoleV1()}): a cart on a frictionless track, a uniform pole of length
 * 2l hinged on it, pushed left or right with a force F.
 *
 * <p><b>Convention.</b> theta = 0 is upright; theta &gt; 0 means the pole leans towards +x (its tip is right of
 * the hinge); F &gt; 0 pushes the cart towards +x. l ({@code halfLength}) is half the pole's length, the
 * distance from the hinge to the pole's centre of mass.
 *
 * <p><b>Equations of motion</b> (Barto et al. 1983 without friction, as in Gymnasium; M = m_c + m_p):
 * <pre>
 * temp    = (F + m_p l theta'^2 sin(theta)) / M
 * theta'' = (g sin(theta) - cos(theta) temp) / (l (4/3 - m_p cos^2(theta) / M))
 * x''     = temp - m_p l theta'' cos(theta) / M
 * </pre>
 * <b>Step</b> (Gymnasium's {@code "euler"} integrator, every right-hand side at the old state):
 * <pre>
 * x      &lt;- x      + tau x'
 * x'     &lt;- x'     + tau x''
 * theta  &lt;- theta  + tau theta'
 * theta' &lt;- theta' + tau theta''
 * </pre>
 * The arithmetic is done in Gymnasium's order on doubles (Gymnasium's internal state is float64); Java's
 * Math.sin/cos may differ from C's libm in the last bit, so agreement is to rounding, not guaranteed bit for bit.
 *
 * <p><b>Episode.</b> Starts with each of the four variables uniform in (-0.05, 0.05) ({@link #reset}); terminated
 * after a step that leaves |theta| &gt; 12 degrees (12 * 2 pi / 360 = 0.20944 rad) or |x| &gt; 2.4 m (strict
 * inequalities); truncated after {@code maxSteps} = 500 steps (Gymnasium's TimeLimit), which is not a failure;
 * reward 1 for every step, the terminating one included, so the return is the number of steps.
 *
 * @param gravity               g [m/s^2], in (0, 1000]
 * @param cartMass              m_c [kg], in (0, 1e6]
 * @param poleMass              m_p [kg], in (0, 1e6]
 * @param halfLength            l, hinge to the pole's centre of mass [m], in (0, 1000]
 * @param forceMagnitude        |F| of a push [N], in (0, 1e6]
 * @param tau                   time step [s], in (0, 10]
 * @param thetaThresholdDegrees failure angle [degrees], in (0, 180]
 * @param xThreshold            failure position |x| [m], in (0, 1e6]
 * @param maxSteps              truncation after this many steps, in [1, 100,000,000]
 */
public record BalanceSystem(double gravity, double cartMass, double poleMass, double halfLength,
                            double forceMagnitude, double tau, double thetaThresholdDegrees, double xThreshold,
                            int maxSteps) implements CartPoleSystem {

    /** Reward of every step in Gymnasium's CartPole-v1. */
    public static final double REWARD_PER_STEP = 1.0;
    /** Action index: push the cart towards -x with {@code -forceMagnitude}. */
    public static final int PUSH_LEFT = 0;
    /** Action index: push the cart towards +x with {@code +forceMagnitude}. */
    public static final int PUSH_RIGHT = 1;
    /** Number of actions. */
    public static final int ACTIONS = 2;
    /** Half-width of Gymnasium's uniform start distribution of every state variable. */
    public static final double RESET_HALF_WIDTH = 0.05;

    public BalanceSystem {
        requireIn("gravity", gravity, 1000);
        requireIn("cartMass", cartMass, 1e6);
        requireIn("poleMass", poleMass, 1e6);
        requireIn("halfLength", halfLength, 1000);
        requireIn("forceMagnitude", forceMagnitude, 1e6);
        requireIn("tau", tau, 10);
        requireIn("thetaThresholdDegrees", thetaThresholdDegrees, 180);
        requireIn("xThreshold", xThreshold, 1e6);
        if (maxSteps < 1 || maxSteps > 100_000_000) {
            throw new IllegalArgumentException("maxSteps must be in [1, 100000000], got " + maxSteps);
        }
    }

    private static void requireIn(String field, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw new IllegalArgumentException(field + " must be in (0, " + max + "], got " + value);
        }
    }

    /**
     * Gymnasium's CartPole-v1: g 9.8, cart 1.0 kg, pole 0.1 kg, l 0.5 m, F 10 N, tau 0.02 s, 12 degrees, 2.4 m, 500
     * steps.
     */
    public static BalanceSystem cartPoleV1() {
        return new BalanceSystem(9.8, 1.0, 0.1, 0.5, 10.0, 0.02, 12, 2.4, 500);
    }

    /** M = m_c + m_p [kg]. */
    public double totalMass() {
        return poleMass + cartMass;
    }

    /** m_p l [kg m]. */
    public double poleMassLength() {
        return poleMass * halfLength;
    }

    /** The pole's full length 2l [m]. */
    @Override
    public double poleLength() {
        return 2 * halfLength;
    }

    /** tau [s]: one Euler step is one control step. */
    @Override
    public double controlPeriod() {
        return tau;
    }

    /** The force of a push, {@code forceMagnitude} [N]. */
    @Override
    public double maxForce() {
        return forceMagnitude;
    }

    /** F itself: the physics takes any finite force as given (Gymnasium's actions are +-forceMagnitude). */
    @Override
    public double appliedForce(double force) {
        return force;
    }

    /** 0: the Euler step needs no scratch. */
    @Override
    public int workLength() {
        return 0;
    }

    /** cos(theta): theta = 0 is upright. */
    @Override
    public double tipDy(double theta) {
        return Math.cos(theta);
    }

    /** The failure angle in radians, computed as Gymnasium does: degrees * 2 pi / 360. */
    public double thetaThresholdRadians() {
        return thetaThresholdDegrees * 2 * Math.PI / 360;
    }

    /** The force of an action: {@link #PUSH_RIGHT} gives +F, {@link #PUSH_LEFT} -F. */
    public double force(int action) {
        if (action == PUSH_RIGHT) {
            return forceMagnitude;
        }
        if (action == PUSH_LEFT) {
            return -forceMagnitude;
        }
        throw new IllegalArgumentException("action must be 0 (left) or 1 (right), got " + action);
    }

    /**
     * One Euler step of length tau with force F, in place.
     *
     * @param s     {x, x', theta, theta'} (length at least 4); overwritten with the state after the step
     * @param force F [N], any finite value (Gymnasium's actions are +-forceMagnitude)
     */
    public void step(double[] s, double force) {
        double x = s[CartPoleState.X];
        double xDot = s[CartPoleState.X_DOT];
        double theta = s[CartPoleState.THETA];
        double thetaDot = s[CartPoleState.THETA_DOT];
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double totalMass = totalMass();
        double poleMassLength = poleMassLength();
        double temp = (force + poleMassLength * (thetaDot * thetaDot) * sin) / totalMass;
        double thetaAcc = (gravity * sin - cos * temp)
                / (halfLength * (4.0 / 3.0 - poleMass * (cos * cos) / totalMass));
        double xAcc = temp - poleMassLength * thetaAcc * cos / totalMass;
        s[CartPoleState.X] = x + tau * xDot;
        s[CartPoleState.X_DOT] = xDot + tau * xAcc;
        s[CartPoleState.THETA] = theta + tau * thetaDot;
        s[CartPoleState.THETA_DOT] = thetaDot + tau * thetaAcc;
    }

    /** One Euler step of length tau with force F (see {@link #step(double[], double)}); {@code work} is not used. */
    @Override
    public void step(double[] s, double force, double[] work) {
        step(s, force);
    }

    /** One Euler step of length tau with force F (see {@link #step(double[], double)}). */
    public CartPoleState step(CartPoleState state, double force) {
        double[] s = state.toArray();
        step(s, force);
        return CartPoleState.of(s);
    }

    /** True when |x| &gt; xThreshold or |theta| &gt; the failure angle (Gymnasium's termination). */
    public boolean isTerminal(double x, double theta) {
        double thetaMax = thetaThresholdRadians();
        return x < -xThreshold || x > xThreshold || theta < -thetaMax || theta > thetaMax;
    }

    /** True when the state {x, x', theta, theta'} is a failure (see {@link #isTerminal(double, double)}). */
    @Override
    public boolean isTerminal(double[] s) {
        return isTerminal(s[CartPoleState.X], s[CartPoleState.THETA]);
    }

    /**
     * True when the cart is off the track, |x| &gt; xThreshold: the reason of a failure that is not (only) the
     * pole's angle.
     */
    public boolean isOffTrack(double[] s) {
        double x = s[CartPoleState.X];
        return x < -xThreshold || x > xThreshold;
    }

    /** True when the state is a failure (see {@link #isTerminal(double, double)}). */
    public boolean isTerminal(CartPoleState state) {
        return isTerminal(state.x(), state.theta());
    }

    /**
     * Gymnasium's start state: x, x', theta, theta' each uniform in (-0.05, 0.05), drawn in that order, exactly
     * four numbers from {@code rng}.
     *
     * @param s overwritten with the start state (length at least 4)
     */
    @Override
    public void reset(double[] s, RandomGenerator rng) {
        for (int i = 0; i < CartPoleState.DIMENSION; i++) {
            s[i] = -RESET_HALF_WIDTH + 2 * RESET_HALF_WIDTH * rng.nextDouble();
        }
    }
}
