package mbrllab.core.acceleration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.BalanceTask;

class AccelerationResultTest {

    private static RunRecord record(int[] returns) {
        int[] steps = new int[returns.length];
        int sum = 0;
        for (int e = 0; e < returns.length; e++) {
            sum += returns[e];
            steps[e] = sum;
        }
        return new RunRecord(returns, steps, new ProcessCounters(sum, returns.length, 0, 0, 0, 0, 0, 0, sum, 0, 0, 0),
                null);
    }

    private static int[] repeat(int value, int times, int[] tail) {
        int[] a = new int[times + tail.length];
        java.util.Arrays.fill(a, 0, times, value);
        System.arraycopy(tail, 0, a, times, tail.length);
        return a;
    }

    /**
     * Steps to 195 by hand: nine episodes of 100 then 500, 500, 500, 20: the mean of the last 10 is 140 after episode
     * 10, (8 * 100 + 2 * 500) / 10 = 180 after episode 11 and (7 * 100 + 3 * 500) / 10 = 220 after episode 12, which
     * ends at real step 900 + 1500 (the window needs 10 episodes).
     */
    @Test
    void stepsToThresholdByHand() {
        RunRecord r = record(repeat(100, 9, new int[] {500, 500, 500, 20}));
        assertEquals(900 + 1500, r.stepsToThreshold(10, 195));
        assertEquals(-1, record(repeat(500, 9, new int[0])).stepsToThreshold(10, 195), "fewer than 10 episodes");
        assertEquals(500 * 10, record(repeat(500, 12, new int[0])).stepsToThreshold(10, 195));
        // exactly 195 counts
        assertEquals(1950, record(repeat(195, 10, new int[0])).stepsToThreshold(10, 195));
        assertThrows(IllegalArgumentException.class, () -> r.stepsToThreshold(0, 195));
        // before the window: episodes 1 and 2 (200 steps); the window, episodes 3 to 12: 7 * 100 + 3 * 500
        assertEquals(200, r.stepsBeforeWindow(10, 195));
        assertEquals(0, record(repeat(195, 10, new int[0])).stepsBeforeWindow(10, 195), "the first 10 episodes");
        assertEquals(-1, record(repeat(500, 9, new int[0])).stepsBeforeWindow(10, 195));
        // 20 short episodes, then 4 of 500: the window is episodes 15 to 24 (6 * 10 + 4 * 500), 140 steps before it
        RunRecord late = record(repeat(10, 20, new int[] {500, 500, 500, 500}));
        assertEquals(200 + 2000, late.stepsToThreshold(10, 195));
        assertEquals(140, late.stepsBeforeWindow(10, 195));
    }

