package mbrllab.app;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * The one road from background work to the screen. Background threads {@link #post} an update under a
 * key; on each screen pulse the FX thread runs the latest update of every key once. A thousand posts
 * between two pulses cost one repaint: updates are coalesced to the screen rate.
 */
public final class FxDispatcher {

    private final Map<Object, Runnable> pending = new LinkedHashMap<>();
    private final AnimationTimer timer;
    private long pulses;

    public FxDispatcher() {
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drain();
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

    /** Number of pulses seen so far (for frame statistics). */
    public long pulses() {
        return pulses;
    }

    /** Runs {@code r} on the FX thread soon, without coalescing (for one-off events such as errors). */
    public static void later(Runnable r) {
        Platform.runLater(r);
    }
}
