package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

/** Gymnasium's CartPole-v1 against values derived by hand. */
class BalanceSystemTest {

    static final BalanceSystem V1 = BalanceSystem.cartPoleV1();

    @Test
    void constantsAndDerivedQuantities() {
        assertEquals(9.8, V1.gravity());
        assertEquals(1.0, V1.cartMass());
        assertEquals(0.1, V1.poleMass());
        assertEquals(0.5, V1.halfLength());
        assertEquals(10.0, V1.forceMagnitude());
        assertEquals(0.02, V1.tau());
        assertEquals(500, V1.maxSteps());
        assertEquals(1.1, V1.totalMass(), 1e-15);
        assertEquals(0.05, V1.poleMassLength(), 1e-15);
        assertEquals(1.0, V1.poleLength());
        assertEquals(12 * 2 * Math.PI / 360, V1.thetaThresholdRadians(), 0.0);
        assertEquals(0.2095, V1.thetaThresholdRadians(), 1e-4);
        assertEquals(10.0, V1.force(BalanceSystem.PUSH_RIGHT));
        assertEquals(-10.0, V1.force(BalanceSystem.PUSH_LEFT));
        assertThrows(IllegalArgumentException.class, () -> V1.force(2));
    }

    /**
     * Upright at rest, F = +10 N. With theta = theta' = 0: temp = F / M, theta'' = -F / (l (4/3 M - m)) and
     * x'' = (F - m l theta'') / M; with M = 1.1, m = 0.1, l = 0.5 that is theta'' = -600/41 and x'' = 400/41.
     * After one Euler step of 0.02 s only the velocities change: x' = 8/41, theta' = -12/41.
     */
    @Test
    void oneStepFromRestUpright() {
        double[] s = {0, 0, 0, 0};
        V1.step(s, 10.0);
        assertArrayEquals(new double[] {0, 8.0 / 41, 0, -12.0 / 41}, s, 1e-15);
    }

    /**
     * A general state, step computed here from Lagrange's equations of a cart and a uniform rod of length 2l
     * (theta from upright, leaning towards +x when positive), solved as a 2x2 linear system rather than
     * Gymnasium's closed form:
     * <pre>
     * M x'' + m l cos(theta) theta'' = F + m l theta'^2 sin(theta)
     * m l cos(theta) x'' + 4/3 m l^2 theta'' = m g l sin(theta)
     * </pre>
     * then the Euler update with the old velocities.
     */
    @Test
    void oneStepFromAGeneralStateMatchesTheHandDerivation() {
        double bigM = 1.1;
        double m = 0.1;
        double l = 0.5;
        double g = 9.8;
        double tau = 0.02;
        double[][] states = {{0.01, -0.02, 0.03, 0.04}, {-1.3, 0.8, -0.15, 1.7}, {2.0, -1.1, 0.2, -2.5}};
        for (double[] start : states) {
            for (double f : new double[] {10, -10}) {
                double x = start[0];
                double xDot = start[1];
                double theta = start[2];
                double thetaDot = start[3];
                double a11 = bigM;
                double a12 = m * l * Math.cos(theta);
                double a22 = 4.0 / 3.0 * m * l * l;
                double r1 = f + m * l * thetaDot * thetaDot * Math.sin(theta);
                double r2 = m * g * l * Math.sin(theta);
                double det = a11 * a22 - a12 * a12;
                double xAcc = (r1 * a22 - a12 * r2) / det;
                double thetaAcc = (a11 * r2 - a12 * r1) / det;
                double[] expected = {x + tau * xDot, xDot + tau * xAcc, theta + tau * thetaDot,
                        thetaDot + tau * thetaAcc};
                double[] s = start.clone();
                V1.step(s, f);
                assertArrayEquals(expected, s, 1e-14, "from " + java.util.Arrays.toString(start) + " with F = " + f);
            }
        }
        // the convention: gravity makes a pole leaning right fall further right; pushing right tips it left
        assertTrue(V1.step(new CartPoleState(0, 0, 0.1, 0), 0).thetaDot() > 0);
        assertTrue(V1.step(new CartPoleState(0, 0, 0, 0), 10).thetaDot() < 0);
    }

    @Test
    void recordAndArrayStepsAgree() {
        CartPoleState start = new CartPoleState(0.1, 0.2, -0.05, 0.3);
        double[] s = start.toArray();
        V1.step(s, -10);
        assertEquals(CartPoleState.of(s), V1.step(start, -10));
    }

    /** Terminated only strictly beyond 12 degrees or 2.4 m, on either side. */
    @Test
    void termination() {
        double limit = V1.thetaThresholdRadians();
        assertFalse(V1.isTerminal(new CartPoleState(0, 0, limit, 0)));
        assertFalse(V1.isTerminal(new CartPoleState(0, 0, -limit, 0)));
        assertTrue(V1.isTerminal(new CartPoleState(0, 0, Math.nextUp(limit), 0)));
        assertTrue(V1.isTerminal(new CartPoleState(0, 0, -Math.nextUp(limit), 0)));
        assertTrue(V1.isTerminal(new CartPoleState(0, 0, 0.2095, 0)));
        assertFalse(V1.isTerminal(new CartPoleState(0, 0, 0.2094, 0)));
        assertFalse(V1.isTerminal(new CartPoleState(2.4, 0, 0, 0)));
        assertFalse(V1.isTerminal(new CartPoleState(-2.4, 0, 0, 0)));
        assertTrue(V1.isTerminal(new CartPoleState(2.4000001, 0, 0, 0)));
        assertTrue(V1.isTerminal(new CartPoleState(-2.4000001, 0, 0, 0)));
        assertFalse(V1.isTerminal(new CartPoleState(0, 100, 0, 100)), "velocities never terminate");
    }

    /** Always pushing right from upright: the pole falls left and the step that takes it past 12 degrees ends it. */
    @Test
    void pushingOneWayFailsWithinAFewDozenSteps() {
        double[] s = {0, 0, 0, 0};
        int steps = 0;
        while (!V1.isTerminal(s)) {
            V1.step(s, 10);
            steps++;
        }
        assertTrue(s[CartPoleState.THETA] < -V1.thetaThresholdRadians());
        assertTrue(steps > 5 && steps < 30, "steps " + steps);
    }

    @Test
    void resetDrawsFourUniformNumbersInGymnasiumsRange() {
        SplitMix64 rng = new SplitMix64(3);
        SplitMix64 copy = rng.copy();
        double[] s = new double[4];
        for (int k = 0; k < 1000; k++) {
            V1.reset(s, rng);
            for (double v : s) {
                assertTrue(v >= -0.05 && v < 0.05, "start value " + v);
            }
        }
        for (int k = 0; k < 4000; k++) {
            copy.nextDouble();
        }
        assertEquals(copy.nextLong(), rng.nextLong(), "exactly four draws per reset");
    }

    @Test
    void parametersAreValidatedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BalanceSystem(9.8, 1, 0.1, 0.5, 10, 0, 12, 2.4, 500));
        assertTrue(e.getMessage().startsWith("tau must be in (0, 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BalanceSystem(9.8, 1, 0.1, 0.5, 10, 0.02, 200, 2.4, 500));
        assertTrue(e.getMessage().startsWith("thetaThresholdDegrees must be in (0, 180"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new BalanceSystem(9.8, 1, 0.1, 0.5, 10, 0.02, 12, 2.4, 0));
        assertTrue(e.getMessage().startsWith("maxSteps must be in [1, "), e.getMessage());
    }
}
