package mbrllab.core.pilco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.SwingUpTask;
import mbrllab.core.random.SplitMix64;

class RbfPolicyTest {

    /**
     * pilco-matlab's start: every centre drawn from the features' distribution under the start N(0, 0.1^2 I), so all
     * hang near the bottom at rest; small pseudo-targets; length-scales (1, 1, 1, 0.7, 0.7).
     */
    @Test
    void theInitialPolicyIsPilcoMatlabs() {
        double[] mean = new double[5];
        double[] cov = new double[25];
        PilcoLearner.startFeatures(SwingUpTask.pilco(), mean, cov);
        assertEquals(Math.exp(-0.005), mean[4], 1e-15, "E[cos theta] = exp(-v/2)");
        RbfPolicy p = RbfPolicy.initial(10, 10, mean, cov, new SplitMix64(1));
        assertEquals(65, p.parameters().length);
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 4; k++) {
                assertTrue(Math.abs(p.centre(i, k)) < 0.5, "x, x', theta', sin theta from about N(0, 0.1^2)");
            }
            assertTrue(p.centre(i, 4) > 0.9 && p.centre(i, 4) < 1.1, "cos theta near 1: hanging");
            assertTrue(Math.abs(p.target(i)) < 0.5);
        }
        double[] ls = {1, 1, 1, 0.7, 0.7};
        for (int k = 0; k < 5; k++) {
            assertEquals(ls[k], p.lengthScale(k), 1e-12);
        }
        assertEquals(p, RbfPolicy.initial(10, 10, mean, cov, new SplitMix64(1)), "the seed fixes the start");
        assertNotEquals(p, RbfPolicy.initial(10, 10, mean, cov, new SplitMix64(2)));
    }

    /** With separated centres the network passes close to the pseudo-targets (sigma = 0.01) and u stays in range. */
    @Test
    void theNetworkInterpolatesThePseudoTargets() {
        double[] theta = new double[RbfPolicy.parameterCount(4)];
        double[][] centres = {{0, 0, 0, 0, 1}, {0.5, 1, -2, 1, 0}, {-0.5, -1, 2, 0, -1}, {1, 0, 4, -1, 0}};
        double[] targets = {0.3, -1.2, 0.8, 2.5};
        for (int i = 0; i < 4; i++) {
            System.arraycopy(centres[i], 0, theta, i * 5, 5);
            theta[RbfPolicy.targetOffset(4) + i] = targets[i];
        }
        RbfPolicy p = new RbfPolicy(4, 10, theta);
        for (int i = 0; i < 4; i++) {
            assertEquals(targets[i], p.network(centres[i]), 0.01, "pi(c_" + i + ")");
        }
        SplitMix64 rng = new SplitMix64(3);
        for (int r = 0; r < 1000; r++) {
            double[] s = {3 * rng.nextGaussian(), 3 * rng.nextGaussian(), 6 * rng.nextGaussian(),
                    6 * rng.nextGaussian()};
            double u = p.force(s);
            assertTrue(Math.abs(u) <= 10 + 1e-12, "u = " + u);
            assertEquals(u, p.force(s, 7), 0.0, "the step index does not matter");
        }
    }

    @Test
    void refusesBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new RbfPolicy(3, 10, new double[10]));
        assertThrows(IllegalArgumentException.class, () -> new RbfPolicy(0, 10, new double[5]));
        assertThrows(IllegalArgumentException.class, () -> new RbfPolicy(3, 0, new double[23]));
        double[] theta = new double[23];
        theta[RbfPolicy.lengthScaleOffset(3) + 2] = 25;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RbfPolicy(3, 10, theta));
        assertTrue(e.getMessage().contains("log length-scale 2"), e.getMessage());
        theta[RbfPolicy.lengthScaleOffset(3) + 2] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> new RbfPolicy(3, 10, theta));
    }
}
