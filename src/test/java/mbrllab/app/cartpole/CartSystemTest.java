package mbrllab.app.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.cartpole.CartPoleEpisode;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.random.SplitMix64;

/** The lab's two systems read everything physical from the core, and score and end episodes as before. */
class CartSystemTest {

    @Test
    void theTwoChoicesAreTheCoresSystems() {
        assertEquals(BalanceSystem.cartPoleV1(), CartSystem.BALANCE.physics());
        assertEquals(SwingUpSystem.pilco(), CartSystem.SWING_UP.physics());
        assertEquals(SwingUpTask.pilco().system(), CartSystem.SWING_UP.physics(), "the task's system is the lab's");
        assertSame(CartSystem.BALANCE_SYSTEM, CartSystem.BALANCE.physics());
        assertSame(CartSystem.SWING_UP_SYSTEM, CartSystem.SWING_UP.physics());
        assertEquals(0.02, CartSystem.BALANCE.period());
        assertEquals(0.1, CartSystem.SWING_UP.period());
        assertEquals(500, CartSystem.BALANCE.maxSteps());
        assertEquals(40, CartSystem.SWING_UP.maxSteps());
        assertEquals(50.0, CartSystem.BALANCE.realTimeStepsPerSecond(), 1e-12);
        assertEquals(10.0, CartSystem.SWING_UP.realTimeStepsPerSecond(), 1e-12);
        assertEquals(-10.0, CartSystem.BALANCE.force(-1));
        assertEquals(10.0, CartSystem.SWING_UP.force(1));
        assertEquals(1.0, CartSystem.BALANCE.poleLength());
        assertEquals(0.5, CartSystem.SWING_UP.poleLength());
        assertEquals(1.0, CartSystem.BALANCE.tipDy(0), 0.0, "upright");
        assertEquals(-1.0, CartSystem.SWING_UP.tipDy(0), 0.0, "hanging");
        assertEquals(0.25, CartSystem.COST_WIDTH);
        assertEquals("return", CartSystem.BALANCE.scoreName());
        assertEquals("cost", CartSystem.SWING_UP.scoreName());
    }

    /** The saturating cost as the lab computed it before it used the core's task (commit f2beb08). */
    private static double costAsBefore(double[] s) {
        double l = 0.5;
        double width = 0.25;
        double theta = s[CartPoleState.THETA];
        double dx = s[CartPoleState.X] + l * Math.sin(theta);
        double dy = l * Math.cos(theta) + l;
        return 1 - Math.exp(-(dx * dx + dy * dy) / (2 * width * width));
    }

    /**
     * The swing-up score is the core task's cost, and equals the lab's former formula bit for bit: with l = 0.5 a
     * power of two, l cos + l and l (1 + cos) round alike.
     */
    @Test
    void theSwingUpScoreIsTheCoresCostBitForBit() {
        SplitMix64 rng = new SplitMix64(17);
        SwingUpTask task = SwingUpTask.pilco();
        for (int i = 0; i < 100_000; i++) {
            double[] s = {rng.nextDouble() * 6 - 3, rng.nextDouble() * 8 - 4, rng.nextDouble() * 20 - 10,
                rng.nextDouble() * 20 - 10};
            double score = CartSystem.SWING_UP.stepScore(s);
            assertEquals(Double.doubleToRawLongBits(costAsBefore(s)), Double.doubleToRawLongBits(score), "state " + i);
            assertEquals(task.cost(s), score, 0.0);
        }
        assertEquals(0.0, CartSystem.SWING_UP.stepScore(new double[] {0, 0, Math.PI, 0}), 1e-30, "at the target");
        assertEquals(1.0, CartSystem.BALANCE.stepScore(new double[] {0, 0, 0.1, 0}), "Gymnasium's reward per step");
    }

    @Test
    void episodesEndAsBefore() {
        CartPoleEpisode fell = CartSystem.BALANCE.newEpisode();
        fell.start(new double[] {0, 0, 0, 0});
        while (!fell.isOver()) {
            fell.step(10);
        }
        assertEquals(CartSystem.Ending.POLE_FELL, CartSystem.BALANCE.ending(fell));

        CartPoleEpisode offTrack = CartSystem.BALANCE.newEpisode();
        offTrack.start(new double[] {2.41, 0, 0.5, 0});
        assertEquals(CartSystem.Ending.LEFT_TRACK, CartSystem.BALANCE.ending(offTrack),
                "both limits passed: the track is told first");

        CartPoleEpisode balanced = CartSystem.BALANCE.newEpisode();
        balanced.start(new double[] {0, 0, 0, 0});
        for (int k = 1; k < 500; k++) {
            balanced.step(0);
            assertNull(CartSystem.BALANCE.ending(balanced));
        }
        balanced.step(0);
        assertEquals(CartSystem.Ending.TRUNCATED, CartSystem.BALANCE.ending(balanced));

        CartPoleEpisode swing = CartSystem.SWING_UP.newEpisode();
        swing.reset(new SplitMix64(1));
        for (int k = 1; k < 40; k++) {
            swing.step(10);
            assertNull(CartSystem.SWING_UP.ending(swing));
        }
        swing.step(-10);
        assertEquals(CartSystem.Ending.HORIZON, CartSystem.SWING_UP.ending(swing));
    }

    /** After a count of steps the step limit is named once: "500 steps, truncated at the step limit". */
    @Test
    void anEndingAfterAStepCountDoesNotRepeatTheCount() {
        assertEquals("500 steps: truncated", CartSystem.Ending.TRUNCATED.text(), "the picture's banner");
        assertEquals("truncated at the step limit", CartSystem.Ending.TRUNCATED.afterSteps());
        for (CartSystem.Ending e : CartSystem.Ending.values()) {
            if (e != CartSystem.Ending.TRUNCATED) {
                assertEquals(e.text(), e.afterSteps(), e.name());
            }
        }
    }
}
