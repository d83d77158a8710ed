package mbrllab.core.acceleration;

import java.util.random.RandomGenerator;

import mbrllab.core.control.BalanceTask;
import mbrllab.core.dqn.ReplayBuffer;

/** The task's own physics as a model: exact, nothing to learn. */
final class TruePhysicsModel implements RolloutModel {

    private final BalanceTask task;
    private final double[] s = new double[ReplayBuffer.D];
    private final double[] work;

    TruePhysicsModel(BalanceTask task) {
        this.task = task;
        this.work = new double[task.workLength()];
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public void refit(ReplayBuffer real, RandomGenerator rng) {
    }

    @Override
    public long trainingSteps() {
        return 0;
    }

    @Override
    public void next(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng) {
        int d = ReplayBuffer.D;
        for (int b = 0; b < count; b++) {
            System.arraycopy(states, b * d, s, 0, d);
            task.step(s, forces[b], work);
            System.arraycopy(s, 0, next, b * d, d);
        }
    }
}
