package mbrllab.core.cartpole;

import java.util.random.RandomGenerator;

/**
 * The swing-up cart-pole of PILCO (Deisenroth and Rasmussen 2011; the equations of {@code dynamics_cp.m} in the
 * PILCO MATLAB code, derived in Deisenroth's thesis, Appendix C): a cart of mass M on a track with viscous
 * friction b, a uniform rod of mass m and length l hinged at one end on the cart, and a horizontal force F on
 * the cart, clipped to [-maxForce, maxForce] and held constant over each control period ({@link #pilco()}).
 *
 * <p><b>Convention</b> (PILCO's). theta = 0 is hanging straight down, theta = pi upright; the rod's centre of
 * mass is at (x + (l/2) sin(theta), -(l/2) cos(theta)) with y pointing up, so theta grows counter-clockwise
 * and a small theta &gt; 0 swings the pole towards +x. F &gt; 0 pushes towards +x. The episode starts at rest
 * hanging, {@link #initialState()}; the target is the pole upright above x = 0, {@link #target()}.
 *
 * <p><b>Lagrangian.</b> With I_c = m l^2 / 12 the rod's inertia about its centre,
 * <pre>
 * T = 1/2 (M+m) x'^2 + 1/2 m l x' theta' cos(theta) + 1/6 m l^2 theta'^2      (1/6 = 1/8 + 1/24 from I_c)
 * V = -1/2 m g l cos(theta)
 * </pre>
 * and the generalised forces F - b x' on x and 0 on theta, Lagrange's equations are
 * <pre>
 * (M+m) x'' + 1/2 m l (theta'' cos(theta) - theta'^2 sin(theta)) = F - b x'
 * 1/2 m l x'' cos(theta) + 1/3 m l^2 theta'' + 1/2 m g l sin(theta) = 0
 * </pre>
 * Solving the two for the accelerations gives PILCO's equations exactly ({@link #derivatives}):
 * <pre>
 * D       = 4 (M+m) - 3 m cos^2(theta)
 * x''     = (2 m l theta'^2 sin(theta) + 3 m g sin(theta) cos(theta) + 4 (F - b x')) / D
 * theta'' = -(3 m l theta'^2 sin(theta) cos(theta) + 6 (M+m) g sin(theta) + 6 (F - b x') cos(theta)) / (l D)
 * </pre>
 * The energy {@link #energy} E = T + V changes as dE/dt = (F - b x') x', so it is conserved when F = b = 0; then
 * the momentum (M+m) x' + 1/2 m l theta' cos(theta) is conserved too.
 *
 * <p><b>Small oscillations</b> about hanging (F = b = 0): eliminating x'' from the linearised equations,
 * theta'' = -omega^2 theta with omega^2 = 6 (M+m) g / ((4M + m) l) ({@link #smallOscillationPeriod}): the cart
 * swings against the pole, so the period is shorter than the fixed-pivot 2 pi sqrt(2l / (3g))
 * ({@link #fixedPivotPeriod}).
 *
 * <p><b>Step.</b> One control period with the clipped force held, integrated by {@code substeps} classical
 * fourth-order Runge-Kutta steps of length controlPeriod / substeps (PILCO itself uses MATLAB's ode45).
 *
 * @param gravity       g [m/s^2], in (0, 1000]
 * @param cartMass      M [kg], in (0, 1e6]
 * @param poleMass      m [kg], in (0, 1e6]
 * @param poleLength    l, the rod's full length, hinge to tip [m], in (0, 1000]
 * @param friction      b, viscous friction of the cart [N/(m/s)], in [0, 1e6]
 * @param maxForce      |F| limit [N], in (0, 1e6]
 * @param controlPeriod time the force is held [s], in (0, 10]
 * @param substeps      Runge-Kutta steps per control period, in [1, 100,000]
 * @param horizon       length of an episode [s], in [controlPeriod, 1e6]
 */
