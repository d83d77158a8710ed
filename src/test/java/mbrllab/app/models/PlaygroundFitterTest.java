package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import mbrllab.core.models.Dataset;
import mbrllab.core.models.PlaygroundData;
import mbrllab.core.models.gp.MarginalLikelihood;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.random.SplitMix64;

/**
 * The playground's fits without the window, on the default data (sin(2x) + N(0, 0.2^2) noise, 100 points uniform
 * on [-3, 3], seed 1). The checks follow from how the data were generated and from what the fits claim to be, with
 * bounds derived in the comments (two-sided 99.9% intervals), not from numbers a run once printed.
 */
class PlaygroundFitterTest {

    /** Two-sided level of every statistical bound here: a correct fit fails one with probability about 0.1%. */
    private static final double ALPHA = 0.001;

    /** The lab's default points: PlaygroundData.defaults() drawn from stream 100 of seed 1 (as New data does). */
    static Dataset defaultPoints() {
        return PlaygroundData.defaults().sample(new SplitMix64(SplitMix64.streamSeed(1, 100)));
    }

    /**
     * The GP's hyperparameters are those of largest marginal likelihood (the fit's definition; the soft bounds add
     * nothing this far inside them): the value the fit reports is log p(y | X, theta) recomputed at its theta, and
     * moving any log-hyperparameter by +-0.02 lowers it. The fitted noise is near the generating 0.2: with the
     * fitted smoother's effective degrees of freedom edf = tr(K_f (K_f + s^2 I)^-1), the residuals carry about
     * k = n - edf degrees of freedom, s^2 ~ 0.2^2 chi2_k / k, so s lies in 0.2 sqrt(chi2_k(0.0005) / k) ..
     * 0.2 sqrt(chi2_k(0.9995) / k) (about 0.15 .. 0.25 here). The band's coverage of fresh targets is binomial,
     * see {@link #assertCoverageIsBinomial}. The epistemic standard deviation is 5 times larger at x = 5 (outside the
     * data's [-3, 3]) than at x = 0.
     */
    @Test
    void gpOnTheDefaultData() {
        Dataset data = defaultPoints();
        PlaygroundData generator = PlaygroundData.defaults();
        ModelCurves gp = PlaygroundFitter.fitGp(data, generator, 1);
        SeHyperparameters h = gp.hyperparameters();

        MarginalLikelihood ml = new MarginalLikelihood(data.inputs(), 1, data.target(0));
        double[] theta = h.toLog();
        double best = ml.logLikelihood(theta, null);
        assertEquals(best, gp.logMarginalLikelihood(), 1e-9 * Math.abs(best), "the reported log p(y | X)");
        for (int i = 0; i < theta.length; i++) {
            for (double step : new double[] {-0.02, 0.02}) {
                double[] moved = theta.clone();
                moved[i] += step;
                double there = ml.logLikelihood(moved, null);
                assertTrue(there < best,
                        "log-hyperparameter " + i + " moved by " + step + ": " + there + " >= " + best);
            }
        }

        double sigma = generator.noiseStd(0);
        int n = data.size();
        double k = n - effectiveDegreesOfFreedom(data.inputs(), h);
        assertTrue(k > 0.8 * n && k < n, "a smooth fit of 100 points: k = " + k);
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(k);
        double low = sigma * Math.sqrt(chi2.inverseCumulativeProbability(ALPHA / 2) / k);
        double high = sigma * Math.sqrt(chi2.inverseCumulativeProbability(1 - ALPHA / 2) / k);
        assertTrue(h.noiseStd() > low && h.noiseStd() < high,
                "fitted noise " + h.noiseStd() + " outside [" + low + ", " + high + "] (k = " + k + ")");

        assertCoverageIsBinomial(gp, generator);
        int centre = PlaygroundFitter.GRID_POINTS / 2;
        int right = PlaygroundFitter.GRID_POINTS - 1;
        assertTrue(Math.sqrt(gp.epistemicVar()[right]) > 5 * Math.sqrt(gp.epistemicVar()[centre]));
        assertEquals(3, gp.priorSamples().length);
        assertEquals(3, gp.functionSamples().length);
    }

    @Test
    void ensembleOnTheDefaultData() {
        PlaygroundData generator = PlaygroundData.defaults();
        ModelCurves ens = PlaygroundFitter.fitEnsemble(defaultPoints(), generator, 1, () -> false, done -> { });
        assertCoverageIsBinomial(ens, generator);
        assertEquals(5, ens.functionSamples().length, "one curve per member");
        int centre = PlaygroundFitter.GRID_POINTS / 2;
        assertTrue(Math.sqrt(ens.epistemicVar()[0]) > 3 * Math.sqrt(ens.epistemicVar()[centre]),
                "the members disagree far from the data");
    }

