package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.models.Dataset;
import mbrllab.core.models.PlaygroundData;
import mbrllab.core.random.SplitMix64;

/** The playground's fits without the window: the numbers the side panel shows for the default data, seed 1. */
class PlaygroundFitterTest {

    /** The lab's default points: PlaygroundData.defaults() drawn from stream 100 of seed 1 (as New data does). */
    static Dataset defaultPoints() {
        return PlaygroundData.defaults().sample(new SplitMix64(SplitMix64.streamSeed(1, 100)));
    }

    /**
     * GP on sin(2x) with noise 0.2, 100 points: the fitted noise near the true 0.2, the +-2 sigma band covering
     * 90..99% of fresh targets, and the epistemic standard deviation 5 times larger at x = 5 (outside the data's
     * [-3, 3]) than at x = 0. The exact values are those the README quotes.
     */
    @Test
    void gpOnTheDefaultData() {
        ModelCurves gp = PlaygroundFitter.fitGp(defaultPoints(), PlaygroundData.defaults(), 1);
        assertEquals(0.838, gp.hyperparameters().lengthScale(0), 5e-4);
        assertEquals(0.901, gp.hyperparameters().signalStd(), 5e-4);
        assertEquals(0.194, gp.hyperparameters().noiseStd(), 5e-4);
        assertEquals(1.13, gp.logMarginalLikelihood(), 5e-3);
        assertEquals(0.957, gp.coverage(), 5e-4);
        int centre = PlaygroundFitter.GRID_POINTS / 2;
        int right = PlaygroundFitter.GRID_POINTS - 1;
        assertTrue(Math.sqrt(gp.epistemicVar()[right]) > 5 * Math.sqrt(gp.epistemicVar()[centre]));
        assertEquals(3, gp.priorSamples().length);
        assertEquals(3, gp.functionSamples().length);
    }

    @Test
    void ensembleOnTheDefaultData() {
        ModelCurves ens = PlaygroundFitter.fitEnsemble(defaultPoints(), PlaygroundData.defaults(), 1, () -> false,
                done -> { });
        assertEquals(0.936, ens.coverage(), 5e-4);
        assertEquals(5, ens.functionSamples().length, "one curve per member");
        int centre = PlaygroundFitter.GRID_POINTS / 2;
        assertTrue(Math.sqrt(ens.epistemicVar()[0]) > 3 * Math.sqrt(ens.epistemicVar()[centre]),
                "the members disagree far from the data");
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
