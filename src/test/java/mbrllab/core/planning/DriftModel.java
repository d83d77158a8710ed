package mbrllab.core.planning;

import java.util.random.RandomGenerator;

import mbrllab.core.models.transition.TransitionModel;
import mbrllab.core.models.transition.TransitionModelKind;

/**
 * A test model whose answers are known by hand: member b moves x by (b + 1) * drift + gain * u and leaves the rest
 * of the state as it is; it calls itself an ensemble so that every propagation applies. A member listed in
 * {@code broken} answers NaN. Counts the rows it is asked for.
 */
final class DriftModel implements TransitionModel {

    final int members;
    final double drift;
    final double gain;
    final int broken;
    long rows;

    DriftModel(int members, double drift, double gain, int broken) {
        this.members = members;
        this.drift = drift;
        this.gain = gain;
        this.broken = broken;
    }

    @Override
    public TransitionModelKind kind() {
        return TransitionModelKind.ENSEMBLE;
    }

    @Override
    public int members() {
        return members;
    }

    @Override
    public boolean stochastic() {
        return false;
    }

    @Override
    public Stepper stepper(int capacity) {
        return new Stepper() {
            @Override
            public TransitionModel model() {
                return DriftModel.this;
            }

            @Override
            public void predict(int member, double[] states, double[] forces, int count, double[] next) {
                synchronized (DriftModel.this) {
                    rows += count;
                }
                for (int r = 0; r < count; r++) {
                    for (int i = 0; i < 4; i++) {
                        next[r * 4 + i] = states[r * 4 + i];
                    }
                    next[r * 4] += (member + 1) * drift + gain * forces[r];
                    if (member == broken) {
                        next[r * 4] = Double.NaN;
                    }
                }
            }

            @Override
            public void sample(int member, double[] states, double[] forces, int count, double[] next,
                               RandomGenerator rng) {
                predict(member, states, forces, count, next);
            }
        };
    }
}
