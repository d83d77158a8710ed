package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;
import mbrllab.core.maze.Maze;

class CumulativeRewardExperimentTest {

    @Test
    void sameSeedSameBitsWhateverTheThreadsAndTheCsvHeaderOfTheBook() throws Exception {
        CumulativeRewardSpec spec = CumulativeRewardSpec.figure84(TestMazes.maze("blocking.maze"), 9, 42)
                .withSteps(1500);
        CumulativeRewards serial = CumulativeRewardExperiment.run(spec, Runnable::run, ExperimentObserver.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CumulativeRewards parallel = CumulativeRewardExperiment.run(spec, pool, ExperimentObserver.NONE);
            assertEquals(serial.toCsv(), parallel.toCsv());
        } finally {
            pool.shutdownNow();
        }
        String[] lines = serial.toCsv().split("\n");
        assertEquals("step,dynaq_mean,dynaq_se,dynaqplus_mean,dynaqplus_se", lines[0]);
        assertEquals(1501, lines.length);
        assertTrue(lines[1].startsWith("1,"));
        assertEquals(1000, serial.changeStep());
        assertEquals(List.of("Dyna-Q", "Dyna-Q+"), serial.labels());
        CumulativeRewards other = CumulativeRewardExperiment.run(CumulativeRewardSpec.figure84(
                TestMazes.maze("blocking.maze"), 9, 43).withSteps(1500), Runnable::run, ExperimentObserver.NONE);
        assertTrue(!serial.toCsv().equals(other.toCsv()), "another seed gives other runs");
    }

    @Test
    void meanAndStandardErrorMatchTheRunsOneByOne() throws Exception {
        CumulativeRewardSpec spec = CumulativeRewardSpec.figure84(TestMazes.maze("blocking.maze"), 7, 3)
                .withSteps(1200);
        CumulativeRewards result = CumulativeRewardExperiment.run(spec, Runnable::run, ExperimentObserver.NONE);
        int[][][] runs = new int[7][][];
        for (int r = 0; r < 7; r++) {
            runs[r] = CumulativeRewardExperiment.runOne(spec, r, ExperimentObserver.NONE);
        }
        for (int agent = 0; agent < 2; agent++) {
            for (int step : new int[] {1, 500, 1000, 1001, 1200}) {
                double mean = 0;
                for (int[][] run : runs) {
                    mean += run[agent][step - 1];
                }
                mean /= 7;
                double squares = 0;
                for (int[][] run : runs) {
                    squares += (run[agent][step - 1] - mean) * (run[agent][step - 1] - mean);
                }
                double se = Math.sqrt(squares / 6 / 7);
                assertEquals(mean, result.mean(agent, step), 1e-12);
                assertEquals(se, result.standardError(agent, step), 1e-12);
            }
            for (int[][] run : runs) {
                for (int t = 1; t < 1200; t++) {
                    assertTrue(run[agent][t] - run[agent][t - 1] <= 1, "at most one goal per step");
                }
            }
        }
        assertTrue(result.finalMean(1) > 10, "Dyna-Q+ reaches G: " + result.finalMean(1));
    }

    @Test
    void aRunIsTheAgentsOwnGoalCounterStepByStep() throws Exception {
        Maze maze = TestMazes.maze("shortcut.maze");
        CumulativeRewardSpec spec = CumulativeRewardSpec.figure85(maze, 2, 5).withSteps(3500).withSlip(0.1);
        int[][] goals = CumulativeRewardExperiment.runOne(spec, 1, ExperimentObserver.NONE);
        MazeAgent agent = spec.agents().get(1).create(maze, 0.1, spec.realSeed(1), spec.planSeed(1));
        for (int t = 0; t < 3500; t++) {
            agent.step();
            assertEquals(agent.goalsReached(), goals[1][t], "step " + (t + 1));
        }
        assertEquals(maze.change().orElseThrow().layout(), agent.dynamics().layout());
    }

    @Test
    void observerSeesEveryRunAndCanCancel() throws Exception {
        CumulativeRewardSpec spec = CumulativeRewardSpec.figure84(TestMazes.maze("blocking.maze"), 6, 1)
                .withSteps(300);
        AtomicInteger finished = new AtomicInteger();
        CumulativeRewardExperiment.run(spec, Runnable::run, new ExperimentObserver() {
            @Override
            public void runFinished(int run, int[][] goals) {
                assertEquals(2, goals.length);
                assertEquals(300, goals[0].length);
                finished.incrementAndGet();
            }
        });
        assertEquals(6, finished.get());
        assertThrows(CancellationException.class, () -> CumulativeRewardExperiment.run(spec, Runnable::run,
                new ExperimentObserver() {
                    @Override
                    public boolean isCancelled() {
                        return true;
                    }
                }));
    }

    @Test
    void liveSnapshotsGrowRunByRun() throws Exception {
        CumulativeRewardSpec spec = CumulativeRewardSpec.figure84(TestMazes.maze("blocking.maze"), 3, 1)
                .withSteps(50);
        CumulativeRewards.Accumulator acc = new CumulativeRewards.Accumulator(spec);
        assertEquals(0, acc.snapshot().runs());
        assertEquals(0.0, acc.snapshot().mean(0, 50));
        acc.add(new int[][] {new int[50], new int[50]});
        int[] ones = new int[50];
        java.util.Arrays.fill(ones, 1);
        acc.add(new int[][] {ones, ones});
        CumulativeRewards two = acc.snapshot();
        assertEquals(2, two.runs());
        assertEquals(0.5, two.mean(1, 10));
        assertEquals(0.5, two.standardError(1, 10), 1e-15); // s = sqrt(0.5), se = s / sqrt(2)
        assertThrows(IllegalArgumentException.class, () -> acc.add(new int[][] {ones}));
    }

    @Test
    void badSpecsNameTheFieldAndItsRange() throws Exception {
        Maze maze = TestMazes.maze("blocking.maze");
        List<AgentSpec> agents = List.of(AgentSpec.dynaQ(DynaParams.defaults()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CumulativeRewardSpec(maze, agents, 0, 10, 1, 0));
        assertEquals("runs must be in [1, 10000], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CumulativeRewardSpec(maze, agents, 1, 0, 1, 0));
        assertEquals("steps must be in [1, 1000000], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CumulativeRewardSpec(maze, agents, 1, 10, 1, 2));
        assertEquals("slip must be in [0, 1], got 2.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CumulativeRewardSpec(maze, List.of(), 1, 10, 1, 0));
        assertTrue(e.getMessage().startsWith("agents must list 1 to 8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new CumulativeRewardSpec(maze, agents, 10_000, 1_000_000, 1, 0));
        assertTrue(e.getMessage().startsWith("runs * steps * agents must be at most"), e.getMessage());
    }
}
