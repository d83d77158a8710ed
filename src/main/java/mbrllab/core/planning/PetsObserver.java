package mbrllab.core.planning;

import mbrllab.core.models.transition.TransitionModel;

/** Follows a PETS run; called on the thread that runs the loop. Implementations must be quick. */
public interface PetsObserver {

    /** Observes nothing and never cancels. */
    PetsObserver NONE = new PetsObserver() {
    };

    /** Whether the planner should keep every candidate's predicted states ({@link Iteration#states()}). */
    default boolean recordRollouts() {
        return false;
    }

    /** The model for episode {@code episode} has been fitted. */
    default void modelFitted(int episode, TransitionModel model) {
    }

    /**
     * A plan was made at control step {@code step} of episode {@code episode} from {@code observation} (read only);
     * its first force is executed next.
     */
    default void planned(int episode, int step, double[] observation, Plan plan) {
    }

    /** An episode has ended. */
    default void episodeFinished(PetsEpisode episode) {
    }

    /** Polled at every control step; returning true stops the run (the unfinished episode is dropped). */
    default boolean isCancelled() {
        return false;
    }
}
