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
 *
 * <p>The pulse timer runs only while there is work: after {@value #IDLE_PULSES} pulses with nothing posted it
 * stops (a running timer makes JavaFX pulse 60 times a second, also with nothing to draw), and the next post starts
 * it again.
 */
public final class FxDispatcher implements Dispatcher {

    private final Map<Object, Runnable> pending = new LinkedHashMap<>();
    private final AnimationTimer timer;
    /** Recent pulses: the time between pulses and the time the updates took, in ns (ring buffers). */
    private final long[] intervals = new long[4096];
    private final long[] work = new long[4096];
    private int recorded;
    private long lastPulse;
    /** Pulses with nothing to run, the timer stops after this many in a row. */
    static final int IDLE_PULSES = 30;
    private int idlePulses;
    /** Pulses that ran at least one update (FX thread). */
    private long busyPulses;
    /** Guarded by {@code pending}: {@link #start()} was called and {@link #stop()} not since. */
    private boolean active;
    /** Guarded by {@code pending}: the timer runs or has been asked to start. */
    private boolean running;

    public FxDispatcher() {
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                boolean ran = drain();
                long end = System.nanoTime();
                if (lastPulse != 0) {
                    int k = recorded++ % intervals.length;
                    intervals[k] = now - lastPulse;
                    work[k] = end - start;
                }
                lastPulse = now;
                idlePulses = ran ? 0 : idlePulses + 1;
                if (ran) {
                    busyPulses++;
                }
                if (idlePulses >= IDLE_PULSES) {
                    synchronized (pending) {
                        if (pending.isEmpty()) {
                            running = false;
                            stop(); // the timer's own stop: posts still arrive and start it again
                            lastPulse = 0; // the gap until the next start is not a frame interval
                            idlePulses = 0;
                        }
                    }
                }
            }
        };
    }

    /** Starts draining on every pulse while there is work. Call on the FX thread. */
    public void start() {
        synchronized (pending) {
            active = true;
            running = true;
        }
        timer.start();
    }

    /** Stops draining; pending updates are dropped and later posts wait for {@link #start()}. */
    public void stop() {
        timer.stop();
        synchronized (pending) {
            active = false;
            running = false;
            pending.clear();
        }
    }

    /** True while the pulse timer runs (or has been asked to start): there was work in the last pulses. */
    public boolean timerRunning() {
        synchronized (pending) {
            return running;
        }
    }

    /** The pulses so far that ran at least one posted update (FX thread): a test's way to see a pulse with none. */
    public long busyPulses() {
        return busyPulses;
    }

    /**
     * Schedules {@code update} to run on the FX thread at the next pulse, replacing an earlier update with
     * the same key that has not run yet. Safe from any thread.
     */
    @Override
    public void post(Object key, Runnable update) {
        boolean wake;
        synchronized (pending) {
            pending.put(key, update);
            wake = active && !running;
            running |= wake;
        }
        if (wake) {
            Platform.runLater(this::wake);
        }
    }

    /** Starts the stopped timer again for posted work (FX thread). */
    private void wake() {
        synchronized (pending) {
            if (!active || !running) {
                return; // stopped meanwhile
            }
        }
        timer.start();
    }

    /**
     * Runs every pending update now and says whether there was any. FX thread only; called by the pulse timer and
     * by tests.
     */
    public boolean drain() {
        Runnable[] updates;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return false;
            }
            updates = pending.values().toArray(new Runnable[0]);
            pending.clear();
        }
        for (Runnable update : updates) {
            update.run();
        }
        return true;
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

    /** Runs {@code r} on the FX thread soon, without coalescing (for one-off events such as errors). */
    public static void later(Runnable r) {
        Platform.runLater(r);
    }
}
