package mbrllab.core.acceleration;

/**
 * Follows a running {@link AccelerationExperiment}. Called from the threads that compute the runs, possibly at the
 * same time: implementations must be thread-safe and quick.
 */
public interface AccelerationObserver {

    /** Observes nothing and never cancels. */
    AccelerationObserver NONE = new AccelerationObserver() {
    };

    /** Run {@code run} of setting {@code setting} (indices into the spec) has finished. */
    default void runFinished(int setting, int run, RunRecord record) {
    }

    /** Polled after every episode; returning true stops the experiment soon. */
    default boolean isCancelled() {
        return false;
    }
}
