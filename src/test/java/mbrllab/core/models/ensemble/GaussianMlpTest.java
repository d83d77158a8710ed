package mbrllab.core.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class GaussianMlpTest {

    /**
     * Backpropagation against central differences (step 1e-6) for every one of the parameters of a
     * 3 -> 5 -> 4 -> 2x2 net (every layer narrow) and of a 3 -> 21 -> 18 -> 2x2 net (wide hidden layers, whose
     * loops run along the outputs), on a batch of 7 (rows picked with a repeat; 7 = one block of 4 plus 3),
     * with weight decay and the bound penalty on, and log-variance bounds close enough that both soft bounds
     * bend the output: |analytic - numeric| <= 1e-6 (1 + |numeric|).
     */
    @Test
    void gradientMatchesFiniteDifferencesForEveryParameter() {
        checkGradient(new int[] {5, 4});
        checkGradient(new int[] {21, 18});
    }

    private static void checkGradient(int[] hidden) {
        SplitMix64 rng = new SplitMix64(17);
        GaussianMlp net = new GaussianMlp(3, hidden, 2);
        double[] theta = new double[net.parameterCount()];
        net.initialize(theta, rng, 0.3, -0.6);
        for (int i = 0; i < theta.length - 4; i++) {
            theta[i] = 2.5 * theta[i] + 0.1 * rng.nextGaussian(); // larger weights, non-zero biases
        }
        double[] x = new double[10 * 3];
        double[] y = new double[10 * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2 * rng.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextGaussian();
        }
        int[] rows = {9, 0, 3, 3, 7, 1, 5, 2};
        GaussianMlp.Workspace ws = net.workspace(7);
        double[] g = new double[theta.length];
        net.lossAndGradient(theta, x, y, rows, 1, 7, 0.01, 0.02, g, ws);

        double[] unused = new double[theta.length];
        double h = 1e-6;
        int saturatedHigh = 0;
        int saturatedLow = 0;
        for (int b = 0; b < 7; b++) {
            for (int k = 0; k < 2; k++) {
                double raw = net.rawLogVar(ws, b, k);
                saturatedHigh += raw > 0.3 + 0.5 ? 1 : 0;
                saturatedLow += raw < -0.6 - 0.5 ? 1 : 0;
            }
        }
        assertTrue(saturatedHigh > 0 && saturatedLow > 0, "both bounds are exercised");
        for (int i = 0; i < theta.length; i++) {
            double saved = theta[i];
            theta[i] = saved + h;
            double plus = net.lossAndGradient(theta, x, y, rows, 1, 7, 0.01, 0.02, unused, ws);
            theta[i] = saved - h;
            double minus = net.lossAndGradient(theta, x, y, rows, 1, 7, 0.01, 0.02, unused, ws);
            theta[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)),
                    "dL/dtheta[" + i + "] with hidden " + java.util.Arrays.toString(hidden));
        }
    }

    /**
     * The soft bounds keep the log-variance inside [min, max + log(1 + e^(min - max))] however extreme the
     * raw output (the upper bound is soft: the second softplus can add up to that last term).
     */
    @Test
    void logVarianceStaysBetweenItsBounds() {
        GaussianMlp net = new GaussianMlp(1, new int[] {}, 1);
        double[] theta = new double[net.parameterCount()]; // W (1x2), b (2), max, min
        assertEquals(6, theta.length);
        theta[4] = 0.5;
        theta[5] = -3;
        GaussianMlp.Workspace ws = net.workspace(1);
        for (double raw : new double[] {-1e6, -50, -3, 0, 0.5, 50, 1e6}) {
            theta[3] = raw; // bias of the log-variance output, W = 0
            net.forward(theta, new double[] {0}, null, 0, 1, ws);
            double s = net.logVar(ws, 0, 0);
            assertTrue(s >= -3 && s <= 0.5 + Math.log1p(Math.exp(-3.5)) + 1e-12, "raw " + raw + " -> " + s);
        }
        theta[3] = -1; // well inside: almost the identity
        net.forward(theta, new double[] {0}, null, 0, 1, ws);
        assertEquals(-1, net.logVar(ws, 0, 0), 0.25);
    }

    @Test
    void parameterLayout() {
        GaussianMlp net = new GaussianMlp(5, new int[] {64, 64}, 4);
        assertEquals(5 * 64 + 64 + 64 * 64 + 64 + 64 * 8 + 8 + 4 + 4, net.parameterCount());
    }
}
