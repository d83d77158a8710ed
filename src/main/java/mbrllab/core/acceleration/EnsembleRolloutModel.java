package mbrllab.core.acceleration;

import java.util.random.RandomGenerator;

import mbrllab.core.dqn.ReplayBuffer;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.ensemble.IncrementalEnsemble;
import mbrllab.core.models.transition.EnsembleTransitionModel;
import mbrllab.core.models.transition.TransitionData;
import mbrllab.core.models.transition.TransitionModel;

/**
 * The learned probabilistic ensemble ({@link EnsembleTransitionModel}: state changes from (x, x', theta', sin theta,
 * cos theta, u)), refitted by warm-started Adam steps ({@link IncrementalEnsemble}); next states are sampled from a
 * member's Gaussian.
 */
final class EnsembleRolloutModel implements RolloutModel {

    /** Weight of the log-variance bound penalty (PETS, as {@link EnsembleSpec#dynamics()}). */
    static final double BOUND_PENALTY = 0.01;

    private final IncrementalEnsemble ensemble;
    private final int refitSteps;
    private final double forceMagnitude;
    private final int capacity;
    private TransitionModel.Stepper stepper;

    EnsembleRolloutModel(LearnedModelParams params, int refitSteps, double forceMagnitude, int capacity) {
        EnsembleSpec spec = new EnsembleSpec(params.members(), params.hidden(), 1, 0, params.batchSize(),
                params.learningRate(), params.weightDecay(), BOUND_PENALTY);
        this.ensemble = new IncrementalEnsemble(spec, TransitionData.INPUT_DIM, TransitionData.OUTPUT_DIM);
        this.refitSteps = refitSteps;
        this.forceMagnitude = forceMagnitude;
        this.capacity = capacity;
    }

    @Override
    public int members() {
        return ensemble.spec().members();
    }

    @Override
    public void refit(ReplayBuffer real, RandomGenerator rng) {
        ensemble.train(BufferData.of(real, forceMagnitude), refitSteps, rng);
        stepper = new EnsembleTransitionModel(ensemble.model()).stepper(capacity);
    }

    @Override
    public long trainingSteps() {
        return ensemble.steps();
    }

    @Override
    public void next(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng) {
        if (stepper == null) {
            throw new IllegalStateException("the model has not been fitted yet");
        }
        stepper.sample(member, states, forces, count, next, rng);
    }
}
