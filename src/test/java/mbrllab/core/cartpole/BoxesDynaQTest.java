package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class BoxesDynaQTest {

    static BoxesDynaQ agent(double alpha, double gamma, double epsilon, int n, BoxModelKind kind) {
        return new BoxesDynaQ(new BoxesDynaParams(alpha, gamma, epsilon, n), kind.create(), 1, 2);
    }

    /** Q-learning updates by hand with alpha 0.5, gamma 0.9. */
    @Test
    void realUpdatesByHand() {
        BoxesDynaQ a = agent(0.5, 0.9, 0.1, 0, BoxModelKind.SAMPLE);
        a.observe(85, 1, 0.0, 86);
        assertEquals(0.0, a.q(85, 1));
        // failure is terminal: target = r = -1, Q = 0 + 0.5 (-1 - 0)
        a.observe(86, 0, -1.0, Boxes.FAILED);
        assertEquals(-0.5, a.q(86, 0), 1e-15);
        // max Q(86, .) is still Q(86, right) = 0
        a.observe(85, 1, 0.0, 86);
        assertEquals(0.0, a.q(85, 1));
        a.observe(86, 1, -1.0, Boxes.FAILED);
        // an ordinary next box (as after the truncating step) bootstraps: target = 0 + 0.9 * (-0.5)
        a.observe(85, 1, 0.0, 86);
        assertEquals(-0.225, a.q(85, 1), 1e-15);
        assertEquals(5, a.realSteps());
        assertEquals(5, a.updates());
        assertEquals(2, a.observedBoxes());
        assertTrue(a.isObserved(86));
        assertEquals(5, a.model().visits(85, 1) + a.model().visits(86, 0) + a.model().visits(86, 1));
    }

    @Test
    void nPlanningUpdatesFollowEveryRealStep() {
        BoxesDynaQ a = agent(0.1, 0.99, 0.1, 7, BoxModelKind.LAST_OUTCOME);
        assertEquals(-1, a.lastPlannedPair());
        a.observe(85, 1, 0.0, 86);
        a.observe(86, 0, -1.0, Boxes.FAILED);
        assertEquals(2 * 8, a.updates());
        int pair = a.lastPlannedPair();
        assertTrue(pair == 85 * 2 + 1 || pair == 86 * 2, "pair " + pair);
        assertEquals(pair == 85 * 2 + 1 ? 86 : Boxes.FAILED, a.lastPlannedNext());
    }

    /**
     * (85, right) was seen to fail once and to reach box 86 three times, the failure last; Q(86, .) stays 0
     * (box 86 is never a state of a planned pair). Many small planning steps drive Q(85, right) to the model's
     * expected target: -1/4 with the sample model, -1 with the last-outcome model, which believes the failure.
     * With alpha 0.001 the stationary noise has standard deviation about sqrt(alpha/2 * 3/16) = 0.01; bound 0.04.
     */
    @Test
    void planningConvergesToTheModelsExpectation() {
        for (BoxModelKind kind : BoxModelKind.values()) {
            BoxesDynaQ a = agent(0.001, 0.9, 0.1, 0, kind);
            a.observe(85, 1, 0.0, 86);
            a.observe(85, 1, 0.0, 86);
            a.observe(85, 1, 0.0, 86);
            a.observe(85, 1, -1.0, Boxes.FAILED);
            for (int i = 0; i < 50_000; i++) {
                a.planningUpdate();
            }
            double expected = kind == BoxModelKind.SAMPLE ? -0.25 : -1.0;
            assertEquals(expected, a.q(85, 1), 0.04, kind.label());
            assertEquals(0.0, a.q(86, 0));
        }
    }

    @Test
    void greedyWithRandomTieBreakAndExploration() {
        BoxesDynaQ greedy = agent(0.5, 0.9, 0.0, 0, BoxModelKind.SAMPLE);
        int[] ties = new int[2];
        for (int i = 0; i < 2000; i++) {
            ties[greedy.act(85)]++;
        }
        assertTrue(ties[0] > 900 && ties[1] > 900, "ties broken at random: " + ties[0] + "/" + ties[1]);
        greedy.observe(85, 0, -1.0, Boxes.FAILED);
        for (int i = 0; i < 200; i++) {
            assertEquals(BalanceSystem.PUSH_RIGHT, greedy.act(85), "strictly better action");
        }
        BoxesDynaQ explorer = agent(0.5, 0.9, 1.0, 0, BoxModelKind.SAMPLE);
        explorer.observe(85, 0, -1.0, Boxes.FAILED);
        int left = 0;
        for (int i = 0; i < 2000; i++) {
            left += explorer.act(85) == BalanceSystem.PUSH_LEFT ? 1 : 0;
        }
        assertTrue(left > 900 && left < 1100, "epsilon 1 explores uniformly: " + left);
    }

    /** Two draws per real step, whatever the branch: a plain generator two draws on has the same state. */
    @Test
    void everyActionDrawsExactlyTwoNumbers() {
        BoxesDynaQ a = new BoxesDynaQ(new BoxesDynaParams(0.5, 0.9, 0.3, 0), BoxModelKind.SAMPLE.create(), 42, 0);
        a.observe(85, 0, -1.0, Boxes.FAILED);
        SplitMix64 shadow = new SplitMix64(42);
        for (int i = 0; i < 500; i++) {
            double explore = shadow.nextDouble();
            double pick = shadow.nextDouble();
            int expected = explore < 0.3 ? (int) (pick * 2) : BalanceSystem.PUSH_RIGHT;
            assertEquals(expected, a.act(85), "step " + i);
        }
    }

    @Test
    void paramsAreValidatedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxesDynaParams.defaults().withAlpha(0));
        assertTrue(e.getMessage().startsWith("alpha must be in (0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxesDynaParams.defaults().withGamma(1.01));
        assertTrue(e.getMessage().startsWith("gamma must be in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxesDynaParams.defaults().withEpsilon(-0.1));
        assertTrue(e.getMessage().startsWith("epsilon must be in [0, 1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BoxesDynaParams.defaults().withN(-5));
        assertTrue(e.getMessage().startsWith("n must be in [0, 1000000]"), e.getMessage());
        assertEquals(new BoxesDynaParams(0.1, 0.99, 0.1, 0), BoxesDynaParams.defaults());
    }
}
