package mbrllab.app.cartpole;

import java.util.List;

/**
 * Every pane's frame after one lock-step tick, with the timing the animation interpolates by: the tick was due at
 * {@code stampNanos} (System.nanoTime), and ticks come every {@code periodNanos} at the current speed. The view
 * draws, at time t, the state between {@link CartFrame#previous()} and {@link CartFrame#state()} at the fraction
 * (t - stamp) / period: one tick behind the physics, and smooth. A period of 0 means "no interpolation" (full
 * speed, or after a reset).
 *
 * @param panes       one frame per cart, in pane order
 * @param stampNanos  when the last tick was due
 * @param periodNanos wall time between ticks, or 0
 * @param ticks       lock-step ticks so far
 */
public record Frames(List<CartFrame> panes, long stampNanos, long periodNanos, long ticks) {

    /** The fraction of the way from previous to state at time {@code now}, in [0, 1]. */
    public double alpha(long now) {
        if (periodNanos <= 0) {
            return 1;
        }
        return Math.max(0, Math.min(1, (double) (now - stampNanos) / periodNanos));
    }
}
