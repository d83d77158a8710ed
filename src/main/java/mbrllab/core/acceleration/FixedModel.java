package mbrllab.core.acceleration;

import java.util.random.RandomGenerator;

import mbrllab.core.dqn.ReplayBuffer;
import mbrllab.core.models.transition.TransitionModel;

/** A transition model that is given, not learned (the true physics): refits do nothing. */
final class FixedModel implements RolloutModel {

    private final TransitionModel.Stepper stepper;
    private final int members;

    FixedModel(TransitionModel model, int capacity) {
        this.stepper = model.stepper(capacity);
        this.members = model.members();
    }

    @Override
    public int members() {
        return members;
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
        stepper.sample(member, states, forces, count, next, rng);
    }
}
