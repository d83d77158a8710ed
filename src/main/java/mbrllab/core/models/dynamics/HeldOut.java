package mbrllab.core.models.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Held-out test windows for multi-step prediction: one window of H steps from each held-out episode. */
public final class HeldOut {

    private HeldOut() {
    }

    /**
     * From each episode, the window of {@code horizon} steps starting at a step drawn uniformly from
     * 0 .. T - H (one nextInt per episode, in order).
     *
     * @throws IllegalArgumentException if an episode is shorter than the horizon
     */
    public static List<Trajectory> windows(List<Trajectory> episodes, int horizon, RandomGenerator rng) {
        List<Trajectory> out = new ArrayList<>(episodes.size());
        for (Trajectory e : episodes) {
            if (horizon < 1 || horizon > e.length()) {
                throw new IllegalArgumentException("horizon must be in 1.." + e.length() + ", got " + horizon);
            }
            int from = rng.nextInt(e.length() - horizon + 1);
            out.add(e.window(from, horizon));
        }
        return out;
    }
}
