package mbrllab.app.lab;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The time a {@link LockStepRunner} paces itself by, and its way of waiting for the next command. The app uses
 * {@link #SYSTEM}; tests inject a clock whose time moves only when they say, so that pacing is checked without
 * sleeping.
 */
public interface Clock {

    /** Now, in nanoseconds of an arbitrary origin (as {@link System#nanoTime()}). */
    long nanoTime();

    /**
     * Waits at most {@code nanos} for a command.
     *
     * @return the command, or null when the time passed without one
     */
    Runnable await(BlockingQueue<Runnable> commands, long nanos) throws InterruptedException;

    /** The wall clock: {@link System#nanoTime()} and a blocking poll. */
    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Runnable await(BlockingQueue<Runnable> commands, long nanos) throws InterruptedException {
            return commands.poll(nanos, TimeUnit.NANOSECONDS);
        }
    };
}
