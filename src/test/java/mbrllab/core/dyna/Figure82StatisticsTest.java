package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The book's Figure 8.2 (Sutton and Barto, Section 8.2) as statistics over 100 runs of 50 episodes:
 * shortest path 14 steps, curves settling a little above it with epsilon 0.1, n = 50 there within about
 * 3 episodes, n = 5 within about 5, n = 0 needing about 25, and a long first episode for every n.
 * Bounds are wide enough for any seed (the standard errors at 100 runs are well under a step late on).
 */
class Figure82StatisticsTest {

    static LearningCurves curves;

    @BeforeAll
    static void runExperiment() throws Exception {
        curves = LearningCurveExperiment.run(LearningCurveSpec.figure82(LearningCurveExperimentTest.dynaMaze(),
                100, 50, 2026), Runnable::run, ExperimentObserver.NONE);
    }

    static double mean(int curve, int episode) {
        return curves.mean(curve, episode - 1);
    }

    static final int N0 = 0;
    static final int N5 = 1;
    static final int N50 = 2;

    @Test
    void firstEpisodeIsLongForEveryN() {
        for (int c = 0; c < 3; c++) {
            assertTrue(mean(c, 1) > 300, "episode 1 mean " + mean(c, 1));
        }
    }

    @Test
    void allCurvesSettleALittleAboveTheShortestPath() {
        for (int c = 0; c < 3; c++) {
            double late = 0;
            for (int e = 41; e <= 50; e++) {
                late += mean(c, e) / 10;
            }
            assertTrue(late > 14.5 && late < 19, "curve " + c + " episodes 41-50 mean " + late);
        }
    }

    @Test
    void n50IsNearOptimalByEpisode3() {
        assertTrue(mean(N50, 3) < 25, "n=50 episode 3: " + mean(N50, 3));
        assertTrue(mean(N50, 2) < mean(N5, 2), "n=50 beats n=5 at episode 2");
    }

    @Test
    void n5IsNearOptimalByEpisode5to6() {
        assertTrue(mean(N5, 6) < 25, "n=5 episode 6: " + mean(N5, 6));
        assertTrue(mean(N5, 3) > mean(N50, 3), "n=5 is slower than n=50 at episode 3");
    }

    @Test
    void n0NeedsAboutTwentyFiveEpisodes() {
        assertTrue(mean(N0, 5) > 100, "n=0 is still far off at episode 5: " + mean(N0, 5));
        assertTrue(mean(N0, 10) > 40, "n=0 episode 10: " + mean(N0, 10));
        assertTrue(mean(N0, 30) < 25, "n=0 episode 30: " + mean(N0, 30));
    }
}
