package mbrllab.app.lab;

/**
 * Where background threads send updates for the screen. The app's {@link mbrllab.app.FxDispatcher} runs the latest
 * update of every key once per screen pulse on the FX thread; tests use {@link #DIRECT}, which runs it at once.
 */
@FunctionalInterface
public interface Dispatcher {

    /**
     * Schedules {@code update}, replacing an earlier update with the same key that has not run yet. Safe from any
     * thread.
     */
    void post(Object key, Runnable update);

    /** Runs every update at once on the posting thread (tests without a screen). */
    Dispatcher DIRECT = (key, update) -> update.run();
}
