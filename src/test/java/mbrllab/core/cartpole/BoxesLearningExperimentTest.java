package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurves;

class BoxesLearningExperimentTest {

    static BoxesLearningSpec spec(BoxModelKind kind, int runs, int episodes, long seed) {
        return BoxesLearningSpec.dynaQ(kind, BoxesDynaParams.defaults(), List.of(0, 5, 50), runs, episodes, seed);
    }

    @Test
    void sameSeedSameBitsWhateverTheThreads() {
        BoxesLearningSpec spec = spec(BoxModelKind.SAMPLE, 12, 15, 42);
        LearningCurves serial = BoxesLearningExperiment.run(spec, Runnable::run, ExperimentObserver.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            LearningCurves parallel = BoxesLearningExperiment.run(spec, pool, ExperimentObserver.NONE);
            assertEquals(serial.toCsv(), parallel.toCsv());
        } finally {
            pool.shutdownNow();
        }
        LearningCurves other = BoxesLearningExperiment.run(spec(BoxModelKind.SAMPLE, 12, 15, 43), Runnable::run,
                ExperimentObserver.NONE);
        assertNotEquals(serial.toCsv(), other.toCsv(), "another seed gives other runs");
    }

    /**
     * Until the first failure every reward is 0 and Q stays 0 whatever n and the model are, so with the same
     * start states and real-step stream all agents of one run balance the first episode identically.
     */
    @Test
    void commonRandomNumbersMakeTheFirstEpisodeIdenticalForEveryNAndModel() {
        LearningCurves last = BoxesLearningExperiment.run(spec(BoxModelKind.LAST_OUTCOME, 30, 2, 5), Runnable::run,
                ExperimentObserver.NONE);
        LearningCurves sample = BoxesLearningExperiment.run(spec(BoxModelKind.SAMPLE, 30, 2, 5), Runnable::run,
                ExperimentObserver.NONE);
        for (int r = 0; r < 30; r++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(last.steps(0, r, 0), last.steps(i, r, 0), "run " + r);
                assertEquals(last.steps(0, r, 0), sample.steps(i, r, 0), "run " + r);
            }
        }
    }

    @Test
    void randomAgentHasOneCurve() {
        BoxesLearningSpec spec = BoxesLearningSpec.random(5, 4, 1);
        assertEquals(List.of("random"), spec.curveNames());
        LearningCurves curves = BoxesLearningExperiment.run(spec, Runnable::run, ExperimentObserver.NONE);
        assertEquals(1, curves.nValues().size());
        assertEquals(4, curves.episodes());
        assertEquals(List.of("n0", "n5", "n50"), spec(BoxModelKind.SAMPLE, 1, 1, 1).curveNames());
    }

    @Test
    void observerSeesEveryRunAndCanCancel() {
        AtomicInteger finished = new AtomicInteger();
        BoxesLearningSpec spec = spec(BoxModelKind.SAMPLE, 6, 3, 1);
        BoxesLearningExperiment.run(spec, Runnable::run, new ExperimentObserver() {
            @Override
            public void runFinished(int run, int[][] steps) {
                finished.incrementAndGet();
                assertEquals(3, steps.length);
            }
        });
        assertEquals(6, finished.get());
        AtomicInteger runs = new AtomicInteger();
        assertThrows(CancellationException.class, () -> BoxesLearningExperiment.run(spec, Runnable::run,
                new ExperimentObserver() {
                    @Override
                    public void runFinished(int run, int[][] steps) {
                        runs.incrementAndGet();
                    }

                    @Override
                    public boolean isCancelled() {
                        return runs.get() >= 2;
                    }
                }));
        assertEquals(2, runs.get());
    }

    @Test
    void specRejectsAbsurdValuesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec(BoxModelKind.SAMPLE, 0, 10, 1));
        assertTrue(e.getMessage().startsWith("runs must be in [1, 10000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> spec(BoxModelKind.SAMPLE, 1, 200_000, 1));
        assertTrue(e.getMessage().startsWith("episodes must be in [1, 100000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxesLearningSpec.dynaQ(BoxModelKind.SAMPLE,
                BoxesDynaParams.defaults(), List.of(0, -1), 1, 1, 1));
        assertTrue(e.getMessage().startsWith("each n must be in [0, 1000000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxesLearningSpec.dynaQ(BoxModelKind.SAMPLE,
                BoxesDynaParams.defaults(), List.of(), 1, 1, 1));
        assertTrue(e.getMessage().startsWith("nValues must list at least one n"), e.getMessage());
    }
}
