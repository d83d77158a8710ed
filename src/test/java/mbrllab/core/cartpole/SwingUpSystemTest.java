package mbrllab.core.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

/**
 * The PILCO swing-up cart-pole against hand-derived facts: the equations solve Lagrange's equations, energy and
 * momentum are conserved without friction and force, friction only dissipates, and the small-oscillation
 * period with a free cart is 2 pi sqrt((4M + m) l / (6 (M+m) g)).
 */
class SwingUpSystemTest {

    static final SwingUpSystem PILCO = SwingUpSystem.pilco();

    @Test
    void pilcoConstants() {
        assertEquals(9.82, PILCO.gravity());
        assertEquals(0.5, PILCO.cartMass());
        assertEquals(0.5, PILCO.poleMass());
        assertEquals(0.5, PILCO.poleLength());
        assertEquals(0.1, PILCO.friction());
        assertEquals(10, PILCO.maxForce());
        assertEquals(0.1, PILCO.controlPeriod());
        assertEquals(1.0, PILCO.totalMass());
        assertEquals(0.25, PILCO.centreOfMassDistance());
        assertEquals(0.5 * 0.25 / 3, PILCO.poleInertiaAboutPivot(), 1e-15);
        assertEquals(0.01, PILCO.substepLength(), 1e-15);
        assertEquals(40, PILCO.horizonSteps());
        assertEquals(new CartPoleState(0, 0, 0, 0), PILCO.initialState());
        assertEquals(Math.PI, PILCO.target().theta());
    }

    /**
     * The closed-form accelerations solve the 2x2 system of Lagrange's equations, written here independently
     * as the mass matrix [[M+m, m l/2 cos], [m l/2 cos, m l^2/3]] times (x'', theta'') = right-hand side.
     */
    @Test
    void accelerationsSolveLagrangesEquations() {
        SplitMix64 rng = new SplitMix64(7);
        double bigM = PILCO.cartMass();
        double m = PILCO.poleMass();
        double l = PILCO.poleLength();
        double g = PILCO.gravity();
        double b = PILCO.friction();
        double[] ds = new double[4];
        for (int i = 0; i < 200; i++) {
            double[] s = {rng.nextDouble() * 4 - 2, rng.nextDouble() * 6 - 3, rng.nextDouble() * 14 - 7,
                rng.nextDouble() * 20 - 10};
            double f = rng.nextDouble() * 20 - 10;
            PILCO.derivatives(s, f, ds);
            double cos = Math.cos(s[2]);
            double sin = Math.sin(s[2]);
            double a11 = bigM + m;
            double a12 = 0.5 * m * l * cos;
            double a22 = m * l * l / 3;
            double r1 = f - b * s[1] + 0.5 * m * l * s[3] * s[3] * sin;
            double r2 = -0.5 * m * g * l * sin;
            double det = a11 * a22 - a12 * a12;
            double xAcc = (r1 * a22 - a12 * r2) / det;
            double thetaAcc = (a11 * r2 - a12 * r1) / det;
            assertEquals(s[1], ds[0], 0.0);
            assertEquals(s[3], ds[2], 0.0);
            assertEquals(xAcc, ds[1], 1e-9 * (1 + Math.abs(xAcc)), "x'' at sample " + i);
            assertEquals(thetaAcc, ds[3], 1e-9 * (1 + Math.abs(thetaAcc)), "theta'' at sample " + i);
        }
    }

    @Test
    void hangingAtRestStaysThereAndUprightIsAnEquilibrium() {
        double[] s = {0, 0, 0, 0};
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        for (int k = 0; k < 40; k++) {
            PILCO.step(s, 0.0, work);
        }
        assertArrayEquals(new double[] {0, 0, 0, 0}, s, 0.0);
        double[] ds = new double[4];
        PILCO.derivatives(new double[] {0, 0, Math.PI, 0}, 0.0, ds);
        assertArrayEquals(new double[] {0, 0, 0, 0}, ds, 1e-14);
    }

    @Test
    void pushingRightMovesTheCartRightAndSwingsThePoleLeft() {
        double[] ds = new double[4];
        PILCO.derivatives(new double[] {0, 0, 0, 0}, 10, ds);
        // at rest hanging: x'' = 4F / (4(M+m) - 3m) = 40 / 2.5, theta'' = -6F / (l (4(M+m) - 3m)) = -60 / 1.25
        assertEquals(16.0, ds[1], 1e-12);
        assertEquals(-48.0, ds[3], 1e-12);
    }

    /**
     * Without friction and force, mechanical energy and horizontal momentum are conserved by the equations;
     * RK4 conserves neither exactly. A large swing (theta from 2.5 rad to about -2.5 rad and back) over 5 s,
     * 50 control periods of 10 RK4 steps (h = 0.01 s): we measured a largest energy error of 1.09e-5 J
     * (E = 1.02 J, energy scale m g l/2 = 1.23 J) and momentum error of 2.1e-6 kg m/s; with 20 steps per
     * period 3.4e-7 J. Bounds: 2e-5 J and 5e-6 kg m/s at 10 steps, and at least 10 times less energy error
     * at 20 steps.
     */
    @Test
    void energyAndMomentumAreConservedWithoutFrictionAndForce() {
        double[] drift10 = drift(PILCO.withFriction(0));
        double[] drift20 = drift(PILCO.withFriction(0).withSubsteps(20));
        System.out.printf("swing-up, b = 0, F = 0, 5 s: largest energy error %.3e J (10 RK4 steps per period), "
                + "%.3e J (20); momentum error %.3e kg m/s (10)%n", drift10[0], drift20[0], drift10[1]);
        assertTrue(drift10[0] < 2e-5, "energy drift " + drift10[0]);
        assertTrue(drift10[1] < 5e-6, "momentum drift " + drift10[1]);
        assertTrue(drift20[0] < drift10[0] / 10, "energy drift at h/2 " + drift20[0]);
    }

