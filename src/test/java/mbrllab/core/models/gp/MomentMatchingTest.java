package mbrllab.core.models.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class MomentMatchingTest {

    /**
     * Two GPs (E = 2) on the same 25 points in D = 3 with fixed hyperparameters, different per output (ARD), and
     * y larger than the noise so that the posterior is far from the prior.
     */
    static GpModel smallModel() {
        SplitMix64 rng = new SplitMix64(11);
        int n = 25;
        int d = 3;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = -2 + 4 * rng.nextDouble();
        }
        double[] y1 = new double[n];
        double[] y2 = new double[n];
        for (int i = 0; i < n; i++) {
            double a = x[i * d];
            double b = x[i * d + 1];
            double c = x[i * d + 2];
            y1[i] = Math.sin(1.5 * a) + 0.5 * b + 0.05 * rng.nextGaussian();
            y2[i] = Math.cos(a + b) * 0.8 - 0.3 * c * c + 0.05 * rng.nextGaussian();
        }
        GaussianProcess g1 = GaussianProcess.condition(new SeHyperparameters(new double[] {0.8, 2.0, 5.0}, 1.2, 0.1),
                x, y1);
        GaussianProcess g2 = GaussianProcess.condition(new SeHyperparameters(new double[] {1.1, 0.9, 1.4}, 0.9, 0.2),
                x, y2);
        return new GpModel(g1, g2);
    }

    /**
     * With S = 0 the moments are the plain GP's: its mean, its latent variance, no output covariance, no cross
     * covariance.
     */
    @Test
    void zeroInputVarianceGivesThePlainGpPrediction() {
        GpModel model = smallModel();
        MomentMatching mm = new MomentMatching(model);
        double[] m = {0.3, -0.7, 1.1};
        MomentMatching.Moments moments = mm.predict(m, new double[9]);
        double[] mean = new double[1];
        double[] var = new double[1];
        for (int a = 0; a < 2; a++) {
            model.output(a).predict(m, mean, var);
            assertEquals(mean[0], moments.mean(a), 1e-12, "mean of output " + a);
            assertEquals(var[0], moments.covariance(a, a), 1e-10, "variance of output " + a);
            for (int i = 0; i < 3; i++) {
                assertEquals(0, moments.inputOutputCov(i, a), 0.0, "Cov[x, f] = S (...) = 0");
            }
        }
        assertEquals(0, moments.covariance(0, 1), 1e-10, "independent GPs at a known input are uncorrelated");
        assertEquals(moments.covariance(0, 1), moments.covariance(1, 0), 0.0);
    }

    /**
     * Against Monte Carlo: x ~ N(m, S) drawn N = 200,000 times; for each draw the GPs' posterior mean mu_a(x) and
     * latent variance v_a(x). By the laws of total expectation and covariance, E[f_a] = E[mu_a(x)],
     * Cov[f_a, f_b] = Cov[mu_a(x), mu_b(x)] + [a = b] E[v_a(x)] (the GPs are independent given x) and
     * Cov[x_i, f_a] = Cov[x_i, mu_a(x)]. Each exact moment must lie within 4.5 Monte Carlo standard errors (from
     * the per-draw terms) plus 1e-4 of the estimate. Observed: largest deviation 1.6 standard errors.
     */
    @Test
    void momentsMatchMonteCarlo() {
        GpModel model = smallModel();
        MomentMatching mm = new MomentMatching(model);
        double[] m = {0.2, -0.4, 0.5};
        // S = A A' with a correlated A
        double[] aFactor = {0.6, 0, 0, 0.3, 0.5, 0, -0.2, 0.1, 0.4};
        double[] s = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    s[i * 3 + j] += aFactor[i * 3 + k] * aFactor[j * 3 + k];
                }
            }
        }
        MomentMatching.Moments exact = mm.predict(m, s);

        int samples = 200_000;
        SplitMix64 rng = new SplitMix64(5);
        double[] xs = new double[samples * 3];
        for (int r = 0; r < samples; r++) {
            double z0 = rng.nextGaussian();
            double z1 = rng.nextGaussian();
            double z2 = rng.nextGaussian();
            for (int i = 0; i < 3; i++) {
                xs[r * 3 + i] = m[i] + aFactor[i * 3] * z0 + aFactor[i * 3 + 1] * z1 + aFactor[i * 3 + 2] * z2;
            }
        }
        double[][] mu = new double[2][samples];
        double[][] v = new double[2][samples];
        for (int a = 0; a < 2; a++) {
            model.output(a).predict(xs, mu[a], v[a]);
        }
        double worst = 0;
        double[] mean = new double[2];
        for (int a = 0; a < 2; a++) {
            double[] terms = mu[a].clone();
            mean[a] = average(terms);
            worst = Math.max(worst, check(exact.mean(a), terms, "E[f_" + a + "]"));
        }
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b <= a; b++) {
                double[] terms = new double[samples];
                for (int r = 0; r < samples; r++) {
                    terms[r] = (mu[a][r] - mean[a]) * (mu[b][r] - mean[b]) + (a == b ? v[a][r] : 0);
                }
                worst = Math.max(worst, check(exact.covariance(a, b), terms, "Cov[f_" + a + ", f_" + b + "]"));
            }
            for (int i = 0; i < 3; i++) {
                double[] terms = new double[samples];
                for (int r = 0; r < samples; r++) {
                    terms[r] = (xs[r * 3 + i] - m[i]) * (mu[a][r] - mean[a]);
                }
                worst = Math.max(worst, check(exact.inputOutputCov(i, a), terms, "Cov[x_" + i + ", f_" + a + "]"));
            }
        }
        assertTrue(worst < 4.5, "largest deviation " + worst + " standard errors");
        assertTrue(exact.covariance(0, 0) > 0 && exact.covariance(1, 1) > 0);
        double det = exact.covariance(0, 0) * exact.covariance(1, 1) - exact.covariance(0, 1) * exact.covariance(1, 0);
        assertTrue(det > 0, "the covariance is positive definite");
    }

    /** The uncertain input makes the prediction less certain than at the mean alone (for this model and point). */
    @Test
    void inputUncertaintyWidensThePrediction() {
        GpModel model = smallModel();
        MomentMatching mm = new MomentMatching(model);
        double[] m = {0.3, -0.7, 1.1};
        double[] s = {0.3, 0, 0, 0, 0.3, 0, 0, 0, 0.3};
        MomentMatching.Moments certain = mm.predict(m, new double[9]);
        MomentMatching.Moments uncertain = mm.predict(m, s);
        for (int a = 0; a < 2; a++) {
            assertTrue(uncertain.covariance(a, a) > 2 * certain.covariance(a, a), "output " + a);
        }
    }

    @Test
    void outputsOnDifferentInputsAreRefused() {
        GaussianProcess g1 = GaussianProcess.condition(SeHyperparameters.isotropic(1, 1, 1, 0.1), new double[] {0, 1},
                new double[] {0, 1});
        GaussianProcess g2 = GaussianProcess.condition(SeHyperparameters.isotropic(1, 1, 1, 0.1), new double[] {0, 2},
                new double[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> new MomentMatching(new GpModel(g1, g2)));
        MomentMatching ok = new MomentMatching(new GpModel(g1));
        assertThrows(IllegalArgumentException.class, () -> ok.predict(new double[2], new double[4]));
    }

    /** |exact - average(terms)| in standard errors of the average, after allowing 1e-4 absolute; asserts below 4.5. */
    private static double check(double exact, double[] terms, String what) {
        double avg = average(terms);
        double ss = 0;
        for (double t : terms) {
            ss += (t - avg) * (t - avg);
        }
        double se = Math.sqrt(ss / (terms.length - 1) / terms.length);
        double deviation = Math.max(0, Math.abs(exact - avg) - 1e-4) / se;
        assertTrue(deviation < 4.5, what + ": exact " + exact + ", Monte Carlo " + avg + " +- " + se);
        return deviation;
    }

    private static double average(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