    /**
     * The coverage figure is the fraction of {@value PlaygroundFitter#COVERAGE_TARGETS} fresh targets
     * y = f(x) + 0.2 eps (x uniform on [-3, 3]) inside the model's band mean +- 2 sqrt(epistemic + aleatoric
     * variance). For a fixed model each target falls inside independently with the same probability
     * p = mean over x of P(|f(x) + 0.2 eps - mean(x)| <= 2 s(x)) = Phi((2 s - d) / 0.2) - Phi((-2 s - d) / 0.2),
     * d = mean(x) - f(x), computed here from the model's curves on the grid (trapezoid rule on [-3, 3]). So
     * 1000 x coverage is Binomial(1000, p) and lies in its central 99.9% interval. This holds whether or not the model
     * is well calibrated; a wrong band (sigma for variance, a factor, the wrong points) moves p away from the figure.
     */
    private static void assertCoverageIsBinomial(ModelCurves m, PlaygroundData generator) {
        double[] grid = PlaygroundFitter.grid();
        NormalDistribution z = new NormalDistribution();
        double sum = 0;
        double width = 0;
        for (int i = 0; i + 1 < grid.length; i++) {
            if (grid[i] < PlaygroundData.X_MIN - 1e-9 || grid[i + 1] > PlaygroundData.X_MAX + 1e-9) {
                continue;
            }
            double h = grid[i + 1] - grid[i];
            sum += h * (inside(m, generator, grid, i, z) + inside(m, generator, grid, i + 1, z)) / 2;
            width += h;
        }
        assertEquals(PlaygroundData.X_MAX - PlaygroundData.X_MIN, width, 1e-9, "the grid covers the input range");
        double p = sum / width;
        int targets = PlaygroundFitter.COVERAGE_TARGETS;
        BinomialDistribution b = new BinomialDistribution(null, targets, p);
        int low = b.inverseCumulativeProbability(ALPHA / 2);
        int high = b.inverseCumulativeProbability(1 - ALPHA / 2);
        long count = Math.round(m.coverage() * targets);
        assertTrue(count >= low && count <= high, m.kind() + ": " + count + " of " + targets + " inside, expected "
                + low + ".." + high + " (p = " + p + ")");
    }

    /** P(|f(x) + sigma eps - mean(x)| <= 2 s(x)) at grid point i. */
    private static double inside(ModelCurves m, PlaygroundData generator, double[] grid, int i, NormalDistribution z) {
        double x = grid[i];
        double d = m.mean()[i] - generator.target().value(x);
        double s = Math.sqrt(m.epistemicVar()[i] + m.aleatoricVar()[i]);
        double sigma = generator.noiseStd(x);
        return z.cumulativeProbability((2 * s - d) / sigma) - z.cumulativeProbability((-2 * s - d) / sigma);
    }

    /** tr(K_f (K_f + s^2 I)^-1) = n - s^2 tr((K_f + s^2 I)^-1) for the SE kernel with hyperparameters h. */
    private static double effectiveDegreesOfFreedom(double[] x, SeHyperparameters h) {
        int n = x.length;
        double l = h.lengthScale(0);
        double sf2 = h.signalStd() * h.signalStd();
        double sn2 = h.noiseStd() * h.noiseStd();
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r = (x[i] - x[j]) / l;
                k.set(i, j, sf2 * Math.exp(-0.5 * r * r) + (i == j ? sn2 : 0));
            }
        }
        assertTrue(CommonOps_DDRM.invert(k));
        return n - sn2 * CommonOps_DDRM.trace(k);
    }

    /** A lone point, and the same point clicked twice, still fit (the user can make either). */
    @Test
    void degenerateClicksStillFit() {
        PlaygroundData g = PlaygroundData.defaults();
        for (Dataset d : new Dataset[] {Dataset.of1d(new double[] {0.5}, new double[] {1}),
            Dataset.of1d(new double[] {0.5, 0.5}, new double[] {1, 1})}) {
            ModelCurves gp = PlaygroundFitter.fitGp(d, g, 1);
            ModelCurves ens = PlaygroundFitter.fitEnsemble(d, g, 1, () -> false, done -> { });
            for (int i = 0; i < PlaygroundFitter.GRID_POINTS; i++) {
                assertTrue(Double.isFinite(gp.mean()[i]) && Double.isFinite(gp.epistemicVar()[i]));
                assertTrue(Double.isFinite(ens.mean()[i]) && Double.isFinite(ens.epistemicVar()[i]));
            }
        }
    }
}