    /** Largest |E(t) - E(0)| and |p(t) - p(0)| over 50 force-free control periods from a large swing. */
    private static double[] drift(SwingUpSystem system) {
        double[] s = {0.2, 0.3, 2.5, 1.0};
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        double e0 = system.energy(s);
        double p0 = system.momentum(s);
        double worstEnergy = 0;
        double worstMomentum = 0;
        for (int k = 0; k < 50; k++) {
            system.step(s, 0.0, work);
            worstEnergy = Math.max(worstEnergy, Math.abs(system.energy(s) - e0));
            worstMomentum = Math.max(worstMomentum, Math.abs(system.momentum(s) - p0));
        }
        return new double[] {worstEnergy, worstMomentum};
    }

    /** dE/dt = -b x'^2 without force: with friction the energy never rises, and it does fall. */
    @Test
    void frictionOnlyDissipates() {
        double[] s = {0, 1.0, 2.0, 0};
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        double e0 = PILCO.energy(s);
        double previous = e0;
        for (int k = 0; k < 50; k++) {
            PILCO.step(s, 0.0, work);
            double e = PILCO.energy(s);
            assertTrue(e <= previous + 1e-9, "energy rose at period " + k);
            previous = e;
        }
        assertTrue(previous < e0 - 0.05, "friction took only " + (e0 - previous) + " J");
    }

    /**
     * Small oscillations about hanging with a free cart: omega^2 = 6 (M+m) g / ((4M + m) l) = 47.136 s^-2 for
     * PILCO's constants, period 0.91517 s, against 1.15761 s for a fixed hinge. The period is measured from the
     * zero crossings of theta (linear interpolation between 5 ms steps) over about 10 periods, released from
     * 0.01 rad at rest without friction; bound 0.1%.
     */
    @Test
    void smallOscillationPeriodWithAFreeCart() {
        SwingUpSystem fine = new SwingUpSystem(9.82, 0.5, 0.5, 0.5, 0.0, 10, 0.005, 2, 4.0);
        double expected = fine.smallOscillationPeriod();
        assertEquals(2 * Math.PI / Math.sqrt(6 * 1.0 * 9.82 / (2.5 * 0.5)), expected, 1e-12);
        assertEquals(0.91517, expected, 1e-5);
        assertEquals(1.15761, fine.fixedPivotPeriod(), 1e-5);

        double[] s = {0, 0, 0.01, 0};
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        double dt = fine.controlPeriod();
        double firstCrossing = Double.NaN;
        double lastCrossing = Double.NaN;
        int crossings = 0;
        double previous = s[2];
        for (int k = 1; k * dt <= 9.5; k++) {
            fine.step(s, 0.0, work);
            double theta = s[2];
            if (previous > 0 != theta > 0) {
                double t = (k - 1) * dt + dt * previous / (previous - theta);
                if (crossings == 0) {
                    firstCrossing = t;
                }
                lastCrossing = t;
                crossings++;
            }
            previous = theta;
        }
        double measured = 2 * (lastCrossing - firstCrossing) / (crossings - 1);
        System.out.printf("swing-up small-oscillation period: measured %.6f s over %d zero crossings, "
                + "derived %.6f s, fixed hinge %.6f s%n", measured, crossings, expected, fine.fixedPivotPeriod());
        assertTrue(crossings >= 19, "crossings " + crossings);
        assertEquals(expected, measured, 1e-3 * expected);
    }

    @Test
    void forceIsClippedAndHeldOverThePeriod() {
        CartPoleState start = new CartPoleState(0.1, 0.2, 0.3, 0.4);
        assertEquals(PILCO.step(start, 10), PILCO.step(start, 250));
        assertEquals(PILCO.step(start, -10), PILCO.step(start, -1e9));
        assertTrue(PILCO.step(start, 5).x() > PILCO.step(start, 0).x());
        assertThrows(IllegalArgumentException.class, () -> PILCO.step(start, Double.NaN));
    }

    /** Fourth order: halving h shrinks the error of one period about 16 times (against a 1000-step reference). */
    @Test
    void rungeKuttaConvergesAtFourthOrder() {
        CartPoleState start = new CartPoleState(0, 0.5, 2.0, 3.0);
        double[] reference = PILCO.withSubsteps(1000).step(start, 7).toArray();
        double coarse = distance(PILCO.withSubsteps(2).step(start, 7).toArray(), reference);
        double finer = distance(PILCO.withSubsteps(4).step(start, 7).toArray(), reference);
        double ratio = coarse / finer;
        assertTrue(ratio > 12 && ratio < 20, "error ratio " + ratio);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    @Test
    void parametersAreValidatedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PILCO.withFriction(-0.1));
        assertTrue(e.getMessage().startsWith("friction must be in [0, "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PILCO.withSubsteps(0));
        assertTrue(e.getMessage().startsWith("substeps must be in [1, 100000]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SwingUpSystem(9.82, 0, 0.5, 0.5, 0.1, 10, 0.1, 10, 4));
        assertTrue(e.getMessage().startsWith("cartMass must be in (0, "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CartPoleState(0, Double.NaN, 0, 0));
        assertTrue(e.getMessage().startsWith("xDot must be finite"), e.getMessage());
    }
}
