package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import mbrllab.core.maze.Maze;
import mbrllab.TestMazes;

class LearningCurveExperimentTest {

    static Maze dynaMaze() throws Exception {
        return TestMazes.dynaMaze();
    }

    @Test
    void sameSeedSameBitsWhateverTheThreads() throws Exception {
        LearningCurveSpec spec = LearningCurveSpec.figure82(dynaMaze(), 12, 10, 42);
        LearningCurves serial = LearningCurveExperiment.run(spec, Runnable::run, ExperimentObserver.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            LearningCurves parallel = LearningCurveExperiment.run(spec, pool, ExperimentObserver.NONE);
            assertEquals(serial.toCsv(), parallel.toCsv());
        } finally {
            pool.shutdownNow();
        }
        LearningCurves other = LearningCurveExperiment.run(LearningCurveSpec.figure82(dynaMaze(), 12, 10, 43),
                Runnable::run, ExperimentObserver.NONE);
        assertTrue(!serial.toCsv().equals(other.toCsv()), "another seed gives other runs");
    }

    @Test
    void commonRandomNumbersMakeTheFirstEpisodeIdenticalForEveryN() throws Exception {
        // Until the goal is first reached every Q stays 0 whatever n is, so with the same real-step stream
        // all agents of one run walk the same first episode.
        LearningCurves curves = LearningCurveExperiment.run(LearningCurveSpec.figure82(dynaMaze(), 20, 2, 5),
                Runnable::run, ExperimentObserver.NONE);
        for (int r = 0; r < curves.runs(); r++) {
            assertEquals(curves.steps(0, r, 0), curves.steps(1, r, 0), "run " + r);
            assertEquals(curves.steps(0, r, 0), curves.steps(2, r, 0), "run " + r);
        }
    }

    @Test
    void observerSeesEveryRunAndCanCancel() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        LearningCurveSpec spec = LearningCurveSpec.figure82(dynaMaze(), 8, 3, 1);
        LearningCurveExperiment.run(spec, Runnable::run, new ExperimentObserver() {
            @Override
            public void runFinished(int run, int[][] steps) {
                finished.incrementAndGet();
                assertEquals(3, steps.length);
            }
        });
        assertEquals(8, finished.get());

        AtomicInteger runs = new AtomicInteger();
        assertThrows(CancellationException.class, () -> LearningCurveExperiment.run(spec, Runnable::run,
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
    void statisticsAreMeanAndStandardError() {
        int[][][] steps = {{{10, 20}, {14, 40}, {18, 60}}};
        LearningCurves curves = new LearningCurves(List.of(0), steps);
        assertEquals(14.0, curves.mean(0, 0), 1e-12);
        // sample sd of 10, 14, 18 is 4; se = 4 / sqrt(3)
        assertEquals(4 / Math.sqrt(3), curves.standardError(0, 0), 1e-12);
        assertEquals(40.0, curves.mean(0, 1), 1e-12);
        String[] lines = curves.toCsv().split("\n");
        assertEquals("episode,n0_mean,n0_se", lines[0]);
        assertEquals("1,14.000000,2.309401", lines[1]);
    }

    @Test
    void specRejectsAbsurdValuesNamingTheField() throws Exception {
        Maze maze = dynaMaze();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningCurveSpec.figure82(maze, 1_000_000, 10, 1));
        assertTrue(e.getMessage().startsWith("runs must be in [1, 10000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DynaParams.defaults().withAlpha(1.5));
        assertTrue(e.getMessage().startsWith("alpha must be in (0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DynaParams.defaults().withN(-1));
        assertTrue(e.getMessage().startsWith("n must be in [0, "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DynaParams.defaults().withEpsilon(Double.NaN));
        assertTrue(e.getMessage().startsWith("epsilon must be in [0, 1]"), e.getMessage());
        assertArrayEquals(new int[0], new int[0]);
    }
}
