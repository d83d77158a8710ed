package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

/**
 * One contract suite run against both cart-pole systems through {@link CartPoleSystem}, then the facts that tell
 * them apart, each against the system's own methods (the interface must add no arithmetic of its own).
 */
class CartPoleSystemTest {

    static List<CartPoleSystem> systems() {
        return List.of(BalanceSystem.cartPoleV1(), SwingUpSystem.pilco());
    }

    /** Hinge to tip at the system's upright angle, as (dx, dy). */
    private static double[] tipAt(CartPoleSystem system, double theta) {
        return new double[] {system.tipDx(theta), system.tipDy(theta)};
    }

    @ParameterizedTest
    @MethodSource("systems")
    void restAtTheSystemsEquilibriumStaysExactly(CartPoleSystem system) {
        double[] s = {0, 0, 0, 0};
        double[] work = new double[system.workLength()];
        for (int k = 0; k < 100; k++) {
            system.step(s, 0, work);
        }
        assertArrayEquals(new double[] {0, 0, 0, 0}, s, 0.0, "theta 0 (upright or hanging) at rest, no force");
        assertFalse(system.isTerminal(s));
    }

    @ParameterizedTest
    @MethodSource("systems")
    void pushingRightAcceleratesTheCartRightAndTheTipPointsAlongTheUnitVector(CartPoleSystem system) {
        double[] s = {0, 0, 0, 0};
        system.step(s, system.maxForce(), new double[system.workLength()]);
        assertTrue(s[CartPoleState.X_DOT] > 0, "x' " + s[CartPoleState.X_DOT]);
        for (double theta : new double[] {-2.5, -0.3, 0, 0.7, 3}) {
            double[] tip = tipAt(system, theta);
            assertEquals(1.0, tip[0] * tip[0] + tip[1] * tip[1], 1e-15, "unit length at " + theta);
        }
        assertEquals(1.0, system.tipDx(Math.PI / 2), 0.0, "a quarter turn from theta 0 points the tip to +x");
    }

    @ParameterizedTest
    @MethodSource("systems")
    void realTimeIsOneStepPerControlPeriod(CartPoleSystem system) {
        assertEquals(1.0 / system.controlPeriod(), system.realTimeStepsPerSecond(), 0.0);
        assertEquals(10.0, system.maxForce(), 0.0, "both push with 10 N");
        assertEquals(system.maxForce(), system.appliedForce(system.maxForce()), 0.0);
        assertEquals(-3.5, system.appliedForce(-3.5), 0.0, "a force within the limit is applied as asked");
    }

    @ParameterizedTest
    @MethodSource("systems")
    void resetStartsEveryEpisodeInsideTheFailureLimits(CartPoleSystem system) {
        SplitMix64 rng = new SplitMix64(4);
        double[] s = new double[4];
        for (int e = 0; e < 1000; e++) {
            system.reset(s, rng);
            assertFalse(system.isTerminal(s));
        }
    }

    @Test
    void balanceIsGymnasiumsCartPoleV1ThroughTheInterface() {
        BalanceSystem balance = BalanceSystem.cartPoleV1();
        CartPoleSystem system = balance;
        assertEquals(0.02, system.controlPeriod(), 0.0);
        assertEquals(50.0, system.realTimeStepsPerSecond(), 1e-12);
        assertEquals(500, system.maxSteps());
        assertEquals(0, system.workLength());
        assertEquals(1.0, system.poleLength(), 0.0, "2l with the half-length l = 0.5 m");
        assertEquals(25.0, system.appliedForce(25.0), 0.0, "any force is used as given");
        assertArrayEquals(new double[] {0, 1}, tipAt(system, 0), 0.0, "theta 0 is upright");

        SplitMix64 rng = new SplitMix64(9);
        double[] viaInterface = new double[4];
        double[] direct = new double[4];
        system.reset(viaInterface, rng.copy());
        SplitMix64 drawn = rng.copy();
        balance.reset(direct, drawn);
        assertArrayEquals(direct, viaInterface, 0.0);
        SplitMix64 fourDraws = rng.copy();
        for (int i = 0; i < 4; i++) {
            fourDraws.nextDouble();
        }
        assertEquals(fourDraws.state(), drawn.state(), "Gymnasium's reset: exactly four draws");
        for (int k = 0; k < 30; k++) {
            double f = k % 3 == 0 ? -10 : 10;
            system.step(viaInterface, f, new double[0]);
            balance.step(direct, f);
            assertArrayEquals(direct, viaInterface, 0.0, "the same Euler step, bit for bit, at step " + k);
        }

        assertTrue(system.isTerminal(new double[] {0, 0, 0.21, 0}), "past 12 degrees = 0.20944 rad");
        assertFalse(system.isTerminal(new double[] {0, 0, 0.2, 0}));
        assertTrue(system.isTerminal(new double[] {-2.41, 0, 0, 0}));
        assertTrue(balance.isOffTrack(new double[] {-2.41, 0, 0, 0}));
        assertTrue(balance.isOffTrack(new double[] {2.41, 0, 0.5, 0}), "off the track and fallen: off the track");
        assertFalse(balance.isOffTrack(new double[] {2.4, 0, 0.5, 0}), "the limit itself is on the track");
    }

    @Test
    void swingUpIsPilcosCartPoleThroughTheInterface() {
        SwingUpSystem swingUp = SwingUpSystem.pilco();
        CartPoleSystem system = swingUp;
        assertEquals(0.1, system.controlPeriod(), 0.0);
        assertEquals(10.0, system.realTimeStepsPerSecond(), 1e-12);
        assertEquals(40, system.maxSteps(), "the 4 s horizon");
        assertEquals(swingUp.horizonSteps(), system.maxSteps());
        assertEquals(SwingUpSystem.WORK_LENGTH, system.workLength());
        assertEquals(0.5, system.poleLength(), 0.0);
        assertEquals(10.0, system.appliedForce(25.0), 0.0, "clipped to 10 N");
        assertEquals(-10.0, system.appliedForce(-1e3), 0.0);
        assertArrayEquals(new double[] {0, -1}, tipAt(system, 0), 0.0, "theta 0 hangs down");
        assertEquals(1.0, system.tipDy(Math.PI), 0.0, "theta pi is upright");

        SplitMix64 rng = new SplitMix64(9);
        long before = rng.state();
        double[] s = {1, 2, 3, 4};
        system.reset(s, rng);
        assertArrayEquals(swingUp.initialState().toArray(), s, 0.0, "at rest hanging at x = 0");
        assertEquals(before, rng.state(), "no draw");

        double[] viaInterface = {0.3, -0.2, 2.5, 1.0};
        double[] direct = viaInterface.clone();
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        for (int k = 0; k < 30; k++) {
            double f = 14 * Math.sin(k);
            system.step(viaInterface, f, work);
            swingUp.step(direct, swingUp.clip(f), new double[SwingUpSystem.WORK_LENGTH]);
            assertArrayEquals(direct, viaInterface, 0.0, "the same Runge-Kutta step, bit for bit, at step " + k);
            assertFalse(system.isTerminal(viaInterface), "no failure in the swing-up");
        }
        assertFalse(system.isTerminal(new double[] {50, 0, 9, 0}));
    }
}
