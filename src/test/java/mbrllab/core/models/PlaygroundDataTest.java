package mbrllab.core.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class PlaygroundDataTest {

    @Test
    void targetFunctions() {
        assertEquals(Math.sin(1.0), TargetFunction.SINE.value(0.5), 1e-15);
        assertEquals(-1, TargetFunction.STEP.value(-1e-9));
        assertEquals(1, TargetFunction.STEP.value(0));
        assertEquals(0.1 * 8 - 1, TargetFunction.CUBIC.value(2), 1e-15);
    }

    @Test
    void inputsStayInTheRangeAndOutOfTheGap() {
        PlaygroundData gap = PlaygroundData.defaults().withGap(true).withPoints(5000);
        Dataset data = gap.sample(1);
        int left = 0;
        for (int i = 0; i < data.size(); i++) {
            double x = data.x(i, 0);
            assertTrue(x >= PlaygroundData.X_MIN && x <= PlaygroundData.X_MAX, "x = " + x);
            assertTrue(x < PlaygroundData.GAP_FROM || x >= PlaygroundData.GAP_TO, "x = " + x + " is in the gap");
            left += x < PlaygroundData.GAP_FROM ? 1 : 0;
        }
        // uniform on what is left: [-3, -0.5) has 2.5 of the 4 units
        assertEquals(5000 * 2.5 / 4, left, 4 * Math.sqrt(5000 * 0.625 * 0.375));
    }

    @Test
    void homoscedasticNoiseHasTheStatedSpread() {
        PlaygroundData data = PlaygroundData.defaults().withNoiseLevel(0.3);
        SplitMix64 rng = new SplitMix64(4);
        double sum = 0;
        double sumSquares = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double r = data.noisyTarget(1.0, rng) - Math.sin(2.0);
            sum += r;
            sumSquares += r * r;
        }
        assertEquals(0, sum / n, 4 * 0.3 / Math.sqrt(n));
        assertEquals(0.09, sumSquares / n, 0.005);
    }

    @Test
    void heteroscedasticNoiseGrowsFromLeftToRight() {
        PlaygroundData data = PlaygroundData.defaults().withNoise(NoiseKind.HETEROSCEDASTIC).withNoiseLevel(0.5);
        assertEquals(0.05, data.noiseStd(PlaygroundData.X_MIN), 1e-12);
        assertEquals(1.0, data.noiseStd(PlaygroundData.X_MAX), 1e-12);
        assertEquals(0.525, data.noiseStd(0), 1e-12);
    }

    @Test
    void theSameSeedGivesTheSameData() {
        PlaygroundData p = PlaygroundData.defaults();
        assertArrayEquals(p.sample(7).inputs(), p.sample(7).inputs(), 0);
        assertArrayEquals(p.sample(7).targets(), p.sample(7).targets(), 0);
        assertEquals(100, p.sample(7).size());
    }

    @Test
    void validates() {
        assertThrows(IllegalArgumentException.class, () -> PlaygroundData.defaults().withPoints(0));
        assertThrows(IllegalArgumentException.class, () -> PlaygroundData.defaults().withNoiseLevel(-0.1));
        assertThrows(IllegalArgumentException.class, () -> PlaygroundData.defaults().withTarget(null));
    }
}
