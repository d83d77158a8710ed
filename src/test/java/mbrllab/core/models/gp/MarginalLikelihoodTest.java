package mbrllab.core.models.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class MarginalLikelihoodTest {

    /**
     * Every component of the analytic gradient against a central difference with step 1e-5 in theta:
     * |analytic - numeric| <= 1e-6 (1 + |numeric|), at several points including short and long length-scales
     * and large and small noise, on 70 points in 3 dimensions (two EJML blocks).
     */
    @Test
    void gradientMatchesFiniteDifferencesForEveryHyperparameter() {
        SplitMix64 rng = new SplitMix64(42);
        int n = 70;
        int d = 3;
        double[] x = GaussianProcessTest.uniform(rng, n * d, -2, 2);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(2 * x[i * d]) - 0.5 * x[i * d + 1] + 0.2 * rng.nextGaussian();
        }
        MarginalLikelihood ml = new MarginalLikelihood(x, d, y);
        double[][] thetas = {
            {0, 0, 0, 0, Math.log(0.2)},
            {Math.log(0.3), Math.log(3), Math.log(10), Math.log(2), Math.log(0.05)},
            {Math.log(2), Math.log(0.5), Math.log(1), Math.log(0.4), Math.log(1.5)},
        };
        double h = 1e-5;
        for (double[] theta : thetas) {
            double[] g = new double[d + 2];
            double value = ml.logLikelihood(theta, g);
            assertTrue(Double.isFinite(value));
            for (int i = 0; i < d + 2; i++) {
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric = (ml.logLikelihood(plus, null) - ml.logLikelihood(minus, null)) / (2 * h);
                assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)),
                        "d log p / d theta[" + i + "] at " + java.util.Arrays.toString(theta));
            }
        }
    }

    /** The soft bounds' gradient against central differences, inside and outside every band. */
    @Test
    void softBoundGradientMatchesFiniteDifferences() {
        SoftBounds bounds = SoftBounds.defaults();
        double[] scale = {0.5, 2};
        double targetScale = 1.5;
        double[][] thetas = {
            {0, 0, 0, -1},
            {Math.log(0.5 * 150), Math.log(2 / 130.0), Math.log(1.5 * 120), Math.log(1.5 * 120 / 1200)},
            {-6, 7, -6, 2},
        };
        for (double[] theta : thetas) {
            double[] g = new double[4];
            bounds.penalty(theta, scale, targetScale, g);
            for (int i = 0; i < 4; i++) {
                double h = 1e-6;
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[i] += h;
                minus[i] -= h;
                double numeric = (bounds.penalty(plus, scale, targetScale, new double[4])
                        - bounds.penalty(minus, scale, targetScale, new double[4])) / (2 * h);
                assertEquals(numeric, g[i], 1e-5 * (1 + Math.abs(numeric)), "penalty gradient " + i);
            }
        }
        assertTrue(bounds.penalty(new double[] {Math.log(0.5), Math.log(2), Math.log(1.5), Math.log(0.15)}, scale,
                targetScale, new double[4]) < 1e-12, "negligible well inside the bands");
        assertTrue(bounds.penalty(new double[] {Math.log(0.5 * 1000), Math.log(2), Math.log(1.5), Math.log(0.15)},
                scale, targetScale, new double[4]) > 1e3, "steep outside them");
    }

    @Test
    void reportsNotPositiveDefiniteAsMinusInfinity() {
        // two identical inputs with essentially no noise: K is singular
        MarginalLikelihood ml = new MarginalLikelihood(new double[] {1, 1}, 1, new double[] {0, 1});
        assertEquals(Double.NEGATIVE_INFINITY, ml.logLikelihood(new double[] {0, 0, -40}, new double[3]));
    }
}
