package mbrllab.core.acceleration;

/**
 * What one run of one setting did.
 *
 * @param returns      return (steps balanced) of each finished episode
 * @param realSteps    real steps taken by the end of each finished episode (cumulative)
 * @param counters     the process counters at the end of the run
 * @param rolloutError the k-step model error at the end of the run; null for real-only, and for a learned model
 *                     that the run ended before fitting (it stopped before the DQN's learning start)
 */
public record RunRecord(int[] returns, int[] realSteps, ProcessCounters counters, RolloutError rolloutError) {

    public RunRecord {
        if (returns.length != realSteps.length) {
            throw new IllegalArgumentException("returns and realSteps must have the same length");
        }
    }

    /** Episodes finished. */
    public int episodes() {
        return returns.length;
    }

    /**
     * The real steps taken by the end of the first episode e (1-based, e &gt;= window) at which the mean return of
     * episodes e - window + 1 .. e reaches the threshold; -1 when no such episode exists.
     *
     * @param window    episodes averaged, &gt;= 1
     * @param threshold the return to reach
     */
    public int stepsToThreshold(int window, double threshold) {
        int e = thresholdEpisode(window, threshold);
        return e < 0 ? -1 : realSteps[e];
    }

    /**
     * The real steps before the {@code window} episodes that first reach the threshold (see {@link #stepsToThreshold}):
     * the part of a run's steps to the threshold in which it learned, without the episodes that show it; -1 when no
     * such episode exists. The steps of those episodes themselves are {@code stepsToThreshold - stepsBeforeWindow},
     * at least {@code window * threshold}.
     */
    public int stepsBeforeWindow(int window, double threshold) {
        int e = thresholdEpisode(window, threshold);
        return e < 0 ? -1 : e >= window ? realSteps[e - window] : 0;
    }

    /** The index of the first episode whose window reaches the threshold, or -1. */
    private int thresholdEpisode(int window, double threshold) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        long sum = 0;
        for (int e = 0; e < returns.length; e++) {
            sum += returns[e];
            if (e >= window) {
                sum -= returns[e - window];
            }
            if (e >= window - 1 && sum >= threshold * window) {
                return e;
            }
        }
        return -1;
    }
}
