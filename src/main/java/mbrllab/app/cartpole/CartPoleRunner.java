package mbrllab.app.cartpole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drives the lab's carts in lock step (each tick: one real step of every cart) on a thread of its own, and publishes
 * {@link Frames} copies: after every tick at speeds the eye can follow, and at most every {@value #PUBLISH_NANOS} ns
 * at full speed. The ticks are scheduled on the wall clock (tick k due at start + k / speed); each frame carries the
 * time its last tick was due, which the animation interpolates by.
 *
 * <p>A single cart (keyboard or random) pauses {@value #HOLD_MILLIS} ms after an episode ends at speeds up to twice
 * real time, so the failure can be seen before the next episode starts.
 *
 * <p>All cart state is touched only by the runner thread; other threads send commands.
 */
final class CartPoleRunner {

    /** Publish at most this often at full speed (a little faster than a 60 Hz screen). */
    static final long PUBLISH_NANOS = 12_000_000L;
    /** At full speed the runner computes for this long, publishes, ... */
    static final long SLICE_NANOS = 10_000_000L;
    /** ... and then rests for this long. */
    static final long BREATHE_NANOS = 4_000_000L;
    /** The rest at full speed while the screen is behind. */
    static final long FRAME_NANOS = 16_000_000L;
    /** Pause after an episode of a single cart ends, at speeds up to twice real time. */
    static final long HOLD_MILLIS = 700;
    /** Speed meaning "as fast as possible". */
    static final double MAX_SPEED = Double.POSITIVE_INFINITY;
    /** Name of the thread (tests look for it). */
    static final String THREAD_NAME = "cart-pole-runner";

    private final List<Cart> carts;
    private final Consumer<Frames> publisher;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;

    private volatile boolean stopped;
    private volatile int keys;
    private final AtomicLong shown = new AtomicLong(-1);
    private long lastPublished = -1;
    private boolean playing;
    private double stepsPerSecond = 50;
    private long ticks;

    /**
     * @param carts     the carts, one pane each
     * @param publisher receives the frames on the runner thread; must hand them over quickly
     */
    CartPoleRunner(List<Cart> carts, Consumer<Frames> publisher) {
        this.carts = List.copyOf(carts);
        this.publisher = publisher;
        this.thread = new Thread(this::loop, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /** The episode logs, in pane order (safe to read from any thread). */
    List<EpisodeLog> logs() {
        List<EpisodeLog> logs = new ArrayList<>();
        for (Cart c : carts) {
            logs.add(c.log());
        }
        return logs;
    }

    /** Starts the thread and publishes the first frame. */
    void start() {
        thread.start();
        commands.add(() -> publish(System.nanoTime(), 0));
    }

    void setPlaying(boolean play) {
        commands.add(() -> playing = play);
    }

    /** Steps per second while playing; {@link #MAX_SPEED} for as fast as possible. */
    void setSpeed(double perSecond) {
        commands.add(() -> stepsPerSecond = perSecond);
    }

    /** The screen has taken the frame published after {@code tick} ticks. Any thread. */
    void shown(long tick) {
        shown.set(tick);
    }

    /** The keyboard's push from now on: -1 left, 0 none, +1 right. Any thread. */
    void setKeys(int push) {
        keys = push;
    }

    /** Hands the single cart to the keyboard in mid-episode. */
    void takeOver() {
        commands.add(() -> {
            for (Cart c : carts) {
                c.takeOver();
            }
            publish(System.nanoTime(), 0);
        });
    }

    /** One tick, then a frame that moves to it over at most 0.1 s. */
    void stepOnce() {
        commands.add(() -> {
            tick();
            long period = Double.isInfinite(stepsPerSecond) ? 0
                    : Math.min(100_000_000L, (long) (1e9 / stepsPerSecond));
            publish(System.nanoTime(), period);
        });
    }

    /** Stops the thread and waits up to a second for it. Safe to call twice. */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private void loop() {
        boolean wasPlaying = false;
        double speedAtStart = 0;
        long nextDue = 0;
        try {
            while (!stopped) {
                Runnable command = playing ? commands.poll() : commands.poll(200, TimeUnit.MILLISECONDS);
                if (command != null) {
                    command.run();
                    continue;
                }
                if (!playing) {
                    wasPlaying = false;
                    continue;
                }
                long now = System.nanoTime();
                if (Double.isInfinite(stepsPerSecond)) {
                    wasPlaying = false;
                    long sliceEnd = now + SLICE_NANOS;
                    do {
                        for (int k = 0; k < 16; k++) {
                            tick();
                        }
                    } while (System.nanoTime() < sliceEnd && commands.isEmpty() && !stopped);
                    boolean screenBehind = shown.get() < lastPublished;
                    lastPublished = ticks;
                    publish(System.nanoTime(), 0);
                    // Leave the core to the screen for a moment (on a small machine the runner, a background worker
                    // and the FX thread share two cores), for a whole frame while the screen has not yet taken the
                    // previous frame.
                    Runnable next = commands.poll(screenBehind ? FRAME_NANOS : BREATHE_NANOS, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        next.run();
                    }
                    continue;
                }
                long period = Math.max(1, (long) (1e9 / stepsPerSecond));
                if (!wasPlaying || speedAtStart != stepsPerSecond || now - nextDue > 10 * period + 50_000_000L) {
                    // (re)start the schedule; also after falling far behind (a busy machine): skip, don't rush
                    wasPlaying = true;
                    speedAtStart = stepsPerSecond;
                    nextDue = now;
                }
                if (now >= nextDue) {
                    long limit = now + PUBLISH_NANOS;
                    long stamp = nextDue;
                    boolean ended = false;
                    while (now >= nextDue && System.nanoTime() < limit && !stopped) {
                        tick();
                        stamp = nextDue;
                        nextDue += period;
                        ended = carts.size() == 1 && carts.get(0).ending() != null;
                        if (ended) {
                            break;
                        }
                    }
                    publish(stamp, period);
                    if (ended && stepsPerSecond <= 2 * carts.get(0).system().realTimeStepsPerSecond()) {
                        nextDue = Math.max(nextDue, stamp + period + HOLD_MILLIS * 1_000_000L);
                    }
                } else {
                    long waitNanos = Math.max(100_000L, Math.min(nextDue - now, 50_000_000L));
                    Runnable next = commands.poll(waitNanos, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        next.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts: leave quietly
        }
    }

    private void tick() {
        ticks++;
        int k = keys;
        for (Cart c : carts) {
            c.tick(k);
        }
    }

    private void publish(long stamp, long period) {
        List<CartFrame> frames = new ArrayList<>(carts.size());
        for (Cart c : carts) {
            frames.add(CartFrame.of(c));
        }
        publisher.accept(new Frames(List.copyOf(frames), stamp, period, ticks));
    }
}
