package mbrllab.core.planning;

import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.transition.TransitionModel;

/**
 * A model-predictive planner over action sequences (the lecture's "learn a model and use it to plan"): from the
 * observed state it searches for the sequence u_1..u_H with the best J under the model ({@link SequenceScorer});
 * under MPC the first force is executed and the search starts again at the next state.
 *
 * <p>A search can be run round by round ({@link #begin}, then {@link Search#iterate} for a step mode that shows CEM
 * contracting) or at once ({@link #plan}). Finishing a search assumes that its first force is executed: the next
 * search warm-starts from the plan shifted one step forward (CEM). One search at a time per planner. The core owns
 * no threads: the scoring runs on the executor given to {@link #create}.
 */
public interface Planner {

    /** The settings. */
    PlannerSettings settings();

    /** The model the plans are made with. */
    TransitionModel model();

    /**
     * Starts a search from the observed state.
     *
     * @param observation the state to plan from, length 4; copied
     * @param rng         the search's randomness (candidates, particles); advanced as the search goes on
     * @param record      whether each {@link Iteration} keeps the predicted states of every candidate (for drawing)
     */
    Search begin(double[] observation, RandomGenerator rng, boolean record);

    /** A whole search without recording: {@code begin(observation, rng, false).finish()}. */
    default Plan plan(double[] observation, RandomGenerator rng) {
        return begin(observation, rng, false).finish();
    }

    /** Forgets the warm start (a new episode begins). */
    void reset();

    /**
     * A planner of the kind the settings name.
     *
     * @throws IllegalArgumentException if the propagation does not apply to the model's kind
     */
    static Planner create(CartPoleTask task, TransitionModel model, PlannerSettings settings, Executor executor) {
        return switch (settings.planner()) {
            case CEM -> new CrossEntropyMethod(task, model, settings, executor);
            case RANDOM_SHOOTING -> new RandomShooting(task, model, settings, executor);
        };
    }

    /** A search in progress. */
    interface Search {

        /** Rounds the search makes in all. */
        int iterations();

        /** Rounds made so far. */
        int completed();

        /** Whether every round has been made. */
        default boolean isComplete() {
            return completed() >= iterations();
        }

        /**
         * Makes the next round.
         *
         * @throws IllegalStateException if the search is complete or finished
         */
        Iteration iterate();

        /**
         * Makes the remaining rounds, scores the chosen sequence afresh and commits the warm start for the next
         * control step.
         *
         * @throws IllegalStateException if called twice
         */
        Plan finish();
    }
}
