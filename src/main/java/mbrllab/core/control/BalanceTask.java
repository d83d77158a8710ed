package mbrllab.core.control;

import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.BalanceSystem;

/**
 * Balancing with a continuous force: Gymnasium's CartPole-v1 physics and start ({@link BalanceSystem#reset}: every
 * component uniform in [-0.05, 0.05]), any force in [-maxForce, maxForce] instead of two pushes, reward +1 per step
 * (the terminating step included), terminated as Gymnasium (|theta| &gt; 12 degrees or |x| &gt; 2.4 m), truncated
 * after {@link BalanceSystem#maxSteps()} steps. The learner sees the state without noise.
 *
 * @param system   the physics, its termination rule and its step limit
 * @param maxForce |F| limit [N], in (0, 1e6]
 */
public record BalanceTask(BalanceSystem system, double maxForce) implements CartPoleTask {

    public BalanceTask {
        if (system == null) {
            throw new IllegalArgumentException("system must not be null");
        }
        if (!(maxForce > 0 && maxForce <= 1e6)) {
            throw new IllegalArgumentException("maxForce must be in (0, 1000000.0], got " + maxForce);
        }
    }

    /** CartPole-v1 with a force in [-10, 10] N, 500 steps. */
    public static BalanceTask cartPoleV1() {
        BalanceSystem system = BalanceSystem.cartPoleV1();
        return new BalanceTask(system, system.forceMagnitude());
    }

    @Override
    public int steps() {
        return system.maxSteps();
    }

    @Override
    public double controlPeriod() {
        return system.tau();
    }

    @Override
    public int workLength() {
        return 0;
    }

    @Override
    public void reset(double[] s, RandomGenerator rng) {
        system.reset(s, rng);
    }

    @Override
    public void step(double[] s, double force, double[] work) {
        if (!Double.isFinite(force)) {
            throw new IllegalArgumentException("force must be finite, got " + force);
        }
        system.step(s, clip(force));
    }

    /** +1 for every step, the failing one included (Gymnasium). */
    @Override
    public double reward(double[] next) {
        return BalanceSystem.REWARD_PER_STEP;
    }

    @Override
    public boolean isTerminal(double[] s) {
        return system.isTerminal(s);
    }

    @Override
    public double observationNoiseStd() {
        return 0;
    }
}
