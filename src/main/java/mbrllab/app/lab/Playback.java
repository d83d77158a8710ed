package mbrllab.app.lab;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;


/**
 * The playback state that every lab's view model composes: playing or paused, the speed slider, the seed, and the
 * lab's current {@link LockStepRunner}. It starts and stops runners ({@link #launch}), numbers play/pause commands,
 * and brings the frames of the current runner to the FX thread through the {@link Dispatcher} (coalesced to the
 * screen rate; frames of a runner that was replaced are dropped). FX thread only, except where noted.
 *
 * <p>The speed slider's position is log10 of ticks per second, from 0 (one per second) to {@link #MAX_POSITION},
 * which means as fast as possible.
 */
public final class Playback {

    /** Slider position meaning "as fast as possible"; positions below are log10(ticks per second). */
    public static final double MAX_POSITION = 5.0;

    /**
     * A press of Play/Pause this soon after the run paused by itself is the Pause its button showed when the user
     * pressed it (a human needs longer to see the pause and decide to go on), so it keeps the run paused.
     */
    public static final long SELF_PAUSE_GRACE_NANOS = 600_000_000L;

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final DoubleProperty speed;
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private DoubleFunction<String> describe;
    private LockStepRunner<?> runner;
    /** The runner launched last, kept after a stop so that tests can see its thread end. */
    private LockStepRunner<?> last;
    private long generation;
    private long playCommands;
    /** Whether the state went to paused because the run paused itself, and when (on the clock). */
    private boolean selfPaused;
    private long selfPausedAt;

    /**
     * @param initialPosition the speed slider's start, in [0, {@link #MAX_POSITION}]
     * @param describe        the text of a finite speed in ticks per second (the top reads "max speed")
     */
    public Playback(Dispatcher dispatcher, double initialPosition, DoubleFunction<String> describe) {
        this(dispatcher, initialPosition, describe, Clock.SYSTEM);
    }

    /** As {@link #Playback(Dispatcher, double, DoubleFunction)}, with the runners' and the presses' clock. */
    public Playback(Dispatcher dispatcher, double initialPosition, DoubleFunction<String> describe, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.speed = new SimpleDoubleProperty(this, "speed", initialPosition);
        this.describe = describe;
        speed.addListener((o, a, b) -> applySpeed());
        refreshSpeedText();
    }

    /** Speed text "12.5 steps/s" below 10 per second with one decimal, whole numbers above. */
    public static String stepsText(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f steps/s" : "%.0f steps/s", perSecond);
    }

    /** Ticks per second for a slider position; infinity at the top. */
    public static double stepsPerSecond(double position) {
        return position >= MAX_POSITION - 1e-9 ? LockStepRunner.MAX_SPEED : Math.pow(10, position);
    }

    /** The slider position of a speed (infinity: the top). */
    public static double position(double stepsPerSecond) {
        return Double.isInfinite(stepsPerSecond) ? MAX_POSITION
                : Math.max(0, Math.min(MAX_POSITION, Math.log10(stepsPerSecond)));
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Slider position: log10 of ticks per second, {@link #MAX_POSITION} for as fast as possible. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The speed now in ticks per second (infinity at the top). */
    public double stepsPerSecond() {
        return stepsPerSecond(speed.get());
    }

    /** Sets the speed in ticks per second (infinity: as fast as possible). */
    public void setStepsPerSecond(double perSecond) {
        speed.set(position(perSecond));
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** Seed of the next reset (and of the background runs). */
    public LongProperty seedProperty() {
        return seed;
    }

    public long seed() {
        return seed.get();
    }

    /** Replaces how a finite speed reads (e.g. when it is shown against real time that changed). */
    public void setDescription(DoubleFunction<String> newDescribe) {
        this.describe = newDescribe;
        refreshSpeedText();
    }

    /**
     * Stops the current runner and starts a new one, paused, at the current speed. Its frames reach {@code onFrame}
     * on the FX thread, at most once per screen pulse; the playing state follows the runner when it pauses by itself.
     *
     * @return the new runner, for the lab's own commands ({@link LockStepRunner#run})
     */
    public <F> LockStepRunner<F> launch(String threadName, Ticker<F> ticker, LockStepRunner.Pacing pacing,
                                        Consumer<Publication<F>> onFrame) {
        stop();
        long myGeneration = ++generation;
        Object key = new Object();
        @SuppressWarnings("unchecked")
        LockStepRunner<F>[] self = new LockStepRunner[1];
        LockStepRunner<F> r = new LockStepRunner<>(threadName, ticker, pacing, clock,
                p -> dispatcher.post(key, () -> {
                    if (myGeneration == generation) {
                        follow(p);
                        self[0].shown(p.ticks());
                        onFrame.accept(p);
                    }
                }));
        self[0] = r;
        runner = r;
        last = r;
        r.setSpeed(stepsPerSecond());
        r.start();
        return r;
    }

    /** Stops the runner (reset, lab switch, window close); frames still on their way are dropped. */
    public void stop() {
        generation++;
        selfPaused = false;
        if (runner != null) {
            runner.stop();
            runner = null;
        }
        playing.set(false);
    }

    /**
     * True while the thread of the runner launched last is alive, also after {@link #stop()} (tests of clean shutdown).
     */
    public boolean isRunnerAlive() {
        return last != null && last.isAlive();
    }

    /**
     * Play/Pause as its button and Space do it. A press within {@link #SELF_PAUSE_GRACE_NANOS} of the run pausing by
     * itself changes nothing: it was the Pause the button showed when the user pressed it, and it arrived just after
     * the run's own pause had turned the button to Play.
     */
    public void togglePlay() {
        if (!playing.get() && selfPaused && clock.nanoTime() - selfPausedAt < SELF_PAUSE_GRACE_NANOS) {
            return;
        }
        setPlaying(!playing.get());
    }

    public void setPlaying(boolean play) {
        selfPaused = false;
        playing.set(play);
        if (runner != null) {
            runner.setPlaying(play, ++playCommands);
        }
    }

    /** One tick, paused first. */
    public void step() {
        if (playing.get()) {
            setPlaying(false);
        }
        if (runner != null) {
            runner.stepOnce();
        }
    }

    /** Pauses, then runs a lab's own work on the runner's thread; a frame follows. */
    public void runPaused(Consumer<LockStepRunner.Work> work) {
        setPlaying(false);
        if (runner != null) {
            runner.run(work);
        }
    }

    /** Runs a lab's own work on the runner's thread without changing play; a frame follows. */
    public void run(Consumer<LockStepRunner.Work> work) {
        if (runner != null) {
            runner.run(work);
        }
    }

    /**
     * A frame from the runner: when it answers the latest play/pause command and the runner stopped playing by
     * itself, the state follows (a frame made before a later command says nothing about it).
     */
    private void follow(Publication<?> p) {
        if (p.playCommand() == playCommands && !p.playing() && playing.get()) {
            playing.set(false);
            selfPaused = true;
            selfPausedAt = clock.nanoTime();
        }
    }

    private void applySpeed() {
        refreshSpeedText();
        if (runner != null) {
            runner.setSpeed(stepsPerSecond());
        }
    }

    /** Re-reads the speed text (its description may depend on the lab's state). */
    public void refreshSpeedText() {
        double s = stepsPerSecond();
        speedText.set(Double.isInfinite(s) ? "max speed" : describe.apply(s));
    }
}
