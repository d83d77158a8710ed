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
     * @param stepsPerCurve one array per curve, owned by the experiment, read only: for
     *                      {@link LearningCurveExperiment} the steps of episode e for the i-th n; for
     *                      {@link CumulativeRewardExperiment} the goals of the i-th agent after step t + 1
     */
    default void runFinished(int run, int[][] stepsPerCurve) {
    }

    /**
     * Called when another task of an experiment without per-run curves ({@link UpdatesToOptimalExperiment}) has
     * finished: {@code done} of {@code total}.
     */
    default void taskFinished(int done, int total) {
    }

    /** Polled between episodes; returning true stops the experiment soon. */
    default boolean isCancelled() {
        return false;
    }
}
