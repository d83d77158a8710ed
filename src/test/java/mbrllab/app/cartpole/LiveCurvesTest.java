package mbrllab.app.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import mbrllab.charts.LearningCurveChart;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesLearningExperiment;
import mbrllab.core.cartpole.BoxesLearningSpec;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurves;

/** The lab's background curves: live partial means, and at the end exactly the numbers of {@code cartpole learn}. */
class LiveCurvesTest {

    @Test
    void theFinalCurvesAreTheExperimentsNumbersAndProgressCountsUp() throws Exception {
        BoxesLearningSpec spec = BoxesLearningSpec.dynaQ(BoxModelKind.LAST_OUTCOME, BoxesDynaParams.defaults(),
                List.of(0, 5, 50), 6, 30, 1);
        LearningCurves expected = BoxesLearningExperiment.run(spec, Runnable::run, ExperimentObserver.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ExecutorService coordinator = Executors.newSingleThreadExecutor();
        try {
            List<Integer> progress = new ArrayList<>();
            CompletableFuture<CurvesSnapshot> done = new CompletableFuture<>();
            LiveCurves live = new LiveCurves(spec);
            live.start(coordinator, pool, s -> {
                synchronized (progress) {
                    progress.add(s.runsDone());
                }
            }, done::complete, message -> done.completeExceptionally(new AssertionError(message)));
            CurvesSnapshot last = done.get(30, TimeUnit.SECONDS);
            assertTrue(last.finished());
            assertEquals(6, last.runsDone());
            double t = LearningCurveChart.confidenceFactor(6);
            for (int i = 0; i < 3; i++) {
                for (int e = 0; e < 30; e++) {
                    assertEquals(expected.mean(i, e), last.mean()[i][e], 0.0);
                    assertEquals(t * expected.standardError(i, e), last.halfWidth()[i][e], 0.0);
                }
            }
            synchronized (progress) {
                assertEquals(List.of(1, 2, 3, 4, 5, 6), progress.stream().sorted().toList());
            }
        } finally {
            pool.shutdownNow();
            coordinator.shutdownNow();
        }
    }

    @Test
    void aCancelledExperimentReportsNothingMore() throws Exception {
        BoxesLearningSpec spec = BoxesLearningSpec.dynaQ(BoxModelKind.SAMPLE, BoxesDynaParams.defaults(),
                List.of(0, 50), 200, 300, 2);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        ExecutorService coordinator = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<CurvesSnapshot> done = new CompletableFuture<>();
            LiveCurves live = new LiveCurves(spec);
            live.start(coordinator, pool, s -> { }, done::complete, message -> done.completeExceptionally(new AssertionError(message)));
            live.cancel();
            live.task().get(10, TimeUnit.SECONDS);
            assertTrue(live.isCancelled());
            assertFalse(done.isDone(), "no final result after a cancel");
        } finally {
            pool.shutdownNow();
            coordinator.shutdownNow();
        }
    }
}
