package mbrllab.core.acceleration;

import java.util.random.RandomGenerator;

import mbrllab.core.dqn.ReplayBuffer;
import mbrllab.core.models.transition.IncrementalSingleNet;
import mbrllab.core.models.transition.SingleNetModel;
import mbrllab.core.models.transition.SingleNetSpec;
import mbrllab.core.models.transition.TransitionModel;

/**
 * The learned single deterministic net ({@link SingleNetModel}: the state change from (x, x', theta', sin theta,
 * cos theta, u) by mean squared error, no uncertainty), refitted by warm-started Adam steps
 * ({@link IncrementalSingleNet}).
 */
final class SingleNetRolloutModel implements RolloutModel {

    private final IncrementalSingleNet net;
    private final int refitSteps;
    private final double forceMagnitude;
    private final int capacity;
    private TransitionModel.Stepper stepper;

    SingleNetRolloutModel(LearnedModelParams params, int refitSteps, double forceMagnitude, int capacity) {
        this.net = new IncrementalSingleNet(new SingleNetSpec(params.hidden(), 1, 0, params.batchSize(),
                params.learningRate(), params.weightDecay()));
        this.refitSteps = refitSteps;
        this.forceMagnitude = forceMagnitude;
        this.capacity = capacity;
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public void refit(ReplayBuffer real, RandomGenerator rng) {
        net.train(BufferData.of(real, forceMagnitude), refitSteps, rng);
        stepper = net.model().stepper(capacity);
    }

    @Override
    public long trainingSteps() {
        return net.steps();
    }

    @Override
    public void next(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng) {
        if (stepper == null) {
            throw new IllegalStateException("the model has not been fitted yet");
        }
        stepper.predict(member, states, forces, count, next);
    }
}
