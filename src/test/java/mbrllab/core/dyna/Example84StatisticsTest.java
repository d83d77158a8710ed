package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;
import mbrllab.core.maze.Maze;

/**
 * Example 8.4 of Sutton and Barto: prioritized sweeping needs fewer updates than Dyna-Q to find an optimal
 * policy, on every shipped size of the Dyna-maze (1x to 6x), with 20 runs per size sharing seeds between the two.
 *
 * <p>Bounds, from measurements with three other seeds (20 runs per size each, 360 runs per method): prioritized
 * sweeping used fewer updates than Dyna-Q in 13 to 20 runs of 20 per size, counting its censored runs as losses;
 * the ratio of the means was 2.7 to 9.3. Prioritized sweeping's runs were censored (no optimal policy after
 * 2,000,000 real steps) in 24 of 360 runs, at most 6 of 20 for one size; Dyna-Q's in none. Chance alone (a fair
 * coin per run) would give 75% wins among the runs that both finished with probability below 2%.
 */
class Example84StatisticsTest {

    static final int RUNS = 20;
    static UpdatesToOptimal result;
    static ExecutorService pool;

    @BeforeAll
    static void runExperiment() throws Exception {
        List<Maze> mazes = new ArrayList<>();
        mazes.add(TestMazes.dynaMaze());
        for (int k = 2; k <= 6; k++) {
            mazes.add(TestMazes.maze("dyna-maze-" + k + "x.maze"));
        }
        pool = Executors.newFixedThreadPool(2);
        result = UpdatesToOptimalExperiment.run(UpdatesToOptimalSpec.example84(mazes, RUNS, 20261126L), pool,
                ExperimentObserver.NONE);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    static final int DYNA_Q = 0;
    static final int PS = 1;

    @Test
    void theSizesAreTheDynaMazeTimesKSquared() {
        assertEquals(List.of(47, 188, 423, 752, 1175, 1692), result.states());
        assertEquals(List.of("Dyna-Q", "Prioritized sweeping"), result.labels());
    }

    @Test
    void prioritizedSweepingNeedsFewerUpdatesOnEverySize() {
        for (int m = 0; m < result.states().size(); m++) {
            String where = result.mazeNames().get(m) + ": Dyna-Q " + result.mean(m, DYNA_Q) + " (" 
                    + result.censored(m, DYNA_Q) + " censored), prioritized sweeping " + result.mean(m, PS) + " ("
                    + result.censored(m, PS) + " censored)";
            assertTrue(result.censored(m, DYNA_Q) <= 2, where);
            assertTrue(result.censored(m, PS) <= 7, where);
            int both = 0;
            int wins = 0;
            for (int r = 0; r < RUNS; r++) {
                UpdatesToOptimal.Outcome q = result.outcome(m, DYNA_Q, r);
                UpdatesToOptimal.Outcome p = result.outcome(m, PS, r);
                if (q.reached() && p.reached()) {
                    both++;
                    if (p.updates() < q.updates()) {
                        wins++;
                    }
                }
            }
            assertTrue(both >= 12 && wins >= 0.75 * both, where + "; fewer updates in " + wins + " of " + both);
            assertTrue(result.mean(m, PS) < result.mean(m, DYNA_Q) / 2, where);
        }
    }

    @Test
    void bothMethodsNeedMoreUpdatesOnLargerMazes() {
        int last = result.states().size() - 1;
        for (int a = 0; a < 2; a++) {
            assertTrue(result.mean(last, a) > 10 * result.mean(0, a), result.labels().get(a) + ": " + result.mean(0, a)
                    + " on the Dyna-maze, " + result.mean(last, a) + " at 6x");
        }
    }

    @Test
    void theCsvHasOneLinePerMaze() {
        String[] lines = result.toCsv().split("\n");
        assertEquals("maze,states,dynaq_updates_mean,dynaq_updates_se,ps_updates_mean,ps_updates_se", lines[0]);
        assertEquals(7, lines.length);
        assertTrue(lines[1].startsWith("Dyna-maze,47,"), lines[1]);
        assertTrue(lines[6].startsWith("Dyna-maze 6x,1692,"), lines[6]);
    }
}
