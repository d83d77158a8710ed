package mbrllab.core.dyna.debug;

/**
 * How the debugger's timeline trades memory for seek time. A snapshot (a copy of the agent) is kept every
 * K updates, starting with K = {@code initialInterval}; when more than {@code maxSnapshots} exist, every other
 * one is dropped and K doubles. So the snapshots sit at 0, K, 2K, ... up to the furthest point computed, never
 * more than {@code maxSnapshots} of them between calls, and after T updates K &lt;= max(initialInterval,
 * 2 T / maxSnapshots). A seek replays at most K updates from the nearest snapshot.
 *
 * @param initialInterval K at the start, in [1, 2^30]
 * @param maxSnapshots    the cap on snapshots held, in [2, 2^20]
 */
public record TimelineParams(int initialInterval, int maxSnapshots) {

    public TimelineParams {
        if (initialInterval < 1 || initialInterval > (1 << 30)) {
            throw new IllegalArgumentException("initialInterval must be in [1, 2^30], got " + initialInterval);
        }
        if (maxSnapshots < 2 || maxSnapshots > (1 << 20)) {
            throw new IllegalArgumentException("maxSnapshots must be in [2, 2^20], got " + maxSnapshots);
        }
    }

    /** K = 256 at first, at most 1024 snapshots. */
    public static TimelineParams defaults() {
        return new TimelineParams(256, 1024);
    }
}
