package mbrllab.core.models.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class MatchedMomentsTest {

    /** Three GPs on 31 points in D = 4, each with its own ARD length-scales, so that every pair (a, b) differs. */
    static GpModel threeOutputs() {
        SplitMix64 rng = new SplitMix64(3);
        int n = 31;
        int d = 4;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = -1.5 + 3 * rng.nextDouble();
        }
        GaussianProcess[] gps = new GaussianProcess[3];
        double[][] ls = {{0.9, 1.7, 2.5, 1.1}, {1.3, 0.8, 1.9, 3.0}, {2.2, 1.2, 0.7, 1.6}};
        for (int a = 0; a < 3; a++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double u = x[i * d];
                double v = x[i * d + 1];
                double w = x[i * d + 2];
                double z = x[i * d + 3];
                y[i] = switch (a) {
                    case 0 -> Math.sin(u + 0.5 * v) + 0.3 * z;
                    case 1 -> Math.cos(v) * w - 0.2 * u * z;
                    default -> 0.5 * u * u - Math.sin(w + z);
                } + 0.02 * rng.nextGaussian();
            }
            gps[a] = GaussianProcess.condition(new SeHyperparameters(ls[a], 0.8 + 0.3 * a, 0.05 + 0.02 * a), x, y);
        }
        return new GpModel(gps);
    }

    /** A correlated input covariance A A' in D = 4. */
    static double[] inputCovariance(double scale) {
        double[] f = {0.5, 0, 0, 0, 0.2, 0.4, 0, 0, -0.1, 0.15, 0.6, 0, 0.05, -0.2, 0.1, 0.3};
        double[] s = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    s[i * 4 + j] += scale * f[i * 4 + k] * f[j * 4 + k];
                }
            }
        }
        return s;
    }

    static MatchedMoments propagate(MomentMatching mm, double[] m, double[] s, boolean cov, boolean derivatives,
                                    java.util.concurrent.Executor executor) {
        MatchedMoments out = new MatchedMoments(mm.inputDim(), mm.outputDim());
        mm.propagate(m, s, cov, derivatives, executor, mm.newWorkspace(), out);
        return out;
    }

    /** The moments equal {@link MomentMatching#predict}'s (mean, covariance, and Cov[x, f] = S V) to 1e-12. */
    @Test
    void momentsAgreeWithPredict() {
        GpModel model = threeOutputs();
        MomentMatching mm = new MomentMatching(model);
        double[] m = {0.2, -0.3, 0.4, 0.1};
        double[] s = inputCovariance(1);
        MomentMatching.Moments expected = mm.predict(m, s);
        for (boolean derivatives : new boolean[] {false, true}) {
            MatchedMoments got = propagate(mm, m, s, true, derivatives, Runnable::run);
            for (int a = 0; a < 3; a++) {
                assertEquals(expected.mean(a), got.mean(a), 1e-12 * Math.max(1, Math.abs(expected.mean(a))));
                for (int b = 0; b < 3; b++) {
                    assertEquals(expected.covariance(a, b), got.covariance(a, b), 1e-12, "Sigma " + a + "," + b);
                }
                for (int i = 0; i < 4; i++) {
                    double sv = 0;
                    for (int k = 0; k < 4; k++) {
                        sv += s[i * 4 + k] * got.crossFactor(k, a);
                    }
                    assertEquals(expected.inputOutputCov(i, a), sv, 1e-12, "Cov[x_" + i + ", f_" + a + "]");
                }
            }
        }
        MatchedMoments meanOnly = propagate(mm, m, s, false, false, Runnable::run);
        assertTrue(!meanOnly.hasCovariance());
        for (int a = 0; a < 3; a++) {
            assertEquals(expected.mean(a), meanOnly.mean(a), 1e-12 * Math.max(1, Math.abs(expected.mean(a))));
            assertEquals(0, meanOnly.covariance(a, a), 0.0);
        }
    }

    /**
     * The backward pass against central finite differences (h = 1e-5) of phi = mu_bar . mu + sum Sigma_bar o Sigma
     * + sum V_bar o V, for random output gradients, in every component of m and every symmetric pair of S
     * (perturbing S_kl and S_lk together gives S_bar_kl + S_bar_lk). Largest error observed: 1.4e-9 (relative to
     * max(1, |fd|)); allowed 1e-6.
     */
    @Test
    void backwardMatchesFiniteDifferences() {
        GpModel model = threeOutputs();
        MomentMatching mm = new MomentMatching(model);
        double[] m = {0.1, 0.25, -0.35, 0.3};
        double[] s = inputCovariance(0.8);
        SplitMix64 rng = new SplitMix64(9);
        double[] meanBar = gaussians(rng, 3);
        double[] covBar = gaussians(rng, 9);
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < a; b++) {
                covBar[b * 3 + a] = covBar[a * 3 + b];
            }
        }
        double[] crossBar = gaussians(rng, 12);
        for (boolean cov : new boolean[] {true, false}) {
            MatchedMoments at = propagate(mm, m, s, cov, true, Runnable::run);
            double[] mBar = new double[4];
            double[] sBar = new double[16];
            at.backward(meanBar, covBar, crossBar, mBar, sBar);
            double h = 1e-5;
            for (int k = 0; k < 4; k++) {
                double[] mp = m.clone();
                double[] mm2 = m.clone();
                mp[k] += h;
                mm2[k] -= h;
                double fd = (phi(mm, mp, s, cov, meanBar, covBar, crossBar) - phi(mm, mm2, s, cov, meanBar, covBar,
                        crossBar)) / (2 * h);
                assertClose(fd, mBar[k], "d phi / dm_" + k + " (covariance " + cov + ")");
            }
            for (int k = 0; k < 4; k++) {
                for (int l = 0; l <= k; l++) {
                    double[] sp = s.clone();
                    double[] sm = s.clone();
                    sp[k * 4 + l] += h;
                    sm[k * 4 + l] -= h;
                    if (k != l) {
                        sp[l * 4 + k] += h;
                        sm[l * 4 + k] -= h;
                    }
                    double fd = (phi(mm, m, sp, cov, meanBar, covBar, crossBar) - phi(mm, m, sm, cov, meanBar, covBar,
                            crossBar)) / (2 * h);
                    double analytic = k == l ? sBar[k * 4 + k] : sBar[k * 4 + l] + sBar[l * 4 + k];
                    assertClose(fd, analytic, "d phi / dS_" + k + l + " (covariance " + cov + ")");
                    assertEquals(sBar[k * 4 + l], sBar[l * 4 + k], 1e-12, "the S gradient is symmetric");
                }
            }
        }
    }

    /** The pieces are combined in a fixed order: a pool of three threads gives the same bits as the calling thread. */
    @Test
    void theResultDoesNotDependOnTheExecutor() {
        GpModel model = threeOutputs();
        MomentMatching mm = new MomentMatching(model);
        double[] m = {0.2, -0.3, 0.4, 0.1};
        double[] s = inputCovariance(1.3);
        MatchedMoments alone = propagate(mm, m, s, true, true, Runnable::run);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int rep = 0; rep < 3; rep++) {
                MatchedMoments pooled = propagate(mm, m, s, true, true, pool);
                assertArrayEquals(alone.mean, pooled.mean, 0.0);
                assertArrayEquals(alone.cov, pooled.cov, 0.0);
                assertArrayEquals(alone.cross, pooled.cross, 0.0);
                assertArrayEquals(alone.dCovDm, pooled.dCovDm, 0.0);
                assertArrayEquals(alone.dCovDs, pooled.dCovDs, 0.0);
                assertArrayEquals(alone.dCrossDs, pooled.dCrossDs, 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesWrongShapesAndMissingDerivatives() {
        MomentMatching mm = new MomentMatching(threeOutputs());
        assertThrows(IllegalArgumentException.class, () -> mm.propagate(new double[3], new double[16], true, true,
                Runnable::run, mm.newWorkspace(), new MatchedMoments(4, 3)));
        assertThrows(IllegalArgumentException.class, () -> mm.propagate(new double[4], new double[16], true, true,
                Runnable::run, mm.newWorkspace(), new MatchedMoments(4, 2)));
        MatchedMoments noDerivatives = propagate(mm, new double[4], inputCovariance(1), true, false, Runnable::run);
        assertThrows(IllegalStateException.class, () -> noDerivatives.backward(new double[3], new double[9],
                new double[12], new double[4], new double[16]));
    }

    private static double phi(MomentMatching mm, double[] m, double[] s, boolean cov, double[] meanBar,
                              double[] covBar, double[] crossBar) {
        MatchedMoments out = propagate(mm, m, s, cov, false, Runnable::run);
        double f = 0;
        for (int a = 0; a < 3; a++) {
            f += meanBar[a] * out.mean(a);
            for (int b = 0; b < 3; b++) {
                f += covBar[a * 3 + b] * out.covariance(a, b);
            }
            for (int i = 0; i < 4; i++) {
                f += crossBar[i * 3 + a] * out.crossFactor(i, a);
            }
        }
        return f;
    }

    private static double[] gaussians(SplitMix64 rng, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), what);
    }
}
