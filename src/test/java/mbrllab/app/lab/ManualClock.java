package mbrllab.app.lab;

import java.util.concurrent.BlockingQueue;

/**
 * A clock for tests: time moves by {@code perRead} on every read (so that loops that watch the clock end) and by the
 * whole wait when a runner waits for a command that is not there.
 */
final class ManualClock implements Clock {

    private long now = 1_000_000_000L;
    private final long perRead;

    ManualClock(long perRead) {
        this.perRead = perRead;
    }

    @Override
    public long nanoTime() {
        now += perRead;
        return now;
    }

    @Override
    public Runnable await(BlockingQueue<Runnable> commands, long nanos) {
        Runnable r = commands.poll();
        if (r == null) {
            now += nanos;
        }
        return r;
    }

    /** Moves the time on. */
    void advance(long nanos) {
        now += nanos;
    }

    long now() {
        return now;
    }
}
