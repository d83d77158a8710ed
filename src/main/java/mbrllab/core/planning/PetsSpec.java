package mbrllab.core.planning;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.transition.TransitionModelSpec;

/**
 * A PETS run (Chua et al. 2018; the lecture's "learn a model and use it to plan"): episode 1 with uniformly
 * random forces, then per episode: fit the model to all the data so far, act one episode by MPC (plan at every
 * control step, execute the first force), add the episode to the data.
 *
 * @param task     the task (its physics, reward, termination and observation noise)
 * @param model    how the model is fitted
 * @param planner  the planner's settings; its propagation must apply to the model's kind
 * @param episodes episodes in all, the random one included, in [1, 10,000]
 * @param seed     the seed of all randomness: the same spec gives the same episodes bit for bit
 */
public record PetsSpec(CartPoleTask task, TransitionModelSpec model, PlannerSettings planner, int episodes,
                       long seed) {

    public PetsSpec {
        if (task == null || model == null || planner == null) {
            throw new IllegalArgumentException("task, model and planner must not be null");
        }
        if (episodes < 1 || episodes > 10_000) {
            throw new IllegalArgumentException("episodes must be in [1, 10000], got " + episodes);
        }
        if (!planner.propagation().supports(model.kind())) {
            throw new IllegalArgumentException("propagation " + planner.propagation().id() + " needs an ensemble; the "
                    + model.kind().label() + " has one deterministic member (use the mean propagation)");
        }
    }

    /** The task's default planner (see {@link PlannerSettings#defaults}) with the probabilistic ensemble. */
    public static PetsSpec defaults(CartPoleTask task, int episodes, long seed) {
        return new PetsSpec(task, TransitionModelSpec.ensemble(), PlannerSettings.defaults(task), episodes, seed);
    }
}
