package mbrllab.core.models.transition;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.dynamics.Trajectory;

/** The true physics of the task ({@link TrueTransitionModel}): nothing to fit, no data needed, no draws. */
public record TrueDynamicsSpec() implements TransitionModelSpec {

    @Override
    public TransitionModelKind kind() {
        return TransitionModelKind.TRUE;
    }

    @Override
    public TrueTransitionModel fit(CartPoleTask task, List<Trajectory> trajectories, RandomGenerator rng,
                                   Executor executor) {
        return new TrueTransitionModel(task);
    }
}