    /**
     * Two settings, three runs: per-episode means over the runs that have the episode, standard errors, steps to 195
     * with the cap for a run that never gets there, and the paired difference.
     */
    @Test
    void statisticsByHand() {
        AccelerationSpec spec = new AccelerationSpec(BalanceTask.cartPoleV1(), DynaDqnTest.small(),
                List.of(AccelerationSetting.realOnly(), AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5)), 3,
                100, 5000, 10, 5, 1);
        RunRecord[][] records = {
            {record(repeat(200, 10, new int[0])), record(repeat(20, 12, new int[0])),
                record(repeat(300, 10, new int[] {40}))},
            {record(repeat(250, 10, new int[0])), record(repeat(400, 10, new int[0])),
                record(repeat(200, 11, new int[0]))},
        };
        AccelerationResult result = new AccelerationResult(spec, records);
        // episode 1 of setting 0: 200, 20, 300 -> mean 173.333, sample sd sqrt(((26.67)^2 + (153.33)^2 + (126.67)^2)/2)
        double mean = (200 + 20 + 300) / 3.0;
        double sd = Math.sqrt((Math.pow(200 - mean, 2) + Math.pow(20 - mean, 2) + Math.pow(300 - mean, 2)) / 2);
        assertEquals(mean, result.returnMean(0, 0), 1e-12);
        assertEquals(sd / Math.sqrt(3), result.returnSe(0, 0), 1e-12);
        // episode 11 (index 10): only runs 2 (20) and 3 (40) of setting 0 have it
        assertEquals(2, result.runsWithEpisode(0, 10));
        assertEquals(30, result.returnMean(0, 10), 1e-12);
        assertEquals(Math.sqrt(200.0) / Math.sqrt(2), result.returnSe(0, 10), 1e-12);
        assertEquals((11 * 20 + 3040) / 2.0, result.realStepsMean(0, 10), 1e-12);
        assertTrue(Double.isNaN(result.returnMean(0, 12)));
        assertEquals(12, result.maxEpisodes(0));
        // steps to 195: 2000, never (cap 5000), 3000 | 2500, 4000, 2000
        assertArrayEquals(new int[] {2000, 5000, 3000}, result.stepsTo195(0));
        assertArrayEquals(new int[] {2500, 4000, 2000}, result.stepsTo195(1));
        assertEquals(2, result.reached(0));
        assertEquals(3, result.reached(1));
        assertEquals(10_000 / 3.0, result.stepsTo195Mean(0), 1e-9);
        assertEquals(3000, result.stepsTo195Median(0)); // 2000, 3000, 5000
        assertEquals(2500, result.stepsTo195Median(1)); // 2000, 2500, 4000
        // each run that reaches 195 does so with its first 10 episodes: nothing before them; windows 2000 and 3000
        assertArrayEquals(new double[] {0, 2500}, result.stepsTo195Split(0), 0.0);
        // paired differences 2000-2500, 5000-4000, 3000-2000 = -500, 1000, 1000: mean 500, sd sqrt(750000) / sqrt(3)
        double[] d = result.pairedDifference(0, 1);
        assertEquals(500, d[0], 1e-9);
        assertEquals(Math.sqrt((1_000_000 + 250_000 + 250_000) / 2.0) / Math.sqrt(3), d[1], 1e-9);
        assertNull(result.rolloutError(0, 1));
    }

    /**
     * Against real steps: at step t, per run, the mean return of its (up to) last 10 episodes finished by t; runs
     * that have finished no episode yet, or stopped before t, do not count.
     */
    @Test
    void learningCurveAgainstRealSteps() {
        AccelerationSpec spec = new AccelerationSpec(BalanceTask.cartPoleV1(), DynaDqnTest.small(),
                List.of(AccelerationSetting.realOnly()), 2, 100, 5000, 10, 5, 1);
        RunRecord[][] records = {{record(new int[] {10, 30, 50}), record(new int[] {25, 100})}};
        AccelerationResult result = new AccelerationResult(spec, records);
        double[][] c = result.returnAgainstSteps(0, new int[] {5, 10, 30, 40, 90, 125, 126});
        // t = 5: nothing finished; t = 10: run 1 has 10; t = 30: run 1 mean(10) = 10, run 2 mean(25) = 25
        assertTrue(Double.isNaN(c[0][0]));
        assertEquals(10, c[0][1]);
        assertEquals(1, c[2][1]);
        assertEquals(17.5, c[0][2]);
        assertEquals(2, c[2][2]);
        // t = 40: run 1 (10, 30) -> 20, run 2 -> 25
        assertEquals(22.5, c[0][3]);
        // t = 90: run 1 (10, 30, 50) -> 30 and stopped at 90, run 2 -> 25
        assertEquals(27.5, c[0][4]);
        assertEquals(Math.sqrt(12.5) / Math.sqrt(2), c[1][4], 1e-12);
        // t = 125: run 1 stopped; run 2 (25, 100) -> 62.5; t = 126: no run left
        assertEquals(62.5, c[0][5]);
        assertEquals(1, c[2][5]);
        assertTrue(Double.isNaN(c[0][6]));
    }
}
