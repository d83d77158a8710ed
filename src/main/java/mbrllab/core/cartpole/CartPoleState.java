package mbrllab.core.cartpole;

/**
 * The state of a cart-pole, for both systems: cart position x [m], cart velocity x' [m/s], pole angle theta
 * [rad] and angular velocity theta' [rad/s]. What theta = 0 means depends on the system: upright for
 * {@link BalanceSystem}, hanging down for {@link SwingUpSystem} (see their Javadoc).
 *
 * <p>The hot loops work on {@code double[4]} arrays in the order of this record's components, indexed by
 * {@link #X}, {@link #X_DOT}, {@link #THETA} and {@link #THETA_DOT} (Gymnasium's observation order). PILCO
 * orders its state [x, x', theta', theta]; {@link #toPilcoOrder()} gives that order.
 *
 * @param x        cart position [m], finite
 * @param xDot     cart velocity [m/s], finite
 * @param theta    pole angle [rad], finite
 * @param thetaDot pole angular velocity [rad/s], finite
 */
public record CartPoleState(double x, double xDot, double theta, double thetaDot) {

    /** Index of x in a state array. */
    public static final int X = 0;
    /** Index of x' in a state array. */
    public static final int X_DOT = 1;
    /** Index of theta in a state array. */
    public static final int THETA = 2;
    /** Index of theta' in a state array. */
    public static final int THETA_DOT = 3;
    /** Length of a state array. */
    public static final int DIMENSION = 4;

    public CartPoleState {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite, got " + x);
        }
        if (!Double.isFinite(xDot)) {
            throw new IllegalArgumentException("xDot must be finite, got " + xDot);
        }
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("theta must be finite, got " + theta);
        }
        if (!Double.isFinite(thetaDot)) {
            throw new IllegalArgumentException("thetaDot must be finite, got " + thetaDot);
        }
    }

    /** The state at rest with the pole at angle {@code theta}. */
    public static CartPoleState atRest(double theta) {
        return new CartPoleState(0, 0, theta, 0);
    }

    /** A new array {x, x', theta, theta'}. */
    public double[] toArray() {
        return new double[] {x, xDot, theta, thetaDot};
    }

    /** Writes {x, x', theta, theta'} into {@code dest[0..3]} (length at least 4). */
    public void copyInto(double[] dest) {
        dest[X] = x;
        dest[X_DOT] = xDot;
        dest[THETA] = theta;
        dest[THETA_DOT] = thetaDot;
    }

    /** The state in {@code s[0..3]} = {x, x', theta, theta'}. */
    public static CartPoleState of(double[] s) {
        if (s.length < DIMENSION) {
            throw new IllegalArgumentException("a state array needs 4 entries, got " + s.length);
        }
        return new CartPoleState(s[X], s[X_DOT], s[THETA], s[THETA_DOT]);
    }

    /** PILCO's order: a new array {x, x', theta', theta}. */
    public double[] toPilcoOrder() {
        return new double[] {x, xDot, thetaDot, theta};
    }
}
