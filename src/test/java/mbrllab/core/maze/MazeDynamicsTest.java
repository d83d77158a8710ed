package mbrllab.core.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class MazeDynamicsTest {

    static Layout layout() throws Exception {
        return MazeParser.parse("m", "S..\n.#.\n..G\n").layout();
    }

    @Test
    void withoutSlipTheChosenActionIsExecutedAndNothingIsDrawn() throws Exception {
        MazeDynamics world = new MazeDynamics(layout());
        SplitMix64 rng = new SplitMix64(1);
        long before = rng.state();
        for (int u = 0; u < 4; u++) {
            assertEquals(u, world.executedAction(u, rng));
        }
        assertEquals(before, rng.state());
        assertEquals(0.0, world.slip());
        assertSame(world, world.withSlip(0.0));
    }

    @Test
    void slipReplacesTheActionByAUniformOneAndAlwaysDrawsTwoNumbers() throws Exception {
        MazeDynamics world = new MazeDynamics(layout(), 0.25);
        SplitMix64 rng = new SplitMix64(2);
        SplitMix64 twin = new SplitMix64(2);
        int trials = 200_000;
        int kept = 0;
        int[] counts = new int[4];
        for (int i = 0; i < trials; i++) {
            int executed = world.executedAction(Action.RIGHT.ordinal(), rng);
            twin.nextDouble();
            twin.nextDouble();
            assertEquals(twin.state(), rng.state(), "exactly two draws per call");
            counts[executed]++;
            if (executed == Action.RIGHT.ordinal()) {
                kept++;
            }
        }
        // P(executed = chosen) = 1 - p + p / 4 = 0.8125; every other action has p / 4 = 0.0625.
        // Standard errors about 0.0009 and 0.0005: the bounds are over 10 of them.
        assertEquals(0.8125, (double) kept / trials, 0.01);
        for (int u = 0; u < 3; u++) {
            assertEquals(0.0625, (double) counts[u] / trials, 0.006, "action " + u);
        }
        MazeDynamics always = world.withSlip(1.0);
        assertEquals(world.layout(), always.layout());
        assertEquals(world.next(0, 3), always.next(0, 3));
    }

    @Test
    void slipOutsideZeroToOneIsRefused() throws Exception {
        Layout l = layout();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MazeDynamics(l, 1.5));
        assertEquals("slip must be in [0, 1], got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MazeDynamics(l, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new MazeDynamics(l).withSlip(-0.1));
    }

    @Test
    void theHelpParagraphExplainsTheProblem() {
        String text = MazeDynamics.SLIP_EXPLANATION;
        assertTrue(text.contains("last outcome") && text.contains("planning"), text);
    }
}
