package mbrllab.core.cartpole;

import java.util.Locale;

/**
 * The BOXES discretisation of Barto, Sutton and Anderson (1983): 3 x 3 x 6 x 3 = 162 boxes over the balance
 * state, with the cut points of their simulation ({@code get_box} in Sutton and Anderson's {@code pole.c},
 * the code Gymnasium's cart-pole was copied from):
 * <pre>
 * x       [m]      : -2.4 | -0.8 | 0.8 | 2.4                      3 intervals
 * x'      [m/s]    : -inf | -0.5 | 0.5 | +inf                     3 intervals
 * theta   [deg]    : -12 | -6 | -1 | 0 | 1 | 6 | 12               6 intervals
 * theta'  [deg/s]  : -inf | -50 | 50 | +inf                       3 intervals
 * </pre>
 * Each interval is closed below and open above ({@code x < -0.8} is the first, {@code x < 0.8} the second,
 * the rest the third), exactly as {@code get_box}; theta is measured from upright as in {@link BalanceSystem}.
 * The outer limits (|x| &gt; 2.4 m, |theta| &gt; 12 degrees) are the failure region: {@link #box} returns
 * {@link #FAILED} there, and they come from the system, so "failed" here and {@link BalanceSystem#isTerminal}
 * always agree. {@code pole.c} writes the angles as 0.0174532, 0.1047192, 0.2094384 rad and 0.87266 rad/s;
 * we use the exact degree conversions.
 *
 * <p>Index: box = ix + 3 iv + 9 ia + 54 iw with ix, iv, iw in 0..2 and ia in 0..5 the interval indices of x,
 * x', theta and theta' from the most negative ({@code pole.c}'s numbering).
 *
 * @param system the balance system whose failure limits bound the boxes
 */
public record Boxes(BalanceSystem system) {

    /** Number of boxes. */
    public static final int COUNT = 162;
    /** What {@link #box} returns for a failed state. */
    public static final int FAILED = -1;
    /** Inner cut points of x [m]. */
    public static final double X_CUT = 0.8;
    /** Cut points of x' [m/s]. */
    public static final double X_DOT_CUT = 0.5;
    /** Inner cut points of theta [degrees]: 0, +-1, +-6. */
    public static final double THETA_SMALL_DEGREES = 1;
    public static final double THETA_MEDIUM_DEGREES = 6;
    /** Cut points of theta' [degrees/s]. */
    public static final double THETA_DOT_CUT_DEGREES = 50;

    private static final double ONE_DEGREE = Math.toRadians(THETA_SMALL_DEGREES);
    private static final double SIX_DEGREES = Math.toRadians(THETA_MEDIUM_DEGREES);
    private static final double FIFTY_DEGREES = Math.toRadians(THETA_DOT_CUT_DEGREES);

    public Boxes {
        if (system == null) {
            throw new IllegalArgumentException("system must not be null");
        }
    }

    /** The boxes over Gymnasium's CartPole-v1 (failure at 2.4 m and 12 degrees, as in Barto et al.). */
    public static Boxes cartPoleV1() {
        return new Boxes(BalanceSystem.cartPoleV1());
    }

    /** The box of a state, 0..161, or {@link #FAILED} when the system counts it as a failure. */
    public int box(double x, double xDot, double theta, double thetaDot) {
        if (system.isTerminal(x, theta)) {
            return FAILED;
        }
        int box;
        if (x < -X_CUT) {
            box = 0;
        } else if (x < X_CUT) {
            box = 1;
        } else {
            box = 2;
        }
        if (xDot < -X_DOT_CUT) {
            box += 0;
        } else if (xDot < X_DOT_CUT) {
            box += 3;
        } else {
            box += 6;
        }
        if (theta < -SIX_DEGREES) {
            box += 0;
        } else if (theta < -ONE_DEGREE) {
            box += 9;
        } else if (theta < 0) {
            box += 18;
        } else if (theta < ONE_DEGREE) {
            box += 27;
        } else if (theta < SIX_DEGREES) {
            box += 36;
        } else {
            box += 45;
        }
        if (thetaDot < -FIFTY_DEGREES) {
            box += 0;
        } else if (thetaDot < FIFTY_DEGREES) {
            box += 54;
        } else {
            box += 108;
        }
        return box;
    }

    /** The box of {x, x', theta, theta'} (see {@link #box(double, double, double, double)}). */
    public int box(double[] s) {
        return box(s[CartPoleState.X], s[CartPoleState.X_DOT], s[CartPoleState.THETA], s[CartPoleState.THETA_DOT]);
    }

    /** The box of a state (see {@link #box(double, double, double, double)}). */
    public int box(CartPoleState s) {
        return box(s.x(), s.xDot(), s.theta(), s.thetaDot());
    }

    /** Interval index of x (0..2) of a box. */
    public static int xIndex(int box) {
        return checked(box) % 3;
    }

    /** Interval index of x' (0..2) of a box. */
    public static int xDotIndex(int box) {
        return checked(box) / 3 % 3;
    }

    /** Interval index of theta (0..5) of a box. */
    public static int thetaIndex(int box) {
        return checked(box) / 9 % 6;
    }

    /** Interval index of theta' (0..2) of a box. */
    public static int thetaDotIndex(int box) {
        return checked(box) / 54;
    }

    private static int checked(int box) {
        if (box < 0 || box >= COUNT) {
            throw new IllegalArgumentException("box must be in [0, 161], got " + box);
        }
        return box;
    }

    private static final String[] X_TEXT = {"x < -0.8", "-0.8 <= x < 0.8", "x >= 0.8"};
    private static final String[] X_DOT_TEXT = {"x' < -0.5", "-0.5 <= x' < 0.5", "x' >= 0.5"};
    private static final String[] THETA_TEXT = {"theta < -6", "-6 <= theta < -1", "-1 <= theta < 0",
        "0 <= theta < 1", "1 <= theta < 6", "theta >= 6"};
    private static final String[] THETA_DOT_TEXT = {"theta' < -50", "-50 <= theta' < 50", "theta' >= 50"};

    /**
     * The box's intervals in words, e.g. {@code "box 85: -0.8 <= x < 0.8, -0.5 <= x' < 0.5, 0 <= theta < 1,
     * -50 <= theta' < 50"} (x in m, x' in m/s, angles in degrees); "failed" for {@link #FAILED}.
     */
    public static String describe(int box) {
        if (box == FAILED) {
            return "failed";
        }
        return String.format(Locale.ROOT, "box %d: %s, %s, %s, %s", box, X_TEXT[xIndex(box)],
                X_DOT_TEXT[xDotIndex(box)], THETA_TEXT[thetaIndex(box)], THETA_DOT_TEXT[thetaDotIndex(box)]);
    }
}
