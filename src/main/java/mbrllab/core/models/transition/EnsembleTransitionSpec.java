package mbrllab.core.models.transition;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.ensemble.EnsembleSpec;

/**
 * A probabilistic ensemble on state differences ({@link EnsembleTransitionModel}), trained by
 * {@link EnsembleSpec#fit} (bootstrapped members, Gaussian negative log-likelihood, bounded log-variance).
 *
 * @param ensemble the ensemble's settings; not null
 */
public record EnsembleTransitionSpec(EnsembleSpec ensemble) implements TransitionModelSpec {

    public EnsembleTransitionSpec {
        if (ensemble == null) {
            throw new IllegalArgumentException("ensemble must not be null");
        }
    }

    /** {@link EnsembleSpec#dynamics()}: 5 members, two hidden layers of 64, 50 epochs and at least 2,000 steps. */
    public static EnsembleTransitionSpec pets() {
        return new EnsembleTransitionSpec(EnsembleSpec.dynamics());
    }

    @Override
    public TransitionModelKind kind() {
        return TransitionModelKind.ENSEMBLE;
    }

    @Override
    public EnsembleTransitionModel fit(CartPoleTask task, List<Trajectory> trajectories, RandomGenerator rng,
                                       Executor executor) {
        return new EnsembleTransitionModel(ensemble.fit(TransitionData.of(trajectories), rng, executor));
    }
}