public record SwingUpSystem(double gravity, double cartMass, double poleMass, double poleLength, double friction,
                            double maxForce, double controlPeriod, int substeps, double horizon)
        implements CartPoleSystem {

    /** Length of the work array of {@link #step(double[], double, double[])}. */
    public static final int WORK_LENGTH = 5 * CartPoleState.DIMENSION;

    public SwingUpSystem {
        requireIn("gravity", gravity, 1000);
        requireIn("cartMass", cartMass, 1e6);
        requireIn("poleMass", poleMass, 1e6);
        requireIn("poleLength", poleLength, 1000);
        if (!(friction >= 0 && friction <= 1e6)) {
            throw new IllegalArgumentException("friction must be in [0, 1000000.0], got " + friction);
        }
        requireIn("maxForce", maxForce, 1e6);
        requireIn("controlPeriod", controlPeriod, 10);
        if (substeps < 1 || substeps > 100_000) {
            throw new IllegalArgumentException("substeps must be in [1, 100000], got " + substeps);
        }
        if (!(horizon >= controlPeriod && horizon <= 1e6)) {
            throw new IllegalArgumentException("horizon must be in [controlPeriod, 1000000.0], got " + horizon);
        }
    }

    private static void requireIn(String field, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw new IllegalArgumentException(field + " must be in (0, " + max + "], got " + value);
        }
    }

    /**
     * PILCO's cart-pole: g 9.82, cart 0.5 kg, pole 0.5 kg, pole length 0.5 m, friction 0.1 N/(m/s), force in
     * [-10, 10] N held for 0.1 s, 10 Runge-Kutta steps per period, horizon 4 s.
     */
    public static SwingUpSystem pilco() {
        return new SwingUpSystem(9.82, 0.5, 0.5, 0.5, 0.1, 10, 0.1, 10, 4.0);
    }

    /** The same system with another friction coefficient b. */
    public SwingUpSystem withFriction(double b) {
        return new SwingUpSystem(gravity, cartMass, poleMass, poleLength, b, maxForce, controlPeriod, substeps,
                horizon);
    }

    /** The same system with another number of Runge-Kutta steps per control period. */
    public SwingUpSystem withSubsteps(int k) {
        return new SwingUpSystem(gravity, cartMass, poleMass, poleLength, friction, maxForce, controlPeriod, k,
                horizon);
    }

    /** M + m [kg]. */
    public double totalMass() {
        return cartMass + poleMass;
    }

    /** Distance from the hinge to the rod's centre of mass, l/2 [m]. */
    public double centreOfMassDistance() {
        return poleLength / 2;
    }

    /** The rod's moment of inertia about the hinge, m l^2 / 3 [kg m^2]. */
    public double poleInertiaAboutPivot() {
        return poleMass * poleLength * poleLength / 3;
    }

    /** Length of one Runge-Kutta step, controlPeriod / substeps [s]. */
    public double substepLength() {
        return controlPeriod / substeps;
    }

    /** Control steps in an episode, horizon / controlPeriod rounded (40 for PILCO). */
    public int horizonSteps() {
        return (int) Math.round(horizon / controlPeriod);
    }

    /** The horizon in control steps, {@link #horizonSteps()}: a swing-up episode runs it in full. */
    @Override
    public int maxSteps() {
        return horizonSteps();
    }

    /** F clipped to [-maxForce, maxForce]. */
    public double clip(double force) {
        return Math.max(-maxForce, Math.min(maxForce, force));
    }

    /** F clipped to [-maxForce, maxForce] ({@link #clip}), as {@link #step} applies it. */
    @Override
    public double appliedForce(double force) {
        return clip(force);
    }

    /** {@link #WORK_LENGTH}. */
    @Override
    public int workLength() {
        return WORK_LENGTH;
    }

    /** -cos(theta): theta = 0 hangs down. */
    @Override
    public double tipDy(double theta) {
        return -Math.cos(theta);
    }

    /** Writes {@link #initialState()}, at rest hanging down at x = 0; draws nothing from {@code rng}. */
    @Override
    public void reset(double[] s, RandomGenerator rng) {
        initialState().copyInto(s);
    }

    /** Never: the swing-up has no failure, its episodes run the whole horizon. */
    @Override
    public boolean isTerminal(double[] s) {
        return false;
    }

    /**
     * Small-oscillation period about hanging with a free, frictionless cart:
     * 2 pi / omega, omega^2 = 6 (M+m) g / ((4M + m) l) [s].
     */
    public double smallOscillationPeriod() {
        double omegaSquared = 6 * totalMass() * gravity / ((4 * cartMass + poleMass) * poleLength);
        return 2 * Math.PI / Math.sqrt(omegaSquared);
    }

    /**
     * Small-oscillation period of the same rod about a fixed hinge (an infinitely heavy cart):
     * 2 pi sqrt(I_pivot / (m g l/2)) = 2 pi sqrt(2l / (3g)) [s].
     */
    public double fixedPivotPeriod() {
        return 2 * Math.PI * Math.sqrt(poleInertiaAboutPivot() / (poleMass * gravity * centreOfMassDistance()));
    }

    /** At rest, hanging down, at x = 0: the start of every swing-up episode. */
    public CartPoleState initialState() {
        return new CartPoleState(0, 0, 0, 0);
    }

    /** Upright above x = 0 and at rest: the target. */
    public CartPoleState target() {
        return new CartPoleState(0, 0, Math.PI, 0);
    }

    /**
     * The time derivative of the state (equations in the class comment).
     *
     * @param s     {x, x', theta, theta'} (length at least 4), not modified
     * @param force F [N], used as given (not clipped)
     * @param ds    receives {x', x'', theta', theta''} (length at least 4; may not be {@code s})
     */
    public void derivatives(double[] s, double force, double[] ds) {
        derivatives(s, 0, force, ds, 0);
    }

    private void derivatives(double[] s, int from, double force, double[] ds, int to) {
        double xDot = s[from + CartPoleState.X_DOT];
        double theta = s[from + CartPoleState.THETA];
        double thetaDot = s[from + CartPoleState.THETA_DOT];
        double sin = Math.sin(theta);
        double cos = Math.cos(theta);
        double m = poleMass;
        double l = poleLength;
        double mTotal = totalMass();
        double drive = force - friction * xDot;
        double d = 4 * mTotal - 3 * m * cos * cos;
        ds[to + CartPoleState.X] = xDot;
        ds[to + CartPoleState.X_DOT] = (2 * m * l * thetaDot * thetaDot * sin + 3 * m * gravity * sin * cos
                + 4 * drive) / d;
        ds[to + CartPoleState.THETA] = thetaDot;
        ds[to + CartPoleState.THETA_DOT] = -(3 * m * l * thetaDot * thetaDot * sin * cos + 6 * mTotal * gravity * sin
                + 6 * drive * cos) / (l * d);
    }

    /**
     * One control period: F is clipped to [-maxForce, maxForce] and held while {@code substeps} RK4 steps of
     * length h = controlPeriod / substeps advance the state: k1 = f(s), k2 = f(s + h/2 k1), k3 = f(s + h/2 k2),
     * k4 = f(s + h k3), s &lt;- s + h/6 (k1 + 2 k2 + 2 k3 + k4). No allocation.
     *
     * @param s     {x, x', theta, theta'} (length at least 4); overwritten with the state after the period
     * @param force F [N], finite; clipped
     * @param work  scratch space of length at least {@link #WORK_LENGTH}; its contents are overwritten
     */
    @Override
    public void step(double[] s, double force, double[] work) {
        if (!Double.isFinite(force)) {
            throw new IllegalArgumentException("force must be finite, got " + force);
        }
        double f = clip(force);
        double h = substepLength();
        final int k1 = 0;
        final int k2 = 4;
        final int k3 = 8;
        final int k4 = 12;
        final int tmp = 16;
        for (int step = 0; step < substeps; step++) {
            derivatives(s, 0, f, work, k1);
            for (int i = 0; i < 4; i++) {
                work[tmp + i] = s[i] + 0.5 * h * work[k1 + i];
            }
            derivatives(work, tmp, f, work, k2);
            for (int i = 0; i < 4; i++) {
                work[tmp + i] = s[i] + 0.5 * h * work[k2 + i];
            }
            derivatives(work, tmp, f, work, k3);
            for (int i = 0; i < 4; i++) {
                work[tmp + i] = s[i] + h * work[k3 + i];
            }
            derivatives(work, tmp, f, work, k4);
            for (int i = 0; i < 4; i++) {
                s[i] += h / 6 * (work[k1 + i] + 2 * work[k2 + i] + 2 * work[k3 + i] + work[k4 + i]);
            }
        }
    }

    /** One control period with force F (clipped), see {@link #step(double[], double, double[])}. */
    public CartPoleState step(CartPoleState state, double force) {
        double[] s = state.toArray();
        step(s, force, new double[WORK_LENGTH]);
        return CartPoleState.of(s);
    }

    /**
     * Mechanical energy E = 1/2 (M+m) x'^2 + 1/2 m l x' theta' cos(theta) + 1/6 m l^2 theta'^2
     * - 1/2 m g l cos(theta) [J] (zero potential at the hinge's height).
     *
     * @param s {x, x', theta, theta'}, not modified
     */
    public double energy(double[] s) {
        double xDot = s[CartPoleState.X_DOT];
        double theta = s[CartPoleState.THETA];
        double thetaDot = s[CartPoleState.THETA_DOT];
        double m = poleMass;
        double l = poleLength;
        double cos = Math.cos(theta);
        return 0.5 * totalMass() * xDot * xDot + 0.5 * m * l * xDot * thetaDot * cos
                + m * l * l * thetaDot * thetaDot / 6 - 0.5 * m * gravity * l * cos;
    }

    /** The energy of a state, see {@link #energy(double[])}. */
    public double energy(CartPoleState state) {
        return energy(state.toArray());
    }

    /** Horizontal momentum (M+m) x' + 1/2 m l theta' cos(theta) [kg m/s], conserved when F = b = 0. */
    public double momentum(double[] s) {
        return totalMass() * s[CartPoleState.X_DOT]
                + 0.5 * poleMass * poleLength * s[CartPoleState.THETA_DOT] * Math.cos(s[CartPoleState.THETA]);
    }
}
