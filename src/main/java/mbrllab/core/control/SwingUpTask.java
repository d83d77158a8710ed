package mbrllab.core.control;

import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.SwingUpSystem;

/**
 * The cart-pole swing-up of PILCO (Deisenroth and Rasmussen 2011; pilco-matlab's scenarios/cartPole), the one
 * task that the planning lab (PETS) and the PILCO lab share so that they compare trial for trial.
 *
 * <ul>
 *   <li>Physics: {@link SwingUpSystem#pilco()} (theta = 0 hanging, pi upright), the force clipped to [-10, 10] N
 *       and held for 0.1 s, {@link #steps()} = 40 control steps (4 s).</li>
 *   <li>Start: s_0 ~ N(0, startStd^2 I) around hanging at rest, startStd = 0.1 (four normals, in state order).</li>
 *   <li>Observation: the learner and its policy see s + N(0, observationNoiseStd^2 I), std 0.01; the true states
 *       are what is drawn and exported.</li>
 *   <li>Cost of a state: c(s) = 1 - exp(-d^2 / (2 costWidth^2)), costWidth = 0.25 m, with d the distance of the
 *       pole tip from its upright position above x = 0:
 *       <pre>
 *       tip    = (x + l sin(theta), -l cos(theta))      target = (0, l)
 *       d^2    = (x + l sin(theta))^2 + l^2 (1 + cos(theta))^2
 *       </pre></li>
 *   <li>Reward of step t: 1 - c(s_{t+1}); the return of an episode is steps - (its cost summed over the states
 *       s_1 .. s_40 after the start).</li>
 *   <li>Success: d &lt; successRadius = 0.1 m at every state s_t with t * dt &gt;= successFrom = 3.0 s (the 11
 *       states of the last second, s_30 .. s_40).</li>
 * </ul>
 *
 * @param system              the physics (pole length l = {@link SwingUpSystem#poleLength()})
 * @param steps               control steps per episode, in [1, 100,000]
 * @param startStd            standard deviation of each start component, in [0, 10]
 * @param observationNoiseStd standard deviation of the observation noise, in [0, 10]
 * @param costWidth           width of the saturating cost [m], in (0, 100]
 * @param successRadius       tip distance that counts as on target [m], in (0, 100]
 * @param successFrom         time from which every state must be on target [s], in [0, steps * dt]
 */
public record SwingUpTask(SwingUpSystem system, int steps, double startStd, double observationNoiseStd,
                          double costWidth, double successRadius, double successFrom) implements CartPoleTask {

    public SwingUpTask {
        if (system == null) {
            throw new IllegalArgumentException("system must not be null");
        }
        if (steps < 1 || steps > 100_000) {
            throw new IllegalArgumentException("steps must be in [1, 100000], got " + steps);
        }
        if (!(startStd >= 0 && startStd <= 10)) {
            throw new IllegalArgumentException("startStd must be in [0, 10], got " + startStd);
        }
        if (!(observationNoiseStd >= 0 && observationNoiseStd <= 10)) {
            throw new IllegalArgumentException("observationNoiseStd must be in [0, 10], got " + observationNoiseStd);
        }
        if (!(costWidth > 0 && costWidth <= 100)) {
            throw new IllegalArgumentException("costWidth must be in (0, 100], got " + costWidth);
        }
        if (!(successRadius > 0 && successRadius <= 100)) {
            throw new IllegalArgumentException("successRadius must be in (0, 100], got " + successRadius);
        }
        double end = steps * system.controlPeriod();
        if (!(successFrom >= 0 && successFrom <= end + 1e-9)) {
            throw new IllegalArgumentException("successFrom must be in [0, " + end + "] s, got " + successFrom);
        }
    }

    /**
     * PILCO's settings: 40 steps of 0.1 s, start std 0.1, observation noise 0.01, cost width 0.25 m, success within
     * 0.1 m from 3 s on.
     */
    public static SwingUpTask pilco() {
        return new SwingUpTask(SwingUpSystem.pilco(), 40, 0.1, 0.01, 0.25, 0.1, 3.0);
    }

    /** The same task with another number of control steps (the success window keeps its length before the end). */
    public SwingUpTask withSteps(int newSteps) {
        double window = steps * system.controlPeriod() - successFrom;
        double from = Math.max(0, newSteps * system.controlPeriod() - window);
        return new SwingUpTask(system, newSteps, startStd, observationNoiseStd, costWidth, successRadius, from);
    }

    @Override
    public double maxForce() {
        return system.maxForce();
    }

    @Override
    public double controlPeriod() {
        return system.controlPeriod();
    }

    @Override
    public int workLength() {
        return SwingUpSystem.WORK_LENGTH;
    }

    /** s_0 = startStd * (four standard normals, drawn in state order) around hanging at rest. */
    @Override
    public void reset(double[] s, RandomGenerator rng) {
        for (int i = 0; i < STATE_DIM; i++) {
            s[i] = startStd * rng.nextGaussian();
        }
    }

    @Override
    public void step(double[] s, double force, double[] work) {
        system.step(s, force, work);
    }

    /** 1 - c(next). */
    @Override
    public double reward(double[] next) {
        return 1 - cost(next);
    }

    /** Never: the swing-up runs its full horizon. */
    @Override
    public boolean isTerminal(double[] s) {
        return false;
    }

    /** The pole length l [m]. */
    public double poleLength() {
        return system.poleLength();
    }

    /** d^2 = (x + l sin(theta))^2 + l^2 (1 + cos(theta))^2, the squared tip distance from upright above x = 0. */
    public double tipDistanceSquared(double[] s) {
        double l = system.poleLength();
        double theta = s[CartPoleState.THETA];
        double dx = s[CartPoleState.X] + l * Math.sin(theta);
        double dy = l * (1 + Math.cos(theta));
        return dx * dx + dy * dy;
    }

    /** d, the tip distance from its upright target [m]. */
    public double tipDistance(double[] s) {
        return Math.sqrt(tipDistanceSquared(s));
    }

    /** c(s) = 1 - exp(-d^2 / (2 costWidth^2)), in [0, 1). */
    public double cost(double[] s) {
        return 1 - Math.exp(-tipDistanceSquared(s) / (2 * costWidth * costWidth));
    }

    /** Index of the first state of the success window: the smallest t with t * dt &gt;= successFrom (30). */
    public int successFromStep() {
        return (int) Math.ceil(successFrom / system.controlPeriod() - 1e-9);
    }

    /**
     * The summed cost of the states s_1 .. s_T after the start.
     *
     * @param states (T+1) x 4 row-major, s_0 first; not modified
     */
    public double totalCost(double[] states) {
        int count = states.length / STATE_DIM;
        double[] s = new double[STATE_DIM];
        double sum = 0;
        for (int t = 1; t < count; t++) {
            System.arraycopy(states, t * STATE_DIM, s, 0, STATE_DIM);
            sum += cost(s);
        }
        return sum;
    }

    /**
     * True when the episode is a success: it has all {@link #steps()} + 1 states and the tip is within
     * successRadius of its target at every state from {@link #successFromStep()} on.
     *
     * @param states (T+1) x 4 row-major, s_0 first; not modified
     */
    public boolean isSuccess(double[] states) {
        int count = states.length / STATE_DIM;
        if (count < steps + 1) {
            return false;
        }
        double r2 = successRadius * successRadius;
        double[] s = new double[STATE_DIM];
        for (int t = successFromStep(); t <= steps; t++) {
            System.arraycopy(states, t * STATE_DIM, s, 0, STATE_DIM);
            if (!(tipDistanceSquared(s) < r2)) {
                return false;
            }
        }
        return true;
    }
}
