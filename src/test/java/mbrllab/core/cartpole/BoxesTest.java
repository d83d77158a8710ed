package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

/** The BOXES discretisation of Barto, Sutton and Anderson (1983). */
class BoxesTest {

    static final Boxes BOXES = Boxes.cartPoleV1();
    static final double DEG = Math.PI / 180;

    @Test
    void centreBoxesFollowPoleCsNumbering() {
        // x middle (1), x' middle (+3), theta [0, 1) deg (+27), theta' middle (+54)
        assertEquals(85, BOXES.box(0, 0, 0, 0));
        // theta [-1, 0) deg (+18) instead
        assertEquals(76, BOXES.box(0, 0, -1e-9, 0));
        assertEquals(0, BOXES.box(-1, -1, -7 * DEG, -60 * DEG));
        assertEquals(161, BOXES.box(1, 1, 7 * DEG, 60 * DEG));
        assertEquals("box 85: -0.8 <= x < 0.8, -0.5 <= x' < 0.5, 0 <= theta < 1, -50 <= theta' < 50",
                Boxes.describe(85));
    }

    @Test
    void cutPointsAreClosedBelowOpenAbove() {
        assertEquals(0, Boxes.xIndex(BOXES.box(-0.8 - 1e-12, 0, 0, 0)));
        assertEquals(1, Boxes.xIndex(BOXES.box(-0.8, 0, 0, 0)));
        assertEquals(2, Boxes.xIndex(BOXES.box(0.8, 0, 0, 0)));
        assertEquals(2, Boxes.xIndex(BOXES.box(2.4, 0, 0, 0)));
        assertEquals(0, Boxes.xDotIndex(BOXES.box(0, -0.6, 0, 0)));
        assertEquals(1, Boxes.xDotIndex(BOXES.box(0, -0.5, 0, 0)));
        assertEquals(2, Boxes.xDotIndex(BOXES.box(0, 0.5, 0, 0)));
        double[] thetas = {-BOXES.system().thetaThresholdRadians(), -Math.toRadians(6), -Math.toRadians(1), 0,
            Math.toRadians(1), Math.toRadians(6)};
        for (int k = 0; k < 6; k++) {
            assertEquals(k, Boxes.thetaIndex(BOXES.box(0, 0, thetas[k], 0)), "theta cut " + k);
            assertEquals(k, Boxes.thetaIndex(BOXES.box(0, 0, thetas[k] + 0.5 * DEG, 0)), "inside interval " + k);
        }
        assertEquals(0, Boxes.thetaDotIndex(BOXES.box(0, 0, 0, -51 * DEG)));
        assertEquals(1, Boxes.thetaDotIndex(BOXES.box(0, 0, 0, -Math.toRadians(50))));
        assertEquals(2, Boxes.thetaDotIndex(BOXES.box(0, 0, 0, Math.toRadians(50))));
    }

    @Test
    void failedExactlyWhenTheSystemTerminates() {
        SplitMix64 rng = new SplitMix64(11);
        Set<Integer> seen = new HashSet<>();
        BalanceSystem system = BOXES.system();
        for (int i = 0; i < 200_000; i++) {
            double x = rng.nextDouble() * 6 - 3;
            double xDot = rng.nextDouble() * 3 - 1.5;
            double theta = (rng.nextDouble() * 30 - 15) * DEG;
            double thetaDot = (rng.nextDouble() * 200 - 100) * DEG;
            int box = BOXES.box(x, xDot, theta, thetaDot);
            assertEquals(system.isTerminal(x, theta), box == Boxes.FAILED);
            if (box != Boxes.FAILED) {
                assertTrue(box >= 0 && box < Boxes.COUNT);
                assertEquals(box, Boxes.xIndex(box) + 3 * Boxes.xDotIndex(box) + 9 * Boxes.thetaIndex(box)
                        + 54 * Boxes.thetaDotIndex(box));
                seen.add(box);
            }
        }
        assertEquals(Boxes.COUNT, seen.size(), "every one of the 162 boxes is reachable");
        assertEquals(Boxes.FAILED, BOXES.box(new CartPoleState(0, 0, 0.21, 0)));
        assertEquals("failed", Boxes.describe(Boxes.FAILED));
        assertThrows(IllegalArgumentException.class, () -> Boxes.xIndex(162));
    }
}
