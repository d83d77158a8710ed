package mbrllab.app.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dispatcher for tests without a screen that behaves as the app's: updates wait, the latest per key, until the test
 * drains them on its own thread (the "screen pulse").
 */
public final class QueueDispatcher implements Dispatcher {

    private final Map<Object, Runnable> pending = new LinkedHashMap<>();

    @Override
    public synchronized void post(Object key, Runnable update) {
        pending.put(key, update);
    }

    /** Whether an update waits to be drained. */
    public synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Runs the pending updates on the calling thread; returns how many ran. */
    public int drain() {
        Runnable[] updates;
        synchronized (this) {
            updates = pending.values().toArray(new Runnable[0]);
            pending.clear();
        }
        for (Runnable r : updates) {
            r.run();
        }
        return updates.length;
    }

    /**
     * Drains until the condition holds, as the screen's pulses would, for at most {@code seconds}.
     *
     * @throws AssertionError naming {@code what} when the time runs out
     */
    public void drainUntil(java.util.function.BooleanSupplier condition, String what, int seconds)
            throws InterruptedException {
        drainUntil(condition, () -> what, seconds, () -> { });
    }

    /**
     * Drains until the condition holds, for at most {@code seconds}, running {@code afterUpdates} after every drain
     * that ran updates (to record what each pulse showed).
     *
     * @param what the condition's description, asked for when the time runs out (it may report the state then)
     */
    public void drainUntil(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what,
                           int seconds, Runnable afterUpdates) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what.get());
            }
            if (drain() == 0) {
                Thread.sleep(1);
            } else {
                afterUpdates.run();
            }
        }
    }
}
