package mbrllab.app.lab;

/**
 * One frame from a {@link LockStepRunner} with the run's state when it was made.
 *
 * @param frame          the lab's frame
 * @param ticks          lock-step ticks so far
 * @param stampNanos     when the last tick was due on the runner's clock (animations interpolate from it)
 * @param periodNanos    wall time between ticks at the current speed, 0 for none (full speed, a reset, a jump)
 * @param playing        whether the runner plays after this frame
 * @param playCommand    the number of the last play/pause command the runner had carried out, so that a frame made
 *                       before a command is not taken for the runner's answer to it
 * @param pausedByItself true on the frame where playing stopped by itself ({@link Ticker.After#PAUSE})
 * @param <F>            the lab's frame type
 */
public record Publication<F>(F frame, long ticks, long stampNanos, long periodNanos, boolean playing,
                             long playCommand, boolean pausedByItself) {

    /**
     * The fraction of the way from the previous tick to this one at time {@code now}, in [0, 1]; 1 without a period.
     */
    public double alpha(long now) {
        if (periodNanos <= 0) {
            return 1;
        }
        return Math.max(0, Math.min(1, (double) (now - stampNanos) / periodNanos));
    }
}
