package mbrllab.app.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dispatcher for tests without a screen that behaves as the app's: updates wait, the latest per key, until the test
 * drains them on its own thread (the "screen pulse").
 */
final class QueueDispatcher implements Dispatcher {

    private final Map<Object, Runnable> pending = new LinkedHashMap<>();

    @Override
    public synchronized void post(Object key, Runnable update) {
        pending.put(key, update);
    }

    /** Runs the pending updates on the calling thread; returns how many ran. */
    int drain() {
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
}
