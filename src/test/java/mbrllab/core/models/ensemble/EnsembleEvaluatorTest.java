package mbrllab.core.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import mbrllab.core.models.Dataset;
import mbrllab.core.random.SplitMix64;

/** The allocation-free evaluator gives exactly the bits of {@link EnsembleModel#predictMember}. */
class EnsembleEvaluatorTest {

    @Test
    void evaluatorMatchesPredictMemberBitForBitInAnyPassSize() {
        Dataset data = mbrllabTransitions(300, 3);
        EnsembleModel model = EnsembleSpec.dynamics().withMembers(3).withMinSteps(200).withEpochs(2)
                .fit(data, new SplitMix64(5));
        SplitMix64 rng = new SplitMix64(9);
        int m = 37;
        double[] q = new double[m * 5];
        for (int i = 0; i < q.length; i++) {
            q[i] = 3 * rng.nextGaussian();
        }
        for (int k = 0; k < 3; k++) {
            double[] mean = new double[m * 4];
            double[] var = new double[m * 4];
            model.predictMember(k, q, mean, var);
            for (int capacity : new int[] {1, 8, 37, 256}) {
                EnsembleModel.Evaluator ev = model.evaluator(capacity);
                double[] mean2 = new double[m * 4 + 3];
                double[] var2 = new double[m * 4 + 3];
                ev.predictMember(k, q, m, mean2, var2);
                assertArrayEquals(mean, java.util.Arrays.copyOf(mean2, m * 4), 0,
                        "member " + k + " capacity " + capacity);
                assertArrayEquals(var, java.util.Arrays.copyOf(var2, m * 4), 0);
                double[] meanOnly = new double[m * 4];
                ev.predictMember(k, q, m, meanOnly, null);
                assertArrayEquals(mean, meanOnly, 0);
            }
        }
        // a prefix of the queries: only the first rows are written
        EnsembleModel.Evaluator ev = model.evaluator(4);
        double[] mean = new double[8];
        java.util.Arrays.fill(mean, 42);
        ev.predictMember(0, q, 1, mean, null);
        assertEquals(42, mean[4]);
        assertEquals(4, ev.capacity());
        assertThrows(IndexOutOfBoundsException.class, () -> ev.predictMember(3, q, 1, new double[4], null));
        assertThrows(IllegalArgumentException.class, () -> ev.predictMember(0, q, m + 1, new double[400], null));
        assertThrows(IllegalArgumentException.class, () -> model.evaluator(0));
    }

    static Dataset mbrllabTransitions(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n * 5];
        double[] y = new double[n * 4];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                x[i * 5 + j] = 2 * rng.nextDouble() - 1;
            }
            for (int k = 0; k < 4; k++) {
                y[i * 4 + k] = Math.sin(x[i * 5 + k] + x[i * 5 + k + 1]) + 0.05 * rng.nextGaussian();
            }
        }
        return new Dataset(x, y, 5, 4);
    }
}
