package mbrllab.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The view-model half of the runtime, headless: a queue stands in for the screen's dispatcher and the test drains it
 * as the screen would.
 */
class PlaybackTest {

    private final QueueDispatcher dispatcher = new QueueDispatcher();
    private final Playback playback = new Playback(dispatcher, 1.0, Playback::stepsText);
    private final List<Publication<Long>> shown = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        playback.stop();
    }

    /** Counts ticks; pauses by itself at tick {@code pauseAt}. */
    private static Ticker<Long> counter(long pauseAt) {
        return new Ticker<>() {
            long ticks;

            @Override
            public After tick() {
                ticks++;
                return ticks == pauseAt ? After.PAUSE : After.CONTINUE;
            }

            @Override
            public Long frame() {
                return ticks;
            }
        };
    }

    private void drainUntil(BooleanSupplier done, String what) throws InterruptedException {
        dispatcher.drainUntil(done, what, 20);
    }

    @Test
    void theSliderMapsToStepsPerSecondAndReads() {
        assertEquals(1.0, Playback.stepsPerSecond(0), 1e-12);
        assertEquals(100.0, Playback.stepsPerSecond(2), 1e-9);
        assertTrue(Double.isInfinite(Playback.stepsPerSecond(Playback.MAX_POSITION)));
        assertEquals(Playback.MAX_POSITION, Playback.position(Double.POSITIVE_INFINITY));
        assertEquals(Math.log10(50), Playback.position(50), 1e-12);
        assertEquals("10 steps/s", playback.speedTextProperty().get());
        playback.setStepsPerSecond(2.5);
        assertEquals("2.5 steps/s", playback.speedTextProperty().get());
        playback.speedProperty().set(Playback.MAX_POSITION);
        assertEquals("max speed", playback.speedTextProperty().get());
        playback.setDescription(s -> String.format(java.util.Locale.ROOT, "%.1f a second", s));
        playback.setStepsPerSecond(20);
        assertEquals("20.0 a second", playback.speedTextProperty().get());
    }

    private void waitUntilPending() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!dispatcher.hasPending()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until a frame waits in the dispatcher");
            }
            Thread.sleep(1);
        }
    }

    @Test
    void aStepShowsOneTickAndFramesOfAReplacedRunnerAreDropped() throws Exception {
        playback.launch("playback-test-1", counter(-1), LockStepRunner.Pacing.NONE, shown::add);
        drainUntil(() -> !shown.isEmpty(), "the first frame");
        assertEquals(0L, shown.get(0).frame());
        playback.step();
        drainUntil(() -> shown.get(shown.size() - 1).frame() == 1L, "the step's frame");
        assertFalse(playback.isPlaying());

        playback.setStepsPerSecond(Double.POSITIVE_INFINITY);
        playback.setPlaying(true);
        waitUntilPending(); // a frame of the playing runner waits in the dispatcher
        LockStepRunner<Long> second = playback.launch("playback-test-2", counter(-1), LockStepRunner.Pacing.NONE,
                shown::add);
        int before = shown.size();
        drainUntil(() -> shown.size() > before, "the new runner's first frame");
        assertEquals(0L, shown.get(before).frame(), "the old runner's frames never reach the view");
        assertFalse(playback.isPlaying(), "a new runner starts paused");
        assertTrue(second.isAlive());
        playback.stop();
        assertFalse(second.isAlive(), "stop ends the thread");
        assertFalse(playback.isRunnerAlive());
    }

    @Test
    void whenTheRunnerPausesByItselfTheButtonFollows() throws Exception {
        playback.launch("playback-test-3", counter(40), LockStepRunner.Pacing.NONE, shown::add);
        playback.setStepsPerSecond(1000);
        playback.setPlaying(true);
        assertTrue(playback.isPlaying());
        drainUntil(() -> !playback.isPlaying(), "the runner pauses at tick 40");
        Publication<Long> last = shown.get(shown.size() - 1);
        assertEquals(40L, last.frame());
        assertTrue(shown.stream().anyMatch(Publication::pausedByItself));
    }

    /**
     * A Pause pressed as the run pauses itself: the press reaches the app just after the runner's pause, when the
     * button already reads Play, and used to resume the run (the blocking maze went on to 8,390 steps). A press that
     * soon after the run paused itself is the Pause its button showed; a later one resumes.
     */
    @Test
    void aPausePressedAsTheRunPausesItselfDoesNotResumeIt() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        Playback timed = new Playback(dispatcher, 1.0, Playback::stepsText, clock);
        try {
            timed.launch("playback-test-5", counter(40), LockStepRunner.Pacing.NONE, shown::add);
            timed.setStepsPerSecond(1000);
            timed.setPlaying(true);
            drainUntil(() -> !timed.isPlaying(), "the runner pauses by itself at tick 40");

            timed.togglePlay(); // the user's Pause, a moment late
            assertFalse(timed.isPlaying(), "the Pause pressed as the run paused itself keeps it paused");
            clock.shift(Playback.SELF_PAUSE_GRACE_NANOS + 1);
            timed.togglePlay(); // a deliberate Play once the user has seen it paused
            assertTrue(timed.isPlaying(), "Play goes on beyond the pause");
            drainUntil(() -> shown.get(shown.size() - 1).frame() > 40, "the run goes on");
            timed.togglePlay();
            assertFalse(timed.isPlaying(), "and Pause pauses it");
        } finally {
            timed.stop();
        }
    }

    /** The system's clock, shifted forward when a test says (time passing without a sleep). */
    private static final class ShiftedClock implements Clock {
        private volatile long shift;

        void shift(long nanos) {
            shift += nanos;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime() + shift;
        }

        @Override
        public Runnable await(java.util.concurrent.BlockingQueue<Runnable> commands, long nanos)
                throws InterruptedException {
            return Clock.SYSTEM.await(commands, nanos);
        }
    }

    @Test
    void aFrameFromBeforeTheLatestCommandDoesNotOverrideIt() throws Exception {
        playback.launch("playback-test-4", counter(-1), LockStepRunner.Pacing.NONE, shown::add);
        drainUntil(() -> !shown.isEmpty(), "the first frame");
        // The step's frame, made paused before Play was pressed, may still be queued when Play is pressed
        playback.step();
        playback.setPlaying(true);
        dispatcher.drain();
        assertTrue(playback.isPlaying(), "a frame made before Play says nothing about Play");
    }
}
