package mbrllab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BfgsTest {

    /**
     * pilco-matlab's minimize.m (a0b48b7, method BFGS, MFEPLS 30) on the 2-D Rosenbrock function from (-1.2, 1),
     * run under GNU Octave 7.3: f after each of its first 12 line searches, and x after the 12th. Rounding makes the
     * two drift apart by about 1e-12 by the 10th search; a different step rule would differ in the first digits.
     */
    private static final double[] MINIMIZE_M = {8.99580390068162, 7.66379869184236, 4.58766639021271,
        4.03676455142714, 3.76563589441881, 2.86428621035829, 2.62510457871753, 2.14911209799715, 1.97151472426217,
        1.57028238171278, 1.27962403968183, 1.02285273233642};

    @Test
    void followsPilcoMatlabsMinimizeLineSearchByLineSearch() {
        for (int k = 1; k <= MINIMIZE_M.length; k++) {
            Lbfgs.Result r = Bfgs.minimize(LbfgsTest::rosenbrock, new double[] {-1.2, 1}, k, 30, 10_000);
            assertEquals(MINIMIZE_M[k - 1], r.value(), 1e-9 * MINIMIZE_M[k - 1], "f after line search " + k);
            assertEquals(k, r.iterations());
            if (k == MINIMIZE_M.length) {
                assertEquals(0.0352190146812179, r.x()[0], 1e-9, "x_1 after 12 line searches");
                assertEquals(-0.0290994269870816, r.x()[1], 1e-9, "x_2 after 12 line searches");
            }
        }
    }

    @Test
    void findsTheMinimumOfTheExtendedRosenbrockFunction() {
        double[] x0 = LbfgsTest.classicStart(10);
        Lbfgs.Result r = Bfgs.minimize(LbfgsTest::rosenbrock, x0, 200, 30, 100_000);
        for (double xi : r.x()) {
            assertEquals(1.0, xi, 1e-6, r.toString());
        }
        assertEquals(-1.2, x0[0], "the start is not modified");
    }

    @Test
    void stopsAtTheEvaluationBudgetWithTheLowestPointEvaluated() {
        int[] calls = {0};
        double[] lowest = {Double.POSITIVE_INFINITY};
        DifferentiableFunction f = (x, g) -> {
            calls[0]++;
            double v = LbfgsTest.rosenbrock(x, g);
            lowest[0] = Math.min(lowest[0], v);
            return v;
        };
        Lbfgs.Result r = Bfgs.minimize(f, new double[] {-1.2, 1}, 1000, 30, 17);
        assertEquals(17, calls[0]);
        assertEquals(17, r.evaluations());
        assertEquals(Lbfgs.Termination.MAX_EVALUATIONS, r.termination());
        assertEquals(lowest[0], r.value(), 0.0);
        assertEquals(r.value(), LbfgsTest.rosenbrock(r.x(), new double[2]), 0.0, "x is where that value was seen");
    }

    /** Where f is undefined (infinite) the steps are halved back: (x - 3)^2 defined below 2.5 only. */
    @Test
    void backsOffWhereTheFunctionIsUndefined() {
        DifferentiableFunction f = (x, g) -> {
            if (x[0] >= 2.5) {
                return Double.POSITIVE_INFINITY;
            }
            g[0] = 2 * (x[0] - 3);
            return (x[0] - 3) * (x[0] - 3);
        };
        Lbfgs.Result r = Bfgs.minimize(f, new double[] {0}, 40, 30, 10_000);
        assertTrue(r.x()[0] < 2.5 && r.x()[0] > 2.4, "close below the edge: " + r);
        assertTrue(Double.isFinite(r.value()));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> Bfgs.minimize(LbfgsTest::rosenbrock, new double[] {0, 0}, 0, 30, 10));
        assertThrows(IllegalArgumentException.class,
                () -> Bfgs.minimize(LbfgsTest::rosenbrock, new double[0], 10, 30, 10));
    }
}
