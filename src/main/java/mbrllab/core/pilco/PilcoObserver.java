package mbrllab.core.pilco;

/**
 * Follows a PILCO run while it computes (called on the thread that runs the learner; implementations must be
 * quick). The lab shows the policy search's progress from it; the command line prints the trials.
 */
public interface PilcoObserver {

    /** Observes nothing and never cancels. */
    PilcoObserver NONE = new PilcoObserver() {
    };

    /** What a learning trial is doing. */
    enum Phase {
        /** Fitting the GPs to all data so far. */
        TRAINING_DYNAMICS,
        /** Optimising the policy on the model. */
        OPTIMISING_POLICY,
        /** Running the policy on the real system. */
        APPLYING_POLICY
    }

    /** Trial {@code trial} (1-based) enters a phase. */
    default void phase(int trial, Phase phase) {
    }

    /**
     * The policy search of trial {@code trial} evaluated J (and its gradient) for the {@code evaluation}-th time
     * (1-based); {@code cost} is the value there and {@code best} the lowest so far.
     */
    default void evaluation(int trial, int evaluation, double cost, double best) {
    }

    /** Trial {@code result.trial()} has finished. */
    default void trialFinished(TrialResult result) {
    }

    /**
     * Polled at every evaluation of the policy search and between phases; true stops the run with a
     * CancellationException.
     */
    default boolean isCancelled() {
        return false;
    }
}
