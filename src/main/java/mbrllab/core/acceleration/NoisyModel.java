package mbrllab.core.acceleration;

import java.util.random.RandomGenerator;

import mbrllab.core.dqn.ReplayBuffer;

/**
 * Another model's next states plus Gaussian noise: component i gets a standard deviation of {@code noise} times
 * {@link RolloutError#SCALE}[i], drawn afresh for every state of every step. Wrapped around the true physics it is a
 * model whose one-step error is known: its {@link RolloutError} at k = 1 is {@code noise} in expectation.
 */
final class NoisyModel implements RolloutModel {

    private final RolloutModel inner;
    private final double[] sd = new double[ReplayBuffer.D];

    NoisyModel(RolloutModel inner, double noise) {
        if (inner == null) {
            throw new IllegalArgumentException("inner must not be null");
        }
        if (!(noise > 0 && noise <= AccelerationSetting.MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be in (0, " + AccelerationSetting.MAX_NOISE + "], got "
                    + noise);
        }
        this.inner = inner;
        for (int i = 0; i < sd.length; i++) {
            sd[i] = noise * RolloutError.SCALE[i];
        }
    }

    @Override
    public int members() {
        return inner.members();
    }

    @Override
    public void refit(ReplayBuffer real, RandomGenerator rng) {
        inner.refit(real, rng);
    }

    @Override
    public long trainingSteps() {
        return inner.trainingSteps();
    }

    @Override
    public void next(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng) {
        inner.next(member, states, forces, count, next, rng);
        int d = sd.length;
        for (int row = 0; row < count; row++) {
            for (int i = 0; i < d; i++) {
                next[row * d + i] += sd[i] * rng.nextGaussian();
            }
        }
    }
}
