package mbrllab.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The shared runner, headless and without its thread: the test turns the loop itself ({@code loopOnce}) on a manual
 * clock, so pacing is checked to the tick without sleeping.
 */
class LockStepRunnerTest {

    /** Counts its ticks; its frame is the count. Can ask to pause or hold at a given tick. */
    private static final class Counter implements Ticker<Long> {
        long ticks;
        long pauseAt = -1;
        long holdEvery = 0;

        @Override
        public After tick() {
            ticks++;
            if (ticks == pauseAt) {
                return After.PAUSE;
            }
            return holdEvery > 0 && ticks % holdEvery == 0 ? After.HOLD : After.CONTINUE;
        }

        @Override
        public Long frame() {
            return ticks;
        }
    }

    private final Counter counter = new Counter();
    private final List<Publication<Long>> published = new ArrayList<>();

    private LockStepRunner<Long> runner(ManualClock clock, LockStepRunner.Pacing pacing) {
        return new LockStepRunner<>("test-runner", counter, pacing, clock, published::add);
    }

    /** Turns the loop until the clock has passed {@code until}. */
    private static void runUntil(LockStepRunner<Long> r, ManualClock clock, long until) throws InterruptedException {
        while (clock.now() < until) {
            r.loopOnce();
        }
    }

    @Test
    void atTenStepsPerSecondOneSecondHoldsElevenTicksEachStampedWhenDue() throws Exception {
        ManualClock clock = new ManualClock(1_000);
        LockStepRunner<Long> r = runner(clock, LockStepRunner.Pacing.NONE);
        r.setSpeed(10);
        r.setPlaying(true, 1);
        r.loopOnce();
        r.loopOnce();
        long start = clock.now();
        runUntil(r, clock, start + 1_000_000_000L);
        // ticks are due at 0, 0.1, ..., 1.0 s after the start of play: 11 of them (the 11th exactly at the end)
        assertTrue(counter.ticks >= 10 && counter.ticks <= 11, "ticks in one second: " + counter.ticks);
        Publication<Long> last = published.get(published.size() - 1);
        assertEquals(100_000_000L, last.periodNanos(), "the period of 10 ticks per second");
        assertEquals(counter.ticks, last.ticks());
        assertTrue(last.playing());
        assertEquals(1, last.playCommand());
        for (int k = 1; k < published.size(); k++) {
            long gap = published.get(k).stampNanos() - published.get(k - 1).stampNanos();
            assertEquals(100_000_000L, gap, "one frame per tick, stamped when it was due");
        }
    }

    @Test
    void aStepIsOneTickAndOneFrameThatMovesThereOverOnePeriod() throws Exception {
        ManualClock clock = new ManualClock(1_000);
        LockStepRunner<Long> r = runner(clock, LockStepRunner.Pacing.NONE);
        r.setSpeed(4);
        r.stepOnce();
        r.loopOnce();
        r.loopOnce();
        assertEquals(1, counter.ticks);
        assertEquals(1, published.size());
        assertEquals(100_000_000L, published.get(0).periodNanos(), "a quarter second, capped at 0.1 s");
        assertFalse(published.get(0).playing());
        for (int k = 0; k < 20; k++) {
            r.loopOnce(); // paused: waits, ticks nothing
        }
        assertEquals(1, counter.ticks, "paused: no tick without a command");
    }

    @Test
    void aTickThatAsksToPauseStopsPlayAndSaysSoOnce() throws Exception {
        ManualClock clock = new ManualClock(1_000);
        counter.pauseAt = 25;
        LockStepRunner<Long> r = runner(clock, LockStepRunner.Pacing.NONE);
        r.setSpeed(1000);
        r.setPlaying(true, 7);
        runUntil(r, clock, clock.now() + 2_000_000_000L);
        assertEquals(25, counter.ticks, "no tick after the pause");
        List<Publication<Long>> paused = published.stream().filter(Publication::pausedByItself).toList();
        assertEquals(1, paused.size());
        assertEquals(25, paused.get(0).ticks());
        assertFalse(paused.get(0).playing());
        assertEquals(7, paused.get(0).playCommand());
        // Play goes on beyond the pause; a step across the same tick does not pause
        r.setPlaying(true, 8);
        runUntil(r, clock, clock.now() + 100_000_000L);
        assertTrue(counter.ticks > 25, "play goes on beyond the pause");
    }

