package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;

/**
 * The qualitative results of the book's Figures 8.4 and 8.5 (Sutton and Barto, Section 8.3) as statistics over
 * 100 runs with the book's parameters, Dyna-Q and Dyna-Q+ sharing every run's seeds.
 *
 * <p>Bounds, from measurements with three other seeds (100 runs each): on the shortcut maze Dyna-Q+'s greedy
 * path at step 6000 was the 10-step shortcut in 82 to 87 runs of 100, Dyna-Q's in none of 300; goals in the last
 * 1000 steps averaged 80.5 to 80.9 against 54.5 to 54.8. On the blocking maze the first goal after the change
 * came after 337 to 365 steps on average for Dyna-Q+ and 885 to 1051 for Dyna-Q (counting 2000 when it never
 * came), Dyna-Q+ always found the new way before step 3000 and Dyna-Q did not in 35 to 46 runs of 100; reward
 * after the change averaged 72 to 76 against 21 to 33. Binomial standard deviations at 100 runs are 4 runs or
 * less, so the bounds below are at least 3 of them away from every measurement.
 */
class ChangingMazeStatisticsTest {

    static final int RUNS = 100;
    static final long SEED = 20261126L;

    static int[] shortcutTakers = new int[2];
    static double[] lastThousand = new double[2];
    static double[] recovery = new double[2];
    static double[] recoverySquares = new double[2];
    static int[] neverRecovered = new int[2];
    static double[] gainAfterBlock = new double[2];
    static CumulativeRewards blocking;

    @BeforeAll
    static void runBothExperiments() throws Exception {
        Maze shortcut = TestMazes.maze("shortcut.maze");
        CumulativeRewardSpec fig85 = CumulativeRewardSpec.figure85(shortcut, RUNS, SEED);
        GreedyCheck afterChange = new GreedyCheck(new MazeDynamics(shortcut.change().orElseThrow().layout()));
        assertEquals(10, afterChange.shortestPath());
        for (int r = 0; r < RUNS; r++) {
            for (int i = 0; i < 2; i++) {
                MazeAgent agent = fig85.agents().get(i).create(shortcut, 0.0, fig85.realSeed(r), fig85.planSeed(r));
                long goalsAt5000 = 0;
                for (int t = 1; t <= 6000; t++) {
                    agent.step();
                    if (t == 5000) {
                        goalsAt5000 = agent.goalsReached();
                    }
                }
                if (afterChange.firstIndexGreedyPathLength(agent.qTable()) == 10) {
                    shortcutTakers[i]++;
                }
                lastThousand[i] += (agent.goalsReached() - goalsAt5000) / (double) RUNS;
            }
        }
        CumulativeRewardSpec fig84 = CumulativeRewardSpec.figure84(TestMazes.maze("blocking.maze"), RUNS, SEED);
        blocking = CumulativeRewardExperiment.run(fig84, Runnable::run, ExperimentObserver.NONE);
        for (int r = 0; r < RUNS; r++) {
            int[][] goals = CumulativeRewardExperiment.runOne(fig84, r, ExperimentObserver.NONE);
            for (int i = 0; i < 2; i++) {
                int atChange = goals[i][999];
                int t = 1000;
                while (t < 3000 && goals[i][t] == atChange) {
                    t++;
                }
                if (t == 3000) {
                    neverRecovered[i]++;
                }
                recovery[i] += (t - 1000) / (double) RUNS;
                recoverySquares[i] += (double) (t - 1000) * (t - 1000) / RUNS;
                gainAfterBlock[i] += (goals[i][2999] - atChange) / (double) RUNS;
            }
        }
    }

    @Test
    void dynaQPlusFindsTheShortcutAndDynaQMostlyDoesNot() {
        assertTrue(shortcutTakers[1] >= 70, "Dyna-Q+ runs whose greedy path is the shortcut: " + shortcutTakers[1]);
        assertTrue(shortcutTakers[0] <= 5, "Dyna-Q runs whose greedy path is the shortcut: " + shortcutTakers[0]);
        assertTrue(lastThousand[1] > lastThousand[0] + 15, "goals in the last 1000 steps: Dyna-Q " + lastThousand[0]
                + ", Dyna-Q+ " + lastThousand[1]);
    }

    @Test
    void dynaQPlusRecoversFasterAfterBlocking() {
        double seQ = Math.sqrt((recoverySquares[0] - recovery[0] * recovery[0]) / (RUNS - 1));
        double sePlus = Math.sqrt((recoverySquares[1] - recovery[1] * recovery[1]) / (RUNS - 1));
        String means = "steps from the change to the next goal: Dyna-Q " + recovery[0] + ", Dyna-Q+ " + recovery[1];
        assertTrue(recovery[1] < 0.6 * recovery[0], means);
        // the difference is over 4 standard errors of the difference
        assertTrue(recovery[0] - recovery[1] > 4 * Math.sqrt(seQ * seQ + sePlus * sePlus), means);
        assertEquals(0, neverRecovered[1], "Dyna-Q+ runs without a goal in the 2000 steps after the change");
        assertTrue(neverRecovered[0] >= 15, "Dyna-Q runs without a goal after the change: " + neverRecovered[0]);
        assertTrue(gainAfterBlock[1] > gainAfterBlock[0] + 30, "reward after the change: Dyna-Q " + gainAfterBlock[0]
                + ", Dyna-Q+ " + gainAfterBlock[1]);
    }

    @Test
    void bothAgentsHadFoundTheFirstWayBeforeTheChangeAndTheCurvesEndWhereTheBookSays() {
        // Before the change both collect reward steadily; at step 3000 Dyna-Q+ is clearly ahead (Figure 8.4).
        assertTrue(blocking.mean(0, 1000) > 25 && blocking.mean(1, 1000) > 40, "at the change: Dyna-Q "
                + blocking.mean(0, 1000) + ", Dyna-Q+ " + blocking.mean(1, 1000));
        assertTrue(blocking.finalMean(1) - blocking.finalMean(0)
                > 4 * Math.hypot(blocking.finalStandardError(0), blocking.finalStandardError(1)),
                "at step 3000: Dyna-Q " + blocking.finalMean(0) + ", Dyna-Q+ " + blocking.finalMean(1));
        assertEquals(RUNS, blocking.runs());
    }
}
