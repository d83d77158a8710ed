package mbrllab.core.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import mbrllab.core.models.Dataset;
import mbrllab.core.models.Prediction;
import mbrllab.core.random.SplitMix64;

class IncrementalEnsembleTest {

    private static final EnsembleSpec SPEC = new EnsembleSpec(3, List.of(16, 16), 1, 0, 32, 3e-3, 1e-5, 0.01);

    /** y = sin(2x) + 0.05 noise for x uniform in [-1.5, 1.5]. */
    private static Dataset data(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1.5 + 3 * rng.nextDouble();
            y[i] = Math.sin(2 * x[i]) + 0.05 * rng.nextGaussian();
        }
        return new Dataset(x, y, 1, 1);
    }

    private static double rmse(EnsembleModel model) {
        double[] q = new double[61];
        for (int i = 0; i < q.length; i++) {
            q[i] = -1.5 + 0.05 * i;
        }
        Prediction p = model.predict(q);
        double sum = 0;
        for (int i = 0; i < q.length; i++) {
            double e = p.mean(i, 0) - Math.sin(2 * q[i]);
            sum += e * e;
        }
        return Math.sqrt(sum / q.length);
    }

    /**
     * Warm starts: each call continues from the last weights, so the error keeps falling over refits of a fixed 300
     * steps per member, on data that grow from 100 to 400 points; the first fit alone is far from done.
     */
    @Test
    void refitsContinueFromThePreviousWeights() {
        IncrementalEnsemble ensemble = new IncrementalEnsemble(SPEC, 1, 1);
        SplitMix64 rng = new SplitMix64(1);
        ensemble.train(data(100, 2), 300, rng);
        double first = rmse(ensemble.model());
        EnsembleModel snapshot = ensemble.model();
        double[] before = snapshot.predict(new double[] {0.3}).means();
        for (int refit = 0; refit < 5; refit++) {
            ensemble.train(data(100 + 60 * refit, 2), 300, rng);
        }
        double last = rmse(ensemble.model());
        assertTrue(last < 0.5 * first && last < 0.1, first + " -> " + last);
        assertEquals(6 * 3 * 300, ensemble.steps());
        assertArrayEquals(before, snapshot.predict(new double[] {0.3}).means(), "a snapshot does not change");
    }

    /** The members train as tasks; the result is the same bits with one thread or three. */
    @Test
    void sameBitsWhateverTheExecutor() {
        IncrementalEnsemble serial = new IncrementalEnsemble(SPEC, 1, 1);
        IncrementalEnsemble parallel = new IncrementalEnsemble(SPEC, 1, 1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            SplitMix64 a = new SplitMix64(5);
            SplitMix64 b = new SplitMix64(5);
            for (int refit = 0; refit < 2; refit++) {
                serial.train(data(80, 3), 50, a);
                parallel.train(data(80, 3), 50, b, pool);
            }
        } finally {
            pool.shutdownNow();
        }
        double[] q = {-1, 0, 0.7};
        Prediction p = serial.model().predict(q);
        Prediction r = parallel.model().predict(q);
        assertArrayEquals(p.means(), r.means());
        assertArrayEquals(p.epistemicVars(), r.epistemicVars());
    }

    @Test
    void refusesBadUse() {
        IncrementalEnsemble ensemble = new IncrementalEnsemble(SPEC, 1, 1);
        assertThrows(IllegalStateException.class, ensemble::model);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ensemble.train(data(10, 1), 0, new SplitMix64(1)));
        assertEquals("stepsPerMember must be in [1, 10000000], got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IncrementalEnsemble(SPEC, 2, 1).train(data(10, 1), 1,
                new SplitMix64(1)));
    }
}
