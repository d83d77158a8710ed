package mbrllab.core.models.transition;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.dynamics.Trajectory;

/**
 * How to get a {@link TransitionModel} of a task from observed trajectories: the settings of one kind (a record)
 * and the fitting itself.
 */
public interface TransitionModelSpec {

    /** Which kind of model this makes. */
    TransitionModelKind kind();

    /**
     * Fits a model to every transition of the trajectories (for learned kinds: {@link TransitionData}).
     *
     * @param task         the task whose dynamics are modelled (the true kind uses its physics; learned kinds only
     *                     the data)
     * @param trajectories observed trajectories (e.g. {@code TaskEpisode.observed()}), at least one transition for
     *                     a learned kind; not modified
     * @param rng          all the randomness of fitting; advanced. The same data and generator state give the same
     *                     model bit for bit, whatever the executor
     * @param executor     runs independent pieces (e.g. one ensemble member each); {@code Runnable::run} for the
     *                     calling thread
     */
    TransitionModel fit(CartPoleTask task, List<Trajectory> trajectories, RandomGenerator rng, Executor executor);

    /** The probabilistic ensemble with {@link EnsembleTransitionSpec#pets()}'s settings. */
    static EnsembleTransitionSpec ensemble() {
        return EnsembleTransitionSpec.pets();
    }

    /** One deterministic net with {@link SingleNetSpec#pets()}'s settings (one ensemble member's, no variance). */
    static SingleNetSpec single() {
        return SingleNetSpec.pets();
    }

    /** The true physics. */
    static TrueDynamicsSpec trueDynamics() {
        return new TrueDynamicsSpec();
    }

    /** The default spec of a kind: {@link #ensemble()}, {@link #single()} or {@link #trueDynamics()}. */
    static TransitionModelSpec of(TransitionModelKind kind) {
        return switch (kind) {
            case ENSEMBLE -> ensemble();
            case SINGLE -> single();
            case TRUE -> trueDynamics();
        };
    }
}
