package mbrllab.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's threads for long work (experiments over many runs, model fits), kept off the FX thread.
 * Workers: one thread fewer than the cores, at least one, so that the FX thread and the animation keep
 * a core; coordinators: threads that only wait for workers (a coordinator must never wait on the worker
 * pool from inside it). Daemon threads below normal priority; results go back through the
 * {@link FxDispatcher}.
 */
public final class Background {

    private final ExecutorService workers;
    private final ExecutorService coordinators;

    public Background() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.workers = Executors.newFixedThreadPool(threads, factory("worker"));
        this.coordinators = Executors.newCachedThreadPool(factory("coordinator"));
    }

    private static java.util.concurrent.ThreadFactory factory(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "background-" + name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }

    /** Runs the pieces of long work. */
    public ExecutorService workers() {
        return workers;
    }

    /** Runs tasks that hand pieces to {@link #workers()} and wait for them. */
    public ExecutorService coordinators() {
        return coordinators;
    }

    /** Stops every task (window close). */
    public void shutdown() {
        workers.shutdownNow();
        coordinators.shutdownNow();
    }
}
