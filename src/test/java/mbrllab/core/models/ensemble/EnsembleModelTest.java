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
import mbrllab.core.models.NoiseKind;
import mbrllab.core.models.PlaygroundData;
import mbrllab.core.models.Prediction;
import mbrllab.core.random.SplitMix64;

class EnsembleModelTest {

    static final EnsembleSpec QUICK = EnsembleSpec.playground().withMinSteps(300);

    @Test
    void predictionIsTheMomentsOfTheMembersMixture() {
        Dataset data = PlaygroundData.defaults().withPoints(40).sample(1);
        EnsembleModel model = QUICK.withMembers(3).fit(data, new SplitMix64(2));
        double[] q = {-4, -1, 0.5, 3};
        double[][] mu = new double[3][4];
        double[][] var = new double[3][4];
        for (int k = 0; k < 3; k++) {
            model.predictMember(k, q, mu[k], var[k]);
        }
        Prediction p = model.predict(q);
        for (int i = 0; i < 4; i++) {
            double mean = (mu[0][i] + mu[1][i] + mu[2][i]) / 3;
            double epi = 0;
            for (int k = 0; k < 3; k++) {
                epi += (mu[k][i] - mean) * (mu[k][i] - mean) / 3;
            }
            assertEquals(mean, p.mean(i, 0), 1e-12);
            assertEquals(epi, p.epistemicVar(i, 0), 1e-12);
            assertEquals((var[0][i] + var[1][i] + var[2][i]) / 3, p.aleatoricVar(i, 0), 1e-12);
        }
        assertEquals(3, model.memberCount());
        assertThrows(IndexOutOfBoundsException.class, () -> model.predictMember(3, q, new double[4], new double[4]));
    }

    @Test
    void trainingOnAThreadPoolGivesTheSameBits() {
        Dataset data = PlaygroundData.defaults().withPoints(50).sample(4);
        double[] q = {-3.5, 0, 2};
        Prediction serial = QUICK.fit(data, new SplitMix64(8)).predict(q);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Prediction parallel = QUICK.fit(data, new SplitMix64(8), pool).predict(q);
            assertArrayEquals(serial.means(), parallel.means(), 0);
            assertArrayEquals(serial.epistemicVars(), parallel.epistemicVars(), 0);
            assertArrayEquals(serial.aleatoricVars(), parallel.aleatoricVars(), 0);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Heteroscedastic noise (sigma from 0.1 level at x = -3 to 2 level at x = 3, level 0.3): the learned
     * aleatoric variance at x = 2.5 is at least 5 times that at x = -2.5 (the true ratio is about 51).
     * A GP, with one noise variance, cannot show this.
     */
    @Test
    void learnsNoiseThatGrowsWithX() {
        PlaygroundData hetero = PlaygroundData.defaults().withNoise(NoiseKind.HETEROSCEDASTIC).withNoiseLevel(0.3)
                .withPoints(150);
        EnsembleModel model = EnsembleSpec.playground().fit(hetero.sample(6), new SplitMix64(3));
        Prediction p = model.predict(new double[] {-2.5, 2.5});
        double ratio = p.aleatoricVar(1, 0) / p.aleatoricVar(0, 0);
        assertTrue(ratio >= 5, "aleatoric ratio " + ratio);
        double truth = hetero.noiseStd(2.5) * hetero.noiseStd(2.5);
        assertEquals(truth, p.aleatoricVar(1, 0), 0.5 * truth, "aleatoric variance at 2.5");
    }

    @Test
    void epochsGrowForSmallDataUntilMinSteps() {
        EnsembleSpec spec = EnsembleSpec.dynamics();
        assertEquals(50, spec.epochsFor(2000), "2000 points: 63 batches x 50 epochs > 2000 steps");
        assertEquals(500, spec.epochsFor(100), "100 points: 4 batches per epoch, 2000 steps");
    }

    @Test
    void validatesItsSettings() {
        assertThrows(IllegalArgumentException.class, () -> EnsembleSpec.dynamics().withMembers(0));
        assertThrows(IllegalArgumentException.class, () -> EnsembleSpec.dynamics().withHidden(List.of(64, 0)));
        assertThrows(IllegalArgumentException.class, () -> EnsembleSpec.dynamics().withEpochs(0));
        assertThrows(IllegalArgumentException.class,
                () -> new EnsembleSpec(5, List.of(8), 1, 0, 32, 0, 0, 0));
    }

    @Test
    void aLinearModelWithoutHiddenLayersWorks() {
        Dataset data = PlaygroundData.defaults().withPoints(30).sample(2);
        EnsembleModel model = QUICK.withHidden(List.of()).fit(data, new SplitMix64(1));
        assertTrue(Double.isFinite(model.predict(new double[] {1}).mean(0, 0)));
    }
}
