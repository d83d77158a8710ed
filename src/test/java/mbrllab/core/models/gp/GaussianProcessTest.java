package mbrllab.core.models.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class GaussianProcessTest {

    /**
     * Two points by hand: X = (0, 1), y = (1, -1), l = 1, sigma_f = 1, sigma_n = 0.1. With c = exp(-1/2):
     * K = [[1.01, c], [c, 1.01]], det K = 1.01^2 - c^2, K^-1 = [[1.01, -c], [-c, 1.01]] / det K, and
     * alpha = K^-1 y = a (1, -1) with a = (1.01 + c) / det K.
     * At x* = 0: k* = (1, c), mean = a (1 - c), var = 1 - (1.01 - 2c^2 + 1.01 c^2) / det K.
     * At x* = 2: k* = (e^-2, c), mean = a (e^-2 - c).
     * log p(y) = -1/2 y' alpha - 1/2 log det K - log 2 pi = -a - 1/2 log det K - log 2 pi.
     */
    @Test
    void twoPointPosteriorByHand() {
        double c = Math.exp(-0.5);
        double det = 1.01 * 1.01 - c * c;
        double a = (1.01 + c) / det;
        GaussianProcess gp = GaussianProcess.condition(new SeHyperparameters(new double[] {1}, 1, 0.1),
                new double[] {0, 1}, new double[] {1, -1});
        double[] mean = new double[3];
        double[] var = new double[3];
        gp.predict(new double[] {0, 0.5, 2}, mean, var);

        assertEquals(a * (1 - c), mean[0], 1e-12);
        assertEquals(0.9752149692641389, mean[0], 1e-12);
        assertEquals(1 - (1.01 - 2 * c * c + 1.01 * c * c) / det, var[0], 1e-12);
        assertEquals(0.009845144409152962, var[0], 1e-12);
        assertEquals(0, mean[1], 1e-12, "midway between +1 and -1 by symmetry");
        double e = Math.exp(-1.0 / 8); // k* at x* = 0.5
        assertEquals(1 - 2 * e * e * (1.01 - c) / det, var[1], 1e-12);
        assertEquals(a * (Math.exp(-2) - c), mean[2], 1e-12);
        assertEquals(-a - 0.5 * Math.log(det) - Math.log(2 * Math.PI), gp.logMarginalLikelihood(), 1e-12);
        assertEquals(-4.102693893071708, gp.logMarginalLikelihood(), 1e-12);
        assertEquals(0.01, gp.noiseVar(), 1e-15);
    }

    /**
     * Mean and variance against the textbook formulas with explicit inverses, on a problem larger than one EJML block.
     */
    @Test
    void predictionsMatchTheDirectFormulas() {
        SplitMix64 rng = new SplitMix64(7);
        int n = 150;
        int m = 530; // crosses the 512-point chunk
        int d = 2;
        double[] x = uniform(rng, n * d, -3, 3);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(x[2 * i]) + 0.3 * x[2 * i + 1] + 0.1 * rng.nextGaussian();
        }
        double[] q = uniform(rng, m * d, -4, 4);
        SeHyperparameters h = new SeHyperparameters(new double[] {0.8, 1.7}, 1.3, 0.15);
        GaussianProcess gp = GaussianProcess.condition(h, x, y);
        double[] mean = new double[m];
        double[] var = new double[m];
        gp.predict(q, mean, var);

        double[] invL2 = SquaredExponential.inverseSquaredLengthScales(h);
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        SquaredExponential.gram(x, n, invL2, 1.69, 0.0225, k.data);
        DMatrixRMaj kInv = new DMatrixRMaj(n, n);
        assertTrue(CommonOps_DDRM.invert(k, kInv));
        DMatrixRMaj cross = new DMatrixRMaj(n, m);
        SquaredExponential.cross(x, n, q, m, invL2, 1.69, cross.data);
        DMatrixRMaj alpha = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(kInv, new DMatrixRMaj(n, 1, true, y), alpha);
        DMatrixRMaj kInvCross = new DMatrixRMaj(n, m);
        CommonOps_DDRM.mult(kInv, cross, kInvCross);
        for (int i = 0; i < m; i++) {
            double mu = 0;
            double quad = 0;
            for (int a = 0; a < n; a++) {
                mu += cross.get(a, i) * alpha.get(a, 0);
                quad += cross.get(a, i) * kInvCross.get(a, i);
            }
            assertEquals(mu, mean[i], 1e-8, "mean at " + i);
            assertEquals(Math.max(0, 1.69 - quad), var[i], 1e-8, "variance at " + i);
        }
        double[] meanOnly = new double[m];
        gp.predictMean(q, meanOnly);
        assertArrayEquals(mean, meanOnly, 1e-12);
        double[] cov = gp.posteriorCovariance(java.util.Arrays.copyOf(q, 40 * d));
        for (int i = 0; i < 40; i++) {
            assertEquals(var[i], Math.max(0, cov[i * 40 + i]), 1e-8, "covariance diagonal " + i);
        }
    }

    @Test
    void likelihoodOfConditionAgreesWithMarginalLikelihood() {
        SplitMix64 rng = new SplitMix64(3);
        double[] x = uniform(rng, 90, -2, 2);
        double[] y = uniform(rng, 30, -1, 1);
        SeHyperparameters h = new SeHyperparameters(new double[] {0.5, 1, 2}, 0.8, 0.3);
        double expected = new MarginalLikelihood(x, 3, y).logLikelihood(h.toLog(), null);
        assertEquals(expected, GaussianProcess.condition(h, x, y).logMarginalLikelihood(), 1e-9);
    }

    /** 4000 prior draws at 3 points: sample variances within 10% of sigma_f^2, correlations within 0.05. */
    @Test
    void priorSamplesHaveTheKernelsCovariance() {
        SeHyperparameters h = new SeHyperparameters(new double[] {1}, 2, 0.1);
        double[][] f = GaussianProcess.samplePrior(h, new double[] {0, 0.5, 3}, 4000, new SplitMix64(11));
        double[] var = new double[3];
        double c01 = 0;
        double c02 = 0;
        for (double[] s : f) {
            for (int i = 0; i < 3; i++) {
                var[i] += s[i] * s[i] / f.length;
            }
            c01 += s[0] * s[1] / f.length;
            c02 += s[0] * s[2] / f.length;
        }
        for (double v : var) {
            assertEquals(4, v, 0.4);
        }
        assertEquals(Math.exp(-0.125), c01 / Math.sqrt(var[0] * var[1]), 0.05);
        assertEquals(Math.exp(-4.5), c02 / Math.sqrt(var[0] * var[2]), 0.05);
    }

    /** Posterior draws pass near the data (small noise) and spread like the posterior variance far away. */
    @Test
    void posteriorSamplesFollowThePosterior() {
        GaussianProcess gp = GaussianProcess.condition(new SeHyperparameters(new double[] {1}, 1, 0.05),
                new double[] {-1, 0, 1}, new double[] {0.5, -0.2, 0.3});
        double[] grid = {0, 4};
        double[] mean = new double[2];
        double[] var = new double[2];
        gp.predict(grid, mean, var);
        double[][] f = gp.samplePosterior(grid, 4000, new SplitMix64(5));
        double[] m = new double[2];
        double[] v = new double[2];
        for (double[] s : f) {
            for (int i = 0; i < 2; i++) {
                m[i] += s[i] / f.length;
            }
        }
        for (double[] s : f) {
            for (int i = 0; i < 2; i++) {
                v[i] += (s[i] - m[i]) * (s[i] - m[i]) / (f.length - 1);
            }
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(mean[i], m[i], 4 * Math.sqrt(var[i] / f.length) + 1e-6, "sample mean at " + grid[i]);
            assertEquals(var[i], v[i], 0.1 * var[i] + 1e-6, "sample variance at " + grid[i]);
        }
        assertTrue(var[1] > 50 * var[0], "far from the data the posterior is wide");
    }

    @Test
    void samplingSurvivesACovarianceThatIsSingularOnADenseGrid() {
        double[] grid = new double[400];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = -4 + 8.0 * i / (grid.length - 1);
        }
        SeHyperparameters h = new SeHyperparameters(new double[] {2}, 1, 0.1);
        double[][] f = GaussianProcess.samplePrior(h, grid, 3, new SplitMix64(1));
        for (double[] s : f) {
            for (double v : s) {
                assertTrue(Double.isFinite(v) && Math.abs(v) < 10);
            }
        }
    }

    @Test
    void rejectsBadShapes() {
        SeHyperparameters h = SeHyperparameters.isotropic(2, 1, 1, 0.1);
        assertThrows(IllegalArgumentException.class, () -> GaussianProcess.condition(h, new double[3], new double[2]));
        GaussianProcess gp = GaussianProcess.condition(h, new double[4], new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> gp.predict(new double[3], new double[2], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new SeHyperparameters(new double[] {0}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new SeHyperparameters(new double[] {1}, 1, Double.NaN));
    }

    static double[] uniform(SplitMix64 rng, int count, double lo, double hi) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return v;
    }
}
