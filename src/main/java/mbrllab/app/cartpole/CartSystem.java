package mbrllab.app.cartpole;

import java.util.function.ToDoubleFunction;

import mbrllab.core.Keyed;
import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.cartpole.CartPoleEpisode;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.CartPoleSystem;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.control.SwingUpTask;

/**
 * The lab's choice between the two cart-poles, with its label: Gymnasium's CartPole-v1
 * ({@link BalanceSystem#cartPoleV1()}) and PILCO's swing-up ({@link SwingUpSystem#pilco()}, scored by the cost of
 * {@link SwingUpTask#pilco()}). Everything physical comes from the core's {@link CartPoleSystem}
 * ({@link #physics()}); the lab adds how an episode is scored and how its end is told. States are
 * {x, x', theta, theta'} arrays in each system's own convention (theta 0 upright for balance, hanging for
 * swing-up). Every agent of the lab pushes with -F, 0 or +F, F the system's largest force, coded -1, 0, +1.
 */
public enum CartSystem implements Keyed {

    /** Gymnasium's CartPole-v1: Euler steps of 0.02 s, failure at 12 degrees or 2.4 m, truncation at 500 steps. */
    BALANCE("balance", "Balance (CartPole-v1)", BalanceSystem.cartPoleV1(), "return", Ending.TRUNCATED,
            s -> BalanceSystem.REWARD_PER_STEP),
    /** PILCO's swing-up: 0.1 s control periods integrated by Runge-Kutta, episodes of 4 s, no failure. */
    SWING_UP("swingup", "Swing-up (PILCO)", SwingUpSystem.pilco(), "cost", Ending.HORIZON,
            SwingUpTask.pilco()::cost);

    /** The balance system's constants. */
    public static final BalanceSystem BALANCE_SYSTEM = (BalanceSystem) BALANCE.physics;
    /** The swing-up system's constants. */
    public static final SwingUpSystem SWING_UP_SYSTEM = (SwingUpSystem) SWING_UP.physics;
    /**
     * Width of PILCO's saturating cost [m] ({@code cost.width} in PILCO's {@code loss_cp.m}), drawn around the target.
     */
    public static final double COST_WIDTH = SwingUpTask.pilco().costWidth();

    private final String key;
    private final String label;
    private final CartPoleSystem physics;
    private final String scoreName;
    private final Ending timeUp;
    private final ToDoubleFunction<double[]> stepScore;
    /** The swing-up system with one Runge-Kutta substep per period of one substep (see {@link #path}), or null. */
    private final SwingUpSystem substep;

    CartSystem(String key, String label, CartPoleSystem physics, String scoreName, Ending timeUp,
               ToDoubleFunction<double[]> stepScore) {
        this.key = key;
        this.label = label;
        this.physics = physics;
        this.scoreName = scoreName;
        this.timeUp = timeUp;
        this.stepScore = stepScore;
        this.substep = physics instanceof SwingUpSystem su ? new SwingUpSystem(su.gravity(), su.cartMass(),
                su.poleMass(), su.poleLength(), su.friction(), su.maxForce(), su.substepLength(), 1, su.horizon())
                : null;
    }

    /**
     * The states one step passes through as the physics computes them, for drawing it: from {@code from} with
     * {@code force} held, the ends of the swing-up's Runge-Kutta substeps (every 0.01 s; the last is the step's
     * result bit for bit, the same arithmetic). A 0.1 s swing-up step can turn the pole by 90 degrees, more than a
     * curve through its two ends follows. Null for balance: its Euler step of 0.02 s has no states in between.
     *
     * @param from  {x, x', theta, theta'} before the step, not modified
     * @param force the force held [N]
     * @return the states {x, x', theta, theta'} of substep j at 4j..4j+3, j = 0..substeps, or null
     */
    public double[] path(double[] from, double force) {
        if (substep == null) {
            return null;
        }
        int d = CartPoleState.DIMENSION;
        int n = ((SwingUpSystem) physics).substeps();
        double[] out = new double[(n + 1) * d];
        double[] s = from.clone();
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        System.arraycopy(s, 0, out, 0, d);
        for (int j = 1; j <= n; j++) {
            substep.step(s, force, work);
            System.arraycopy(s, 0, out, j * d, d);
        }
        return out;
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

    /** The core system: physics, start, termination, step limit and pole geometry. */
    public CartPoleSystem physics() {
        return physics;
    }

    /** Simulated time of one step [s]: tau for balance, the control period for swing-up. */
    public double period() {
        return physics.controlPeriod();
    }

    /** Steps after which an episode ends without failing: 500 (truncation) or 40 (the 4 s horizon). */
    public int maxSteps() {
        return physics.maxSteps();
    }

    /** The force of a push [N]: 10 for both systems. */
    public double maxForce() {
        return physics.maxForce();
    }

    /** The force of a push code -1, 0 or +1 [N]. */
    public double force(int push) {
        return push * maxForce();
    }

    /** Steps per second that run the system in real time: 50 for balance, 10 for swing-up. */
    public double realTimeStepsPerSecond() {
        return physics.realTimeStepsPerSecond();
    }

    /**
     * One step with the force held, in place.
     *
     * @param s    {x, x', theta, theta'}, overwritten
     * @param work scratch of length {@link CartPoleSystem#workLength()} (or more)
     */
    public void step(double[] s, double force, double[] work) {
        physics.step(s, force, work);
    }

    /** A new step-wise episode of this system with its own step limit (500 or 40). */
    public CartPoleEpisode newEpisode() {
        return new CartPoleEpisode(physics);
    }

    /**
     * Why an episode ended, or null while it goes on: a failure (only balance fails: off the track, else the pole
     * fell), or the step limit (balance's truncation, swing-up's horizon).
     */
    public Ending ending(CartPoleEpisode episode) {
        if (episode.terminated()) {
            return physics instanceof BalanceSystem balance && balance.isOffTrack(episode.state()) ? Ending.LEFT_TRACK
                    : Ending.POLE_FELL;
        }
        return episode.truncated() ? timeUp : null;
    }

    /** Hinge to tip [m]: 2l = 1 m for balance (l is the half-length), l = 0.5 m for swing-up. */
    public double poleLength() {
        return physics.poleLength();
    }

    /** Horizontal direction of the pole from hinge to tip: sin(theta) in both conventions. */
    public double tipDx(double theta) {
        return physics.tipDx(theta);
    }

    /** Vertical direction of the pole (y up): cos(theta) for balance (0 upright), -cos(theta) for swing-up. */
    public double tipDy(double theta) {
        return physics.tipDy(theta);
    }

    /**
     * What one step adds to the episode's score: Gymnasium's reward 1 for balance (the return is the number of
     * steps); for swing-up PILCO's saturating cost of the state reached ({@link SwingUpTask#cost}: 0 with the tip
     * upright above x = 0, near 1 far from it; lower is better).
     */
    public double stepScore(double[] s) {
        return stepScore.applyAsDouble(s);
    }

    /** What the episode's score is called: "return" (balance) or "cost" (swing-up). */
    public String scoreName() {
        return scoreName;
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

        /**
         * The text after a count of steps: the same but for the step limit, whose own count would repeat it ("500
         * steps, 500 steps: truncated" in the replay bar).
         */
        public String afterSteps() {
            return this == TRUNCATED ? "truncated at the step limit" : text;
        }

        /** True for a failure (balance's termination), false when time ran out. */
        public boolean failed() {
            return this == POLE_FELL || this == LEFT_TRACK;
        }
    }
}
