package mbrllab.core.models.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.random.SplitMix64;

/** The one seed recipe of the compounding-error study, against the recipe the lab and the command each wrote out. */
class CompoundingErrorSpecTest {

    private static void assertSameEpisodes(List<Trajectory> expected, List<Trajectory> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).states(), actual.get(i).states(), 0.0, "states of episode " + i);
            assertArrayEquals(expected.get(i).actions(), actual.get(i).actions(), 0.0, "forces of episode " + i);
        }
    }

    /** Streams 1, 2 and 3 of the seed, drawn as both callers drew them before (commit f2beb08), bit for bit. */
    @Test
    void theDataAreTheRecipeTheLabAndTheCommandBothCopied() {
        long seed = 12;
        CompoundingErrorSpec spec = new CompoundingErrorSpec(3, 4, 7, seed);
        CompoundingErrorSpec.Data data = spec.collect();

        SwingUpSystem system = SwingUpSystem.pilco();
        List<Trajectory> train = RandomEpisodes.collect(system, 3, 40, RandomEpisodes.PILCO_START_STD,
                new SplitMix64(SplitMix64.streamSeed(seed, 1)));
        List<Trajectory> test = RandomEpisodes.collect(system, 4, 40, RandomEpisodes.PILCO_START_STD,
                new SplitMix64(SplitMix64.streamSeed(seed, 2)));
        int[] offsets = HeldOut.offsets(test, 7, new SplitMix64(SplitMix64.streamSeed(seed, 3)));
        List<Trajectory> windows = HeldOut.windows(test, 7, new SplitMix64(SplitMix64.streamSeed(seed, 3)));
        Dataset transitions = Transitions.of(train);

        assertSameEpisodes(train, data.train());
        assertSameEpisodes(test, data.test());
        assertArrayEquals(offsets, data.offsets());
        assertSameEpisodes(windows, data.windows());
        assertArrayEquals(transitions.inputs(), data.transitions().inputs(), 0.0);
        assertArrayEquals(transitions.targets(), data.transitions().targets(), 0.0);
        assertEquals(3 * 40, data.transitions().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(7, data.windows().get(i).length());
        }

        assertEquals(new SplitMix64(SplitMix64.streamSeed(seed, 4)).nextLong(), spec.fitRng().nextLong());
        assertEquals(spec.fitRng().nextLong(), spec.fitRng().nextLong(), "a fresh generator for each model");
        assertEquals(SplitMix64.streamSeed(seed, 5), spec.predictionSeed());
        assertEquals(new SplitMix64(SplitMix64.streamSeed(SplitMix64.streamSeed(seed, 5), 3)).nextLong(),
                spec.windowRng(3).nextLong(), "window 3 as CompoundingError.evaluate seeds it");
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        CompoundingErrorSpec.Data a = new CompoundingErrorSpec(2, 2, 40, 1).collect();
        CompoundingErrorSpec.Data b = new CompoundingErrorSpec(2, 2, 40, 1).collect();
        CompoundingErrorSpec.Data c = new CompoundingErrorSpec(2, 2, 40, 2).collect();
        assertSameEpisodes(a.train(), b.train());
        assertSameEpisodes(a.windows(), b.windows());
        assertArrayEquals(new int[] {0, 0}, a.offsets(), "a window of the whole episode starts at 0");
        assertFalse(Arrays.equals(a.train().get(0).states(), c.train().get(0).states()));
    }

    @Test
    void limitsAndMessagesNameTheField() {
        assertEquals(40, CompoundingErrorSpec.EPISODE_STEPS);
        assertEquals(75, CompoundingErrorSpec.maxEpisodes(ModelKind.GP), "3000 transitions");
        assertEquals(1000, CompoundingErrorSpec.maxEpisodes(ModelKind.ENSEMBLE));
        assertEquals("episodes must be in [1, 10000], got 0",
                assertThrows(IllegalArgumentException.class, () -> new CompoundingErrorSpec(0, 1, 1, 1)).getMessage());
        assertEquals("testEpisodes must be in [1, 10000], got 10001", assertThrows(IllegalArgumentException.class,
                () -> new CompoundingErrorSpec(1, 10_001, 1, 1)).getMessage());
        assertEquals("horizon must be in [1, 40], got 41",
                assertThrows(IllegalArgumentException.class, () -> new CompoundingErrorSpec(1, 1, 41, 1)).getMessage());
    }
}
