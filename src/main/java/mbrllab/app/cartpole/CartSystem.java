package mbrllab.app.cartpole;

import java.util.random.RandomGenerator;

import mbrllab.core.Keyed;
import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.SwingUpSystem;

/**
 * The two cart-poles of the lab, seen through one interface for the runner and the drawing: Gymnasium's
 * CartPole-v1 ({@link BalanceSystem#cartPoleV1()}) and PILCO's swing-up ({@link SwingUpSystem#pilco()}).
 * States are {x, x', theta, theta'} arrays in each system's own convention (theta 0 upright for balance, hanging
 * for swing-up). Every agent of the lab pushes with -F, 0 or +F, F the system's largest force, coded -1, 0, +1.
 */
public enum CartSystem implements Keyed {

    /** Gymnasium's CartPole-v1: Euler steps of 0.02 s, failure at 12 degrees or 2.4 m, truncation at 500 steps. */
    BALANCE("balance", "Balance (CartPole-v1)"),
    /** PILCO's swing-up: 0.1 s control periods integrated by Runge-Kutta, episodes of 4 s, no failure. */
    SWING_UP("swingup", "Swing-up (PILCO)");

    /** The balance system's constants. */
    public static final BalanceSystem BALANCE_SYSTEM = BalanceSystem.cartPoleV1();
    /** The swing-up system's constants. */
    public static final SwingUpSystem SWING_UP_SYSTEM = SwingUpSystem.pilco();
    /** Width of PILCO's saturating cost [m] ({@code cost.width} in PILCO's {@code loss_cp.m}). */
    public static final double COST_WIDTH = 0.25;

    private final String key;
    private final String label;

    CartSystem(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable key of sessions: "balance" or "swingup" (as {@code cartpole rollout --system}). */
    @Override
    public String key() {
        return key;
    }

    /**
     * The system with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static CartSystem fromKey(String key) {
        return Keyed.fromKey(CartSystem.class, key);
    }

    @Override
    public String toString() {
        return label;
    }

    /** Simulated time of one step [s]: tau for balance, the control period for swing-up. */
    public double period() {
        return this == BALANCE ? BALANCE_SYSTEM.tau() : SWING_UP_SYSTEM.controlPeriod();
    }

    /** Steps after which an episode ends without failing: 500 (truncation) or 40 (the 4 s horizon). */
    public int maxSteps() {
        return this == BALANCE ? BALANCE_SYSTEM.maxSteps() : SWING_UP_SYSTEM.horizonSteps();
    }

    /** The force of a push [N]: 10 for both systems. */
    public double maxForce() {
        return this == BALANCE ? BALANCE_SYSTEM.forceMagnitude() : SWING_UP_SYSTEM.maxForce();
    }

    /** The force of a push code -1, 0 or +1 [N]. */
    public double force(int push) {
        return push * maxForce();
    }

    /** Steps per second that run the system in real time: 50 for balance, 10 for swing-up. */
    public double realTimeStepsPerSecond() {
        return 1.0 / period();
    }

    /**
     * One step with the force held, in place.
     *
     * @param s    {x, x', theta, theta'}, overwritten
     * @param work scratch of length {@link SwingUpSystem#WORK_LENGTH}
     */
    public void step(double[] s, double force, double[] work) {
        if (this == BALANCE) {
            BALANCE_SYSTEM.step(s, force);
        } else {
            SWING_UP_SYSTEM.step(s, force, work);
        }
    }

    /** The start of an episode: Gymnasium's random reset (four draws) or PILCO's rest hanging down (no draw). */
    public void reset(double[] s, RandomGenerator rng) {
        if (this == BALANCE) {
            BALANCE_SYSTEM.reset(s, rng);
        } else {
            SWING_UP_SYSTEM.initialState().copyInto(s);
        }
    }

    /** Why an episode ends after {@code steps} steps in state {@code s}, or null while it goes on. */
    public Ending ending(double[] s, int steps) {
        if (this == BALANCE) {
            if (BALANCE_SYSTEM.isTerminal(s)) {
                return Math.abs(s[CartPoleState.X]) > BALANCE_SYSTEM.xThreshold() ? Ending.LEFT_TRACK
                        : Ending.POLE_FELL;
            }
            return steps >= maxSteps() ? Ending.TRUNCATED : null;
        }
        return steps >= maxSteps() ? Ending.HORIZON : null;
    }

    /** Hinge to tip [m]: 2l = 1 m for balance (l is the half-length), l = 0.5 m for swing-up. */
    public double poleLength() {
        return this == BALANCE ? BALANCE_SYSTEM.poleLength() : SWING_UP_SYSTEM.poleLength();
    }

    /** Horizontal direction of the pole from hinge to tip: sin(theta) in both conventions. */
    public double tipDx(double theta) {
        return Math.sin(theta);
    }

    /** Vertical direction of the pole (y up): cos(theta) for balance (0 upright), -cos(theta) for swing-up. */
    public double tipDy(double theta) {
        return this == BALANCE ? Math.cos(theta) : -Math.cos(theta);
    }

    /**
     * What one step adds to the episode's score: Gymnasium's reward 1 for balance (the return is the number of
     * steps); for swing-up PILCO's saturating cost 1 - exp(-d^2 / (2 * 0.25^2)) of the state reached, d the distance
     * of the pole's tip from the upright tip above x = 0 (0 at the target, near 1 far from it; lower is better).
     */
    public double stepScore(double[] s) {
        if (this == BALANCE) {
            return BalanceSystem.REWARD_PER_STEP;
        }
        double l = SWING_UP_SYSTEM.poleLength();
        double theta = s[CartPoleState.THETA];
        double dx = s[CartPoleState.X] + l * Math.sin(theta);
        double dy = l * Math.cos(theta) + l;
        return 1 - Math.exp(-(dx * dx + dy * dy) / (2 * COST_WIDTH * COST_WIDTH));
    }

    /** What the episode's score is called: "return" (balance) or "cost" (swing-up). */
    public String scoreName() {
        return this == BALANCE ? "return" : "cost";
    }

    /** How an episode ended. */
    public enum Ending {
        POLE_FELL("the pole passed 12 degrees"),
        LEFT_TRACK("the cart passed 2.4 m"),
        TRUNCATED("500 steps: truncated"),
        HORIZON("end of the 4 s horizon");

        private final String text;

        Ending(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** True for a failure (balance's termination), false when time ran out. */
        public boolean failed() {
            return this == POLE_FELL || this == LEFT_TRACK;
        }
    }
}
