package mbrllab.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesLearningExperiment;
import mbrllab.core.cartpole.BoxesLearningSpec;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurves;
import mbrllab.core.stats.Confidence;

/** The shared background experiment, headless: a queue stands in for the screen's dispatcher. */
class LiveExperimentTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final ExecutorService coordinators = Executors.newCachedThreadPool();
    private final QueueDispatcher dispatcher = new QueueDispatcher();

    @AfterEach
    void stopPools() {
        workers.shutdownNow();
        coordinators.shutdownNow();
    }

    private static LiveExperiment.Job<CurveSnapshot> job(BoxesLearningSpec spec) {
        CurveStats stats = new CurveStats(spec.curveNs(), spec.runs(), spec.episodes());
        return new LiveExperiment.Job<>(spec, spec.runs(), "computing",
                (w, observer) -> CurveStats.exact(BoxesLearningExperiment.run(spec, w, observer)), stats::add,
                CurveSnapshot::runsDone, s -> "mean of " + s.runsTotal() + " runs");
    }

    /** Drains the dispatcher until the condition holds (the experiment runs on the pools meanwhile). */
    private void drainUntil(java.util.function.BooleanSupplier done, List<Double> progress, LiveExperiment<?> e)
            throws InterruptedException {
        dispatcher.drainUntil(done, () -> "the condition; message: " + e.messageProperty().get(), 60, () -> {
            if (progress != null) {
                progress.add(e.progressProperty().get());
            }
        });
    }

    @Test
    void theRunsFillInLiveAndTheLastSnapshotIsTheExperimentsOwnResult() throws Exception {
        BoxesLearningSpec spec = BoxesLearningSpec.dynaQ(BoxModelKind.LAST_OUTCOME, BoxesDynaParams.defaults(),
                List.of(0, 5, 50), 6, 30, 1);
        LearningCurves expected = BoxesLearningExperiment.run(spec, Runnable::run, ExperimentObserver.NONE);
        LiveExperiment<CurveSnapshot> live = new LiveExperiment<>(dispatcher, coordinators, workers, false);
        live.start(job(spec));
        assertTrue(live.runningProperty().get());
        assertEquals("computing", live.messageProperty().get());
        List<Double> progress = new ArrayList<>();
        drainUntil(() -> live.completeProperty().get(), progress, live);
        CurveSnapshot last = live.snapshot();
        assertTrue(last.finished());
        assertFalse(live.runningProperty().get());
        assertEquals(1.0, live.progressProperty().get());
        assertEquals("mean of 6 runs", live.messageProperty().get());
        double t = Confidence.factor95(6);
        for (int i = 0; i < 3; i++) {
            for (int e = 0; e < 30; e++) {
                assertEquals(expected.mean(i, e), last.mean()[i][e], 0.0);
                assertEquals(t * expected.standardError(i, e), last.halfWidth()[i][e], 0.0);
            }
        }
        for (int k = 1; k < progress.size(); k++) {
            assertTrue(progress.get(k) >= progress.get(k - 1), "progress only grows: " + progress);
        }
        for (double p : progress) {
            assertEquals(0, Math.round(p * 6 * 1e9) % 1_000_000_000L, "progress counts whole runs: " + p);
        }
    }

    @Test
    void aRememberedResultShowsAtOnceForTheSameSettings() throws Exception {
        BoxesLearningSpec spec = BoxesLearningSpec.dynaQ(BoxModelKind.SAMPLE, BoxesDynaParams.defaults(),
                List.of(0, 5), 3, 10, 4);
        LiveExperiment<CurveSnapshot> live = new LiveExperiment<>(dispatcher, coordinators, workers, true);
        live.start(job(spec));
        drainUntil(() -> live.completeProperty().get(), null, live);
        CurveSnapshot first = live.snapshot();
        live.clear("nothing");
        assertNull(live.snapshot());
        live.start(job(spec));
        assertSame(first, live.snapshot(), "the same settings: the result at once, no background work");
        assertFalse(live.runningProperty().get());
        assertTrue(live.completeProperty().get());
    }

    @Test
    void cancelKeepsWhatWasComputedAndNothingMoreArrives() throws Exception {
        BoxesLearningSpec spec = BoxesLearningSpec.dynaQ(BoxModelKind.SAMPLE, BoxesDynaParams.defaults(),
                List.of(0, 50), 400, 300, 2);
        LiveExperiment<CurveSnapshot> live = new LiveExperiment<>(dispatcher, coordinators, workers, false);
        live.start(job(spec));
        drainUntil(() -> live.snapshot() != null, null, live);
        live.cancel();
        int done = live.snapshot().runsDone();
        assertEquals("Cancelled after " + done + " of 400 runs", live.messageProperty().get());
        assertTrue(live.isCancelled());
        try {
            live.task().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | CancellationException e) {
            throw new AssertionError("the coordinating task ends quietly", e);
        }
        dispatcher.drain();
        assertEquals(done, live.snapshot().runsDone(), "no later run reaches the view");
        assertFalse(live.completeProperty().get());
        assertFalse(live.runningProperty().get());
    }

    @Test
    void stopDropsEverythingStillOnItsWay() throws Exception {
        BoxesLearningSpec spec = BoxesLearningSpec.dynaQ(BoxModelKind.SAMPLE, BoxesDynaParams.defaults(),
                List.of(0), 2, 5, 3);
        LiveExperiment<CurveSnapshot> live = new LiveExperiment<>(dispatcher, coordinators, workers, false);
        live.start(job(spec));
        live.task().get(30, TimeUnit.SECONDS); // finished, its updates still queued
        live.stop();
        dispatcher.drain();
        assertNull(live.snapshot(), "updates of a stopped experiment are dropped");
        assertFalse(live.completeProperty().get());
    }

    @Test
    void aFailureIsReportedAsTheMessage() throws Exception {
        LiveExperiment<CurveSnapshot> live = new LiveExperiment<>(dispatcher, coordinators, workers, false);
        live.start(new LiveExperiment.Job<>("broken", 3, "computing", (w, o) -> {
            throw new IllegalStateException("no such maze");
        }, data -> null, s -> 0, s -> "done"));
        live.task().get(30, TimeUnit.SECONDS);
        dispatcher.drain();
        assertEquals("The experiment failed: java.lang.IllegalStateException: no such maze",
                live.messageProperty().get());
        assertFalse(live.runningProperty().get());
    }

    /** A job whose R runs are each made for S settings counts "runs k / R, S settings": k runs of every setting. */
    @Test
    void theProgressOfSeveralSettingsCountsTheRunsPerSetting() throws Exception {
        java.util.concurrent.Semaphore next = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.atomic.AtomicInteger pieces = new java.util.concurrent.atomic.AtomicInteger();
        LiveExperiment<Integer> live = new LiveExperiment<>(dispatcher, coordinators, workers, false);
        live.start(new LiveExperiment.Job<>("three settings", 2, 3, "computing", (w, observer) -> {
            for (int i = 0; i < 6; i++) {
                next.acquireUninterruptibly();
                observer.runFinished(i / 3, new int[][] {{i % 3, i / 3}});
            }
            return 6;
        }, data -> pieces.incrementAndGet(), s -> s, s -> "done"));
        assertEquals("runs 0 / 2, 3 settings", live.progressText());
        String[] expected = {"runs 0 / 2, 3 settings", "runs 0 / 2, 3 settings", "runs 1 / 2, 3 settings",
            "runs 1 / 2, 3 settings", "runs 1 / 2, 3 settings", "runs 2 / 2, 3 settings"};
        for (int i = 0; i < 6; i++) {
            next.release();
            int done = i + 1;
            drainUntil(() -> live.snapshot() != null && live.snapshot() == done, null, live);
            assertEquals(expected[i], live.progressText());
            assertEquals(done / 6.0, live.progressProperty().get(), 1e-12, "the progress bar counts every run");
        }
        drainUntil(() -> live.completeProperty().get(), null, live);
        assertEquals("runs 2 / 2, 3 settings", live.progressText());
        assertEquals(1.0, live.progressProperty().get());
    }

    /** Cancelling a job of several settings says how many runs each setting has. */
    @Test
    void cancellingSeveralSettingsSaysTheRunsPerSetting() throws Exception {
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        LiveExperiment<Integer> live = new LiveExperiment<>(dispatcher, coordinators, workers, false);
        live.start(new LiveExperiment.Job<>("three settings", 10, 3, "computing", (w, observer) -> {
            for (int i = 0; i < 7; i++) {
                observer.runFinished(i / 3, new int[][] {{i % 3, i / 3}});
            }
            try {
                end.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new CancellationException();
        }, data -> data[0][1] * 3 + data[0][0] + 1, s -> s, s -> "done"));
        drainUntil(() -> live.snapshot() != null && live.snapshot() == 7, null, live);
        live.cancel();
        end.countDown();
        assertEquals("Cancelled after 2 of 10 runs per setting (3 settings)", live.messageProperty().get());
    }
}
