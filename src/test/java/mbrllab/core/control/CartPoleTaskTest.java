package mbrllab.core.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.cartpole.SwingUpSystem;

class CartPoleTaskTest {

    private final SwingUpTask swingUp = SwingUpTask.pilco();

    @Test
    void theSwingUpCostIsZeroUprightAndSaturatesHanging() {
        assertEquals(0.0, swingUp.cost(new double[] {0, 0, Math.PI, 0}), 1e-15);
        // hanging at x = 0: the tip is 2l = 1 m below its target, c = 1 - exp(-1 / (2 * 0.25^2)) = 1 - exp(-8)
        assertEquals(1 - Math.exp(-8), swingUp.cost(new double[] {0, 0, 0, 0}), 1e-15);
        assertEquals(1.0, swingUp.tipDistance(new double[] {0, 0, 0, 0}), 1e-15);
        // upright but the cart 0.3 m off: d = 0.3
        assertEquals(0.3, swingUp.tipDistance(new double[] {0.3, 5, Math.PI, -2}), 1e-12);
        // horizontal, pointing to +x, cart at -0.5: tip (0, 0), target (0, 0.5): d = 0.5
        assertEquals(0.5, swingUp.tipDistance(new double[] {-0.5, 0, Math.PI / 2, 0}), 1e-12);
        assertEquals(1 - swingUp.cost(new double[] {0.3, 0, Math.PI, 0}),
                swingUp.reward(new double[] {0.3, 0, Math.PI, 0}));
    }

    @Test
    void successNeedsTheElevenStatesOfTheLastSecond() {
        assertEquals(30, swingUp.successFromStep());
        double[] states = new double[41 * 4];
        for (int t = 0; t <= 40; t++) {
            states[t * 4 + 2] = t >= 30 ? Math.PI : 0;
        }
        assertTrue(swingUp.isSuccess(states));
        states[30 * 4] = 0.1; // exactly 0.1 m off at t = 3.0 s: not strictly within
        assertFalse(swingUp.isSuccess(states));
        states[30 * 4] = 0.0999;
        assertTrue(swingUp.isSuccess(states));
        states[29 * 4 + 2] = 1.0; // before the window: does not matter
        assertTrue(swingUp.isSuccess(states));
        states[40 * 4 + 2] = Math.PI - 0.3; // the last state off by 0.3 rad: tip about 0.15 m away
        assertFalse(swingUp.isSuccess(states));
        assertFalse(swingUp.isSuccess(java.util.Arrays.copyOf(states, 40 * 4)), "a short episode is no success");
        // total cost: 30 hanging states after the start (t = 1 .. 29 hanging, t = 30 .. 40 near upright)
        double[] hanging = new double[41 * 4];
        assertEquals(40 * (1 - Math.exp(-8)), swingUp.totalCost(hanging), 1e-12);
    }

