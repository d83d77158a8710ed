package mbrllab.app.lab;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The paced lock-step runner every lab's animation runs on: a thread of its own that owns the lab's agents (through
 * a {@link Ticker}), takes commands from other threads (play, pause, step, speed, a lab's own work), runs ticks on a
 * schedule and hands {@link Publication}s of frames to a sink, coalesced to about the screen rate.
 *
 * <p><b>Pacing.</b> At a finite speed tick k is due at start + k / speed on the injected {@link Clock}; due ticks run
 * in batches of at most {@value #PUBLISH_NANOS} ns, each batch ends with one frame stamped with the time its last
 * tick was due (animations interpolate from it). A schedule that falls far behind (a busy machine) restarts rather
 * than rushing. After a tick that asks to {@link Ticker.After#HOLD hold} (an episode ended), the next tick waits
 * {@link Pacing#holdNanos()} at speeds up to {@link Pacing#holdUpToSpeed()}, so the failure can be seen. At
 * {@link #MAX_SPEED} the runner computes for {@value #SLICE_NANOS} ns, publishes, then rests {@value #BREATHE_NANOS}
 * ns, or a whole frame while the screen has not yet taken the previous one ({@link #shown(long)}): on a two-core
 * machine "as fast as possible" must not starve the screen.
 *
 * <p>All agent state is touched only by the runner's thread; the other methods only queue commands (and are safe
 * from any thread). {@link #stop()} ends the thread (reset, lab switch, window close).
 *
 * @param <F> the lab's frame
 */
public final class LockStepRunner<F> {

    /** A batch of due ticks at a finite speed ends after this long with a frame. */
    public static final long PUBLISH_NANOS = 12_000_000L;
    /** At full speed the runner computes for this long, publishes, ... */
    public static final long SLICE_NANOS = 10_000_000L;
    /** ... and then rests for this long, ... */
    public static final long BREATHE_NANOS = 4_000_000L;
    /** ... or this long while the screen is behind. */
    public static final long FRAME_NANOS = 16_000_000L;
    /** A single step's frame moves there over at most this long. */
    public static final long STEP_PERIOD_MAX_NANOS = 100_000_000L;
    /** Waiting for commands while paused. */
    static final long IDLE_NANOS = 200_000_000L;
    /** Ticks between two looks at the clock at full speed. */
    static final int CHUNK = 16;
    /** Speed meaning "as fast as possible". */
    public static final double MAX_SPEED = Double.POSITIVE_INFINITY;

    /**
     * How a lab's run is paced besides its speed.
     *
     * @param holdNanos     the pause after a tick that asks to hold, >= 0
     * @param holdUpToSpeed the pause applies at speeds up to this many ticks per second
     */
    public record Pacing(long holdNanos, double holdUpToSpeed) {
        /** No pause after an episode. */
        public static final Pacing NONE = new Pacing(0, 0);

        public Pacing {
            if (holdNanos < 0) {
                throw new IllegalArgumentException("holdNanos must be >= 0, got " + holdNanos);
            }
        }
    }

    /** What a lab's own work (a command run on the runner's thread) may ask of the runner. */
    public interface Work {
        /** True once {@link #stop()} was called: long work should end soon. */
        boolean stopping();

        /** One tick, as a step does (a pause the tick asks for is ignored). */
        void tick();

        /** Ticks so far. */
        long ticks();
    }

    private final Ticker<F> ticker;
    private final Consumer<Publication<F>> sink;
    private final Pacing pacing;
    private final Clock clock;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong shown = new AtomicLong(-1);
    private final Work work = new Work() {
        @Override
        public boolean stopping() {
            return stopped;
        }

        @Override
        public void tick() {
            ticker.tick();
            ticks++;
        }

        @Override
        public long ticks() {
            return ticks;
        }
    };

    private volatile boolean stopped;
    private boolean playing;
    private boolean pausedByItself;
    private long playCommand;
    private double stepsPerSecond = 10;
    private long ticks;
    private long lastPublished = -1;
    private boolean scheduled;
    private double scheduledSpeed;
    private long nextDue;

    /**
     * @param threadName name of the thread (tests look for it)
     * @param ticker     the lab's tick and frame; called only on the runner's thread
     * @param pacing     the hold after episodes
     * @param clock      time and waiting ({@link Clock#SYSTEM} in the app)
     * @param sink       receives every publication on the runner's thread; must hand it over quickly
     */
    public LockStepRunner(String threadName, Ticker<F> ticker, Pacing pacing, Clock clock,
                          Consumer<Publication<F>> sink) {
        this.ticker = ticker;
        this.sink = sink;
        this.pacing = pacing;
        this.clock = clock;
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts the thread; its first act is a frame of the start. */
    public void start() {
        commands.add(this::publishNow);
        thread.start();
    }

    /** Plays or pauses; {@code command} numbers the request (publications tell which one they answer). */
    public void setPlaying(boolean play, long command) {
        commands.add(() -> {
            playing = play;
            playCommand = command;
        });
    }

    /** Ticks per second while playing; {@link #MAX_SPEED} for as fast as possible. */
    public void setSpeed(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + perSecond);
        }
        commands.add(() -> stepsPerSecond = perSecond);
    }

    /** One tick, then a frame that moves there over one tick period (at most {@value #STEP_PERIOD_MAX_NANOS} ns). */
    public void stepOnce() {
        commands.add(() -> {
            work.tick();
            long period = Double.isInfinite(stepsPerSecond) ? 0
                    : Math.min(STEP_PERIOD_MAX_NANOS, (long) (1e9 / stepsPerSecond));
            publish(clock.nanoTime(), period);
        });
    }

    /** Runs a lab's own work on the runner's thread (whatever the play state), then publishes a frame. */
    public void run(Consumer<Work> task) {
        commands.add(() -> {
            task.accept(work);
            publishNow();
        });
    }

    /** The screen has taken the frame published after {@code tick} ticks. Any thread. */
    public void shown(long tick) {
        shown.set(tick);
    }

    /** Stops the thread and waits up to a second for it. Safe to call twice, and before {@link #start()}. */
    public void stop() {
        stopped = true;
        thread.interrupt();
        if (thread.isAlive()) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while the thread runs. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    private void loop() {
        try {
            while (!stopped) {
                loopOnce();
            }
        } catch (InterruptedException e) {
            // stop() interrupts: leave quietly
        }
    }

    /** One turn of the loop: a command, a batch of ticks, or a wait. The thread repeats it; tests call it directly. */
    void loopOnce() throws InterruptedException {
        Runnable command = playing ? commands.poll() : clock.await(commands, IDLE_NANOS);
        if (command != null) {
            command.run();
            return;
        }
        if (!playing) {
            scheduled = false;
            return;
        }
        long now = clock.nanoTime();
        if (Double.isInfinite(stepsPerSecond)) {
            runFlatOut(now);
            return;
        }
        long period = Math.max(1, (long) (1e9 / stepsPerSecond));
        if (!scheduled || scheduledSpeed != stepsPerSecond || now - nextDue > 10 * period + 50_000_000L) {
            scheduled = true;
            scheduledSpeed = stepsPerSecond;
            nextDue = now;
        }
        if (now >= nextDue) {
            long limit = now + PUBLISH_NANOS;
            long stamp = nextDue;
            Ticker.After after = Ticker.After.CONTINUE;
            while (playing && now >= nextDue && clock.nanoTime() < limit && !stopped) {
                after = playTick();
                stamp = nextDue;
                nextDue += period;
                if (after == Ticker.After.HOLD) {
                    break;
                }
            }
            publish(stamp, period);
            if (after == Ticker.After.HOLD && stepsPerSecond <= pacing.holdUpToSpeed()) {
                nextDue = Math.max(nextDue, stamp + period + pacing.holdNanos());
            }
        } else {
            Runnable next = clock.await(commands, Math.max(100_000L, Math.min(nextDue - now, 50_000_000L)));
            if (next != null) {
                next.run();
            }
        }
    }

    private void runFlatOut(long now) throws InterruptedException {
        scheduled = false;
        long sliceEnd = now + SLICE_NANOS;
        do {
            // a command waiting (a pause, a lab's own work) ends the chunk after the tick in progress: with slow ticks
            // (a planning step takes tenths of a second) a whole chunk would go on for seconds after the press
            for (int k = 0; k < CHUNK && playing && commands.isEmpty(); k++) {
                playTick();
            }
        } while (playing && clock.nanoTime() < sliceEnd && commands.isEmpty() && !stopped);
        boolean screenBehind = shown.get() < lastPublished;
        publish(clock.nanoTime(), 0);
        Runnable next = clock.await(commands, screenBehind ? FRAME_NANOS : BREATHE_NANOS);
        if (next != null) {
            next.run();
        }
    }

    private Ticker.After playTick() {
        Ticker.After after = ticker.tick();
        ticks++;
        if (after == Ticker.After.PAUSE) {
            playing = false;
            pausedByItself = true;
        }
        return after;
    }

    private void publishNow() {
        publish(clock.nanoTime(), 0);
    }

    private void publish(long stamp, long period) {
        F frame = ticker.frame();
        boolean paused = pausedByItself;
        pausedByItself = false;
        lastPublished = ticks;
        sink.accept(new Publication<>(frame, ticks, stamp, period, playing, playCommand, paused));
    }
}
