package mbrllab.core.models.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.models.Dataset;
import mbrllab.core.random.SplitMix64;

class IncrementalSingleNetTest {

    private static final double[][] A = {{0.5, -1, 0.2, 0, 0.1, 0.05}, {0, 0.3, -0.2, 1.5, 0, -0.1},
        {-0.7, 0, 0, 0.4, 2, 0.3}, {0.1, 0.1, 0.1, -0.1, -0.1, 0.02}};
    private static final double[] BIAS = {0.3, -0.2, 0.1, 0};

    /** n points of an exact linear map of six features (the force, feature 6, in [-10, 10]). */
    private static Dataset linear(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n * 6];
        double[] y = new double[n * 4];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x[i * 6 + j] = (j == 5 ? 10 : 1) * (2 * rng.nextDouble() - 1);
            }
            for (int k = 0; k < 4; k++) {
                double v = BIAS[k];
                for (int j = 0; j < 6; j++) {
                    v += A[k][j] * x[i * 6 + j];
                }
                y[i * 4 + k] = v;
            }
        }
        return new Dataset(x, y, 6, 4);
    }

    /** Largest error of the snapshot's next state against s + A f + b over a few states. */
    private static double error(SingleNetModel model) {
        double worst = 0;
        SplitMix64 rng = new SplitMix64(99);
        double[] next = new double[4];
        for (int q = 0; q < 20; q++) {
            double[] s = {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1,
                2 * rng.nextDouble() - 1};
            double u = 10 * (2 * rng.nextDouble() - 1);
            double[] f = {s[0], s[1], s[3], Math.sin(s[2]), Math.cos(s[2]), u};
            model.predict(0, s, new double[] {u}, 1, next);
            for (int k = 0; k < 4; k++) {
                double expected = s[k] + BIAS[k];
                for (int j = 0; j < 6; j++) {
                    expected += A[k][j] * f[j];
                }
                worst = Math.max(worst, Math.abs(expected - next[k]));
            }
        }
        return worst;
    }

    /**
     * A linear net (least squares) learns a linear map of the features: 300 steps, then refits of a fixed 1,500 steps
     * continue from the last weights, on data that grow, and the error falls refit after refit to within 5e-3; a
     * snapshot does not change afterwards.
     */
    @Test
    void warmStartedRefitsKeepImproving() {
        IncrementalSingleNet net = new IncrementalSingleNet(new SingleNetSpec(List.of(), 1, 0, 32, 3e-3, 0));
        SplitMix64 rng = new SplitMix64(1);
        net.train(linear(100, 2), 300, rng);
        SingleNetModel first = net.model();
        double e1 = error(first);
        double[] before = new double[4];
        first.predict(0, new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {1}, 1, before);
        for (int refit = 1; refit <= 3; refit++) {
            net.train(linear(100 + 100 * refit, 2), 1500, rng);
        }
        double e4 = error(net.model());
        assertTrue(e4 < 0.5 * e1 && e4 < 5e-3, e1 + " -> " + e4);
        assertEquals(300 + 3 * 1500, net.steps());
        double[] after = new double[4];
        first.predict(0, new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {1}, 1, after);
        assertArrayEquals(before, after);
    }

    @Test
    void refusesBadUse() {
        SingleNetSpec pets = SingleNetSpec.pets();
        IllegalArgumentException features = assertThrows(IllegalArgumentException.class,
                () -> new IncrementalSingleNet(pets));
        assertEquals("an incremental net takes the inputs with the cart position, got without-position",
                features.getMessage());
        IncrementalSingleNet net = new IncrementalSingleNet(new SingleNetSpec(pets.hidden(), pets.epochs(),
                pets.minSteps(), pets.batchSize(), pets.learningRate(), pets.weightDecay(),
                TransitionFeatures.WITH_POSITION));
        assertThrows(IllegalStateException.class, net::model);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.train(linear(10, 1), 0, new SplitMix64(1)));
        assertEquals("stepCount must be in [1, 10000000], got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> net.train(new Dataset(new double[5], new double[5], 1, 1), 1, new SplitMix64(1)));
    }
}
