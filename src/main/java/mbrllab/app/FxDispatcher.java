package mbrllab.app;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import mbrllab.app.lab.Dispatcher;

/**
 * The one road from background work to the screen. Background threads {@link #post} an update under a
 * key; on each screen pulse the FX thread runs the latest update of every key once. A thousand posts
 * between two pulses cost one repaint: updates are coalesced to the screen rate.
 */
public final class FxDispatcher implements Dispatcher {

    private final Map<Object, Runnable> pending = new LinkedHashMap<>();
    private final AnimationTimer timer;
    private long pulses;
    /** Recent pulses: the time between pulses and the time the updates took, in ns (ring buffers). */
    private final long[] intervals = new long[4096];
    private final long[] work = new long[4096];
    private int recorded;
    private long lastPulse;

    public FxDispatcher() {
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                drain();
                long end = System.nanoTime();
                if (lastPulse != 0) {
                    int k = recorded++ % intervals.length;
                    intervals[k] = now - lastPulse;
                    work[k] = end - start;
                }
                lastPulse = now;
            }
        };
    }

    /** Starts draining on every pulse. Call on the FX thread. */
    public void start() {
        timer.start();
    }

    /** Stops draining; pending updates are dropped. */
    public void stop() {
        timer.stop();
        synchronized (pending) {
            pending.clear();
        }
    }

    /**
     * Schedules {@code update} to run on the FX thread at the next pulse, replacing an earlier update with
     * the same key that has not run yet. Safe from any thread.
     */
    @Override
    public void post(Object key, Runnable update) {
        synchronized (pending) {
            pending.put(key, update);
        }
    }

    /** Runs every pending update now. FX thread only; called by the pulse timer and by tests. */
    public void drain() {
        Runnable[] updates;
        synchronized (pending) {
            if (pending.isEmpty()) {
                pulses++;
                return;
            }
            updates = pending.values().toArray(new Runnable[0]);
            pending.clear();
        }
        pulses++;
        for (Runnable update : updates) {
            update.run();
        }
    }

    /**
     * Statistics of the recent pulses (up to 4096): {p50, p95, max} of the interval between pulses and of the
     * time spent applying updates on the FX thread, in milliseconds; zeros before two pulses.
     */
    public double[][] frameStats() {
        int n = Math.min(recorded, intervals.length);
        if (n == 0) {
            return new double[2][3];
        }
        return new double[][] {stats(intervals, n), stats(work, n)};
    }

    /** Forgets the recorded pulses (to measure one phase). */
    public void resetFrameStats() {
        recorded = 0;
        lastPulse = 0;
    }

    private static double[] stats(long[] values, int n) {
        long[] sorted = java.util.Arrays.copyOf(values, n);
        java.util.Arrays.sort(sorted);
        return new double[] {sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1)] / 1e6,
            sorted[n - 1] / 1e6};
    }

    /** Number of pulses seen so far (for frame statistics). */
    public long pulses() {
        return pulses;
    }

    /** Runs {@code r} on the FX thread soon, without coalescing (for one-off events such as errors). */
    public static void later(Runnable r) {
        Platform.runLater(r);
    }
}