    @Test
    void anEpisodeEndHoldsTheScheduleAtSlowSpeedsOnly() throws Exception {
        ManualClock clock = new ManualClock(1_000);
        counter.holdEvery = 5;
        LockStepRunner<Long> slow = runner(clock, new LockStepRunner.Pacing(700_000_000L, 100));
        slow.setSpeed(50);
        slow.setPlaying(true, 1);
        runUntil(slow, clock, clock.now() + 1_000_000_000L);
        // 5 ticks (0.1 s), then a hold of 0.7 s + one period, then ticks again: about 5 + 5 in the second
        assertTrue(counter.ticks >= 9 && counter.ticks <= 11, "with holds: " + counter.ticks);

        Counter fast = new Counter();
        fast.holdEvery = 5;
        ManualClock clock2 = new ManualClock(1_000);
        LockStepRunner<Long> quick = new LockStepRunner<>("test-runner", fast,
                new LockStepRunner.Pacing(700_000_000L, 100), clock2, p -> { });
        quick.setSpeed(500);
        quick.setPlaying(true, 1);
        runUntil(quick, clock2, clock2.now() + 1_000_000_000L);
        assertTrue(fast.ticks >= 495 && fast.ticks <= 502, "no hold above the speed limit: " + fast.ticks);
    }

    @Test
    void atFullSpeedItRestsLongerWhileTheScreenIsBehind() throws Exception {
        ManualClock clock = new ManualClock(100_000);
        LockStepRunner<Long> r = runner(clock, LockStepRunner.Pacing.NONE);
        r.setSpeed(LockStepRunner.MAX_SPEED);
        r.setPlaying(true, 1);
        r.loopOnce();
        r.loopOnce();
        r.loopOnce(); // the first slice of ticks and its frame
        long before = clock.now();
        r.loopOnce(); // a slice of ticks, a frame, then a rest
        assertEquals(0, published.get(published.size() - 1).periodNanos(), "no interpolation at full speed");
        long restBehind = clock.now() - before;
        assertTrue(restBehind >= LockStepRunner.SLICE_NANOS + LockStepRunner.FRAME_NANOS,
                "the screen has not shown the last frame: a whole frame's rest, took " + restBehind);
        r.shown(published.get(published.size() - 1).ticks());
        before = clock.now();
        r.loopOnce();
        long restShown = clock.now() - before;
        assertTrue(restShown < LockStepRunner.SLICE_NANOS + LockStepRunner.FRAME_NANOS
                        && restShown >= LockStepRunner.SLICE_NANOS + LockStepRunner.BREATHE_NANOS,
                "the screen is up to date: a short rest, took " + restShown);
        assertTrue(counter.ticks >= LockStepRunner.CHUNK, "ticks run in chunks");
    }

    /**
     * A pause pressed during a tick at full speed lands after that tick, not after the rest of its chunk: with slow
     * ticks (a planning step) the chunk of 16 went on for seconds after the press.
     */
    @Test
    void atFullSpeedAPausePressedDuringATickStopsAfterThatTick() throws Exception {
        ManualClock clock = new ManualClock(100_000);
        @SuppressWarnings("unchecked")
        LockStepRunner<Long>[] self = new LockStepRunner[1];
        Ticker<Long> pressedAtThree = new Ticker<>() {
            long ticks;

            @Override
            public After tick() {
                ticks++;
                if (ticks == 3) {
                    self[0].setPlaying(false, 2);
                }
                return After.CONTINUE;
            }

            @Override
            public Long frame() {
                return ticks;
            }
        };
        LockStepRunner<Long> r = new LockStepRunner<>("test-runner", pressedAtThree, LockStepRunner.Pacing.NONE,
                clock, published::add);
        self[0] = r;
        r.setSpeed(LockStepRunner.MAX_SPEED);
        r.setPlaying(true, 1);
        r.loopOnce(); // the speed
        r.loopOnce(); // play
        r.loopOnce(); // ticks until the press, a frame; the press is taken during the rest
        Publication<Long> last = published.get(published.size() - 1);
        assertEquals(3, last.ticks(), "the chunk ends with the tick the press came in");
        r.loopOnce();
        assertEquals(3, pressedAtThree.frame(), "no tick after the pause");
    }

    @Test
    void aLabsOwnWorkRunsOnTheRunnerAndEndsWithAFrame() throws Exception {
        ManualClock clock = new ManualClock(1_000);
        LockStepRunner<Long> r = runner(clock, LockStepRunner.Pacing.NONE);
        r.run(work -> {
            while (work.ticks() < 30 && !work.stopping()) {
                work.tick();
            }
        });
        r.loopOnce();
        r.loopOnce();
        assertEquals(30, counter.ticks);
        assertEquals(30, published.get(published.size() - 1).ticks());
    }

    @Test
    void stopEndsTheThreadPromptlyWhilePlayingFlatOut() throws Exception {
        CountDownLatch frames = new CountDownLatch(3);
        LockStepRunner<Long> r = new LockStepRunner<>("test-runner-thread", counter, LockStepRunner.Pacing.NONE,
                Clock.SYSTEM, p -> frames.countDown());
        r.setSpeed(LockStepRunner.MAX_SPEED);
        r.start();
        r.setPlaying(true, 1);
        assertTrue(frames.await(10, TimeUnit.SECONDS), "frames arrive");
        assertTrue(r.isAlive());
        r.stop();
        assertFalse(r.isAlive(), "stopped within stop()'s wait");
        r.stop();
    }
}
