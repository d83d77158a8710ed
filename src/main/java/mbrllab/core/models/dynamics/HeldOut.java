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
     * 0 .. T - H (one nextInt per episode, in order): {@code windows(episodes, horizon, offsets(...))}.
     *
     * @throws IllegalArgumentException if an episode is shorter than the horizon
     */
    public static List<Trajectory> windows(List<Trajectory> episodes, int horizon, RandomGenerator rng) {
        return windows(episodes, horizon, offsets(episodes, horizon, rng));
    }

    /** The start step of each episode's window, drawn uniformly from 0 .. T - H, one nextInt per episode. */
    public static int[] offsets(List<Trajectory> episodes, int horizon, RandomGenerator rng) {
        int[] from = new int[episodes.size()];
        for (int i = 0; i < from.length; i++) {
            Trajectory e = episodes.get(i);
            if (horizon < 1 || horizon > e.length()) {
                throw new IllegalArgumentException("horizon must be in 1.." + e.length() + ", got " + horizon);
            }
            from[i] = rng.nextInt(e.length() - horizon + 1);
        }
        return from;
    }

    /** The window of {@code horizon} steps from step {@code offsets[i]} of episode i. */
    public static List<Trajectory> windows(List<Trajectory> episodes, int horizon, int[] offsets) {
        List<Trajectory> out = new ArrayList<>(episodes.size());
        for (int i = 0; i < offsets.length; i++) {
            out.add(episodes.get(i).window(offsets[i], horizon));
        }
        return out;
    }
}