    @Test
    void theStartIsSpreadAroundHangingAtRest() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] s = new double[4];
        double[] sum = new double[4];
        double[] sumSq = new double[4];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            swingUp.reset(s, rng);
            for (int k = 0; k < 4; k++) {
                sum[k] += s[k];
                sumSq[k] += s[k] * s[k];
            }
        }
        for (int k = 0; k < 4; k++) {
            double mean = sum[k] / n;
            double var = sumSq[k] / n - mean * mean;
            assertEquals(0, mean, 5 * 0.1 / Math.sqrt(n), "mean of component " + k);
            // the sample variance of n normals has standard deviation about var sqrt(2/n)
            assertEquals(0.01, var, 5 * 0.01 * Math.sqrt(2.0 / n), "variance of component " + k);
        }
    }

    @Test
    void observationsAddTheTasksNoise() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] s = {0.1, -0.2, 3.0, 0.4};
        double[] o = new double[4];
        double sumSq = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            swingUp.observe(s, o, rng);
            for (int k = 0; k < 4; k++) {
                sumSq += (o[k] - s[k]) * (o[k] - s[k]);
            }
        }
        assertEquals(1e-4, sumSq / (4 * n), 5 * 1e-4 * Math.sqrt(2.0 / (4 * n)));
        BalanceTask balance = BalanceTask.cartPoleV1();
        balance.observe(s, o, rng);
        assertArrayEquals(s, o, "the balance task is observed without noise");
    }

    @Test
    void forcesAreClippedToTheTasksLimit() {
        BalanceTask balance = BalanceTask.cartPoleV1();
        assertEquals(10, balance.clip(25));
        assertEquals(-10, balance.clip(-1e9));
        assertEquals(3.5, balance.clip(3.5));
        double[] a = {0.01, 0.02, 0.03, 0.04};
        double[] b = a.clone();
        balance.step(a, 50, new double[0]);
        BalanceSystem.cartPoleV1().step(b, 10);
        assertArrayEquals(b, a, 0.0, "a force of 50 N acts as 10 N");
        assertThrows(IllegalArgumentException.class, () -> balance.step(a, Double.NaN, new double[0]));
    }

    @Test
    void anEpisodeRecordsTheTrueRolloutThatReSimulatesExactly() {
        SplittableRandom rng = new SplittableRandom(11);
        SplittableRandom policy = new SplittableRandom(12);
        TaskEpisode episode = TaskEpisode.run(swingUp, (o, t) -> 20 * (2 * policy.nextDouble() - 1), rng);
        assertEquals(40, episode.length());
        assertFalse(episode.terminated());
        SwingUpSystem system = swingUp.system();
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        double costSum = 0;
        for (int t = 0; t < 40; t++) {
            double[] s = episode.truth().state(t);
            double u = episode.truth().action(t);
            assertTrue(Math.abs(u) <= 10, "clipped force");
            assertEquals(u, episode.observed().action(t));
            system.step(s, u, work);
            assertArrayEquals(episode.truth().state(t + 1), s, 0.0, "step " + t);
            assertEquals(1 - swingUp.cost(s), episode.rewards()[t], 0.0);
            costSum += swingUp.cost(s);
            double[] o = episode.observed().state(t);
            for (int k = 0; k < 4; k++) {
                assertTrue(Math.abs(o[k] - episode.truth().state(t, k)) < 0.06, "observation near the truth");
            }
        }
        assertEquals(40 - costSum, episode.totalReward(), 1e-12);
        assertEquals(costSum, swingUp.totalCost(episode.truth().states()), 1e-12);
    }

    @Test
    void aBalanceEpisodeEndsAtTheFailingStep() {
        BalanceTask balance = BalanceTask.cartPoleV1();
        TaskEpisode episode = TaskEpisode.run(balance, (o, t) -> 10, new SplittableRandom(5));
        assertTrue(episode.terminated());
        assertTrue(episode.length() < 30, "a constant push fails fast, got " + episode.length());
        assertTrue(balance.isTerminal(episode.truth().state(episode.length())));
        assertFalse(balance.isTerminal(episode.truth().state(episode.length() - 1)));
        assertEquals(episode.length(), episode.totalReward(), 0.0, "+1 per step, the failing one included");
        assertArrayEquals(episode.truth().states(), episode.observed().states(), 0.0);
    }

    @Test
    void theSameSeedGivesTheSameEpisode() {
        Controller c = (o, t) -> -3 * o[0] + 2 * Math.sin(o[2]);
        TaskEpisode a = TaskEpisode.run(swingUp, c, new SplittableRandom(99));
        TaskEpisode b = TaskEpisode.run(swingUp, c, new SplittableRandom(99));
        assertArrayEquals(a.truth().states(), b.truth().states(), 0.0);
        assertArrayEquals(a.observed().states(), b.observed().states(), 0.0);
    }

    @Test
    void aShorterSwingUpKeepsItsLastSecondAsTheWindow() {
        SwingUpTask shorter = swingUp.withSteps(20);
        assertEquals(20, shorter.steps());
        assertEquals(10, shorter.successFromStep());
        assertThrows(IllegalArgumentException.class, () -> swingUp.withSteps(0));
    }
}
