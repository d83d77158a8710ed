package mbrllab.core.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import mbrllab.core.random.SplitMix64;

/**
 * The checks every {@link RegressionModel} must pass, run once per implementation (subclasses name the
 * {@link ModelSpec}). The main fit is on the playground's default function, sin(2x) with homoscedastic
 * noise sigma = 0.2, 200 points on [-3, 3].
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RegressionModelContract {

    /** The spec under test, as used for the 1-D playground. */
    protected abstract ModelSpec spec();

    /** A cheaper variant for the checks that fit several times. */
    protected abstract ModelSpec quickSpec();

    protected static final PlaygroundData PLAYGROUND = PlaygroundData.defaults().withPoints(200);

    protected RegressionModel model;
    protected Dataset data;

    @BeforeAll
    void fitOnce() {
        data = PLAYGROUND.sample(2026);
        model = spec().fit(data, new SplitMix64(7));
    }

    @Test
    void predictsFiniteMeansAndNonNegativeVariancesOfTheRightShape() {
        double[] q = {-3, -1, 0, 0.3, 2, 2.9, 10};
        Prediction p = model.predict(q);
        assertEquals(1, model.inputDim());
        assertEquals(1, model.outputDim());
        assertEquals(q.length, p.points());
        for (int i = 0; i < q.length; i++) {
            assertTrue(Double.isFinite(p.mean(i, 0)));
            assertTrue(p.epistemicVar(i, 0) >= 0 && Double.isFinite(p.epistemicVar(i, 0)));
            assertTrue(p.aleatoricVar(i, 0) >= 0 && Double.isFinite(p.aleatoricVar(i, 0)));
            assertEquals(p.epistemicVar(i, 0) + p.aleatoricVar(i, 0), p.totalVar(i, 0), 0);
        }
    }

    /**
     * The 95% band mean +- 1.96 sqrt(epistemic + aleatoric) covers between 88% and 99% of 2000 fresh noisy
     * targets drawn like the training data (the binomial standard error at 95% is 0.5%; the rest is
     * room for model error).
     */
    @Test
    void the95PercentBandCoversAbout95PercentOfFreshTargets() {
        SplitMix64 rng = new SplitMix64(99);
        int m = 2000;
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = PLAYGROUND.input(rng);
            y[i] = PLAYGROUND.noisyTarget(x[i], rng);
        }
        Prediction p = model.predict(x);
        int inside = 0;
        for (int i = 0; i < m; i++) {
            if (Math.abs(y[i] - p.mean(i, 0)) <= 1.96 * Math.sqrt(p.totalVar(i, 0))) {
                inside++;
            }
        }
        double coverage = inside / (double) m;
        assertTrue(coverage >= 0.88 && coverage <= 0.99, "coverage " + coverage);
    }

    /** In the data, the aleatoric variance is within 40% of the true noise variance 0.04, and dominates. */
    @Test
    void aleatoricVarianceMatchesTheNoiseInTheData() {
        double[] x = grid(-2.9, 2.9, 59);
        Prediction p = model.predict(x);
        double alea = 0;
        double epi = 0;
        for (int i = 0; i < x.length; i++) {
            alea += p.aleatoricVar(i, 0) / x.length;
            epi += p.epistemicVar(i, 0) / x.length;
        }
        assertEquals(0.04, alea, 0.4 * 0.04, "mean aleatoric variance");
        assertTrue(epi < alea, "epistemic " + epi + " below aleatoric " + alea + " where there is plenty of data");
    }

    /**
     * The epistemic variance 1.5 units beyond both ends of the data (x = -4.5 and 4.5) is at least 10 times
     * its mean over the data's range.
     */
    @Test
    void epistemicVarianceGrowsAwayFromTheData() {
        double[] inside = grid(-3, 3, 61);
        Prediction p = model.predict(inside);
        double mean = 0;
        for (int i = 0; i < inside.length; i++) {
            mean += p.epistemicVar(i, 0) / inside.length;
        }
        Prediction far = model.predict(new double[] {-4.5, 4.5});
        double ratio = Math.min(far.epistemicVar(0, 0), far.epistemicVar(1, 0)) / mean;
        assertTrue(ratio >= 10, "ratio " + ratio + " (in-data mean " + mean + ")");
    }

    /**
     * Sampled functions: shape, reproducibility, and their spread at x = 4 matches the epistemic variance within 35%.
     */
    @Test
    void sampledFunctionsSpreadLikeTheEpistemicVariance() {
        double[] g = {0, 4};
        double[][] a = model.sampleFunctions(g, 400, new SplitMix64(5));
        double[][] b = model.sampleFunctions(g, 400, new SplitMix64(5));
        assertEquals(400, a.length);
        assertEquals(2, a[0].length);
        for (int s = 0; s < a.length; s++) {
            assertArrayEquals(a[s], b[s], 0);
        }
        double mean = 0;
        for (double[] f : a) {
            mean += f[1] / a.length;
        }
        double var = 0;
        for (double[] f : a) {
            var += (f[1] - mean) * (f[1] - mean) / a.length;
        }
        Prediction p = model.predict(g);
        assertEquals(p.epistemicVar(1, 0), var, 0.35 * p.epistemicVar(1, 0));
        assertEquals(p.mean(1, 0), mean, 4 * Math.sqrt(p.epistemicVar(1, 0) / a.length) + 1e-9);
    }

    @Test
    void theSameDataAndSeedGiveTheSameModelBitForBit() {
        Dataset small = PLAYGROUND.withPoints(30).sample(3);
        double[] q = grid(-4, 4, 9);
        Prediction a = quickSpec().fit(small, new SplitMix64(11)).predict(q);
        Prediction b = quickSpec().fit(small, new SplitMix64(11)).predict(q);
        assertArrayEquals(a.means(), b.means(), 0);
        assertArrayEquals(a.epistemicVars(), b.epistemicVars(), 0);
        assertArrayEquals(a.aleatoricVars(), b.aleatoricVars(), 0);
    }

    /**
     * Two inputs, two outputs y1 = x1 + 0.5 x2, y2 = -x2 (noise 0.05), 150 points on [-1, 1]^2: outputs keep their
     * order and each mean is within 0.25 of the truth at four inner points.
     */
    @Test
    void fitsSeveralOutputsOnSeveralInputs() {
        SplitMix64 rng = new SplitMix64(21);
        int n = 150;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = 2 * rng.nextDouble() - 1;
            x[2 * i + 1] = 2 * rng.nextDouble() - 1;
            y[2 * i] = x[2 * i] + 0.5 * x[2 * i + 1] + 0.05 * rng.nextGaussian();
            y[2 * i + 1] = -x[2 * i + 1] + 0.05 * rng.nextGaussian();
        }
        RegressionModel two = quickSpec().fit(new Dataset(x, y, 2, 2), new SplitMix64(1));
        assertEquals(2, two.inputDim());
        assertEquals(2, two.outputDim());
        double[] q = {0.5, 0.5, -0.5, 0.5, 0.5, -0.5, -0.5, -0.5};
        Prediction p = two.predict(q);
        for (int i = 0; i < 4; i++) {
            assertEquals(q[2 * i] + 0.5 * q[2 * i + 1], p.mean(i, 0), 0.25, "y1 at point " + i);
            assertEquals(-q[2 * i + 1], p.mean(i, 1), 0.25, "y2 at point " + i);
        }
        assertEquals(2 * 3, two.sampleFunctions(new double[] {0, 0, 1, 1, 0.5, 0}, 2, new SplitMix64(1))[0].length);
    }

    @Test
    void rejectsQueriesThatAreNotWholeRows() {
        RegressionModel two = quickSpec().fit(new Dataset(new double[] {0, 0, 1, 1, 0, 1, 1, 0},
                new double[] {0, 1, 2, 1}, 2, 1), new SplitMix64(1));
        assertThrows(IllegalArgumentException.class, () -> two.predict(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> two.predict(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> two.sampleFunctions(new double[] {1}, 1, new SplitMix64(1)));
    }

    protected static double[] grid(double from, double to, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = from + (to - from) * i / (count - 1);
        }
        return g;
    }
}
