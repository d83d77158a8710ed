package mbrllab.core.dyna;

/**
 * Follows an experiment while it runs. Methods are called from the threads that compute the runs,
 * possibly at the same time; implementations must be thread-safe and quick.
 */
public interface ExperimentObserver {

    /** Observes nothing and never cancels. */
    ExperimentObserver NONE = new ExperimentObserver() {
    };

    /**
     * Called when run {@code run} (0-based) has finished all its curves.
     *
     * @param stepsPerCurve stepsPerCurve[i][e]: steps of episode e for the i-th n; owned by the experiment, read only
     */
    default void runFinished(int run, int[][] stepsPerCurve) {
    }

    /** Polled between episodes; returning true stops the experiment soon. */
    default boolean isCancelled() {
        return false;
    }
}
