package mbrllab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Extended Rosenbrock: sum over pairs of 100 (x_{2i+1} - x_{2i}^2)^2 + (1 - x_{2i})^2; minimum 0 at all ones. */
    static double rosenbrock(double[] x, double[] g) {
        double f = 0;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i += 2) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * a * x[i] - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    }

    /** (-1.2, 1, -1.2, 1, ...), n even: the classic start of the Rosenbrock function. */
    static double[] classicStart(int n) {
        double[] x0 = new double[n];
        for (int i = 0; i < n; i += 2) {
            x0[i] = -1.2;
            x0[i + 1] = 1;
        }
        return x0;
    }

    @Test
    void findsTheRosenbrockMinimumFromTheClassicStart() {
        double[] x0 = classicStart(10);
        Lbfgs.Result r = Lbfgs.minimize(LbfgsTest::rosenbrock, x0, new Lbfgs.Settings(10, 500, 1e-8, 0));
        assertEquals(Lbfgs.Termination.GRADIENT, r.termination(), r.toString());
        for (double xi : r.x()) {
            assertEquals(1.0, xi, 1e-6);
        }
        assertTrue(r.value() < 1e-12, "f = " + r.value());
        assertTrue(r.iterations() < 200, "iterations " + r.iterations());
        assertEquals(-1.2, x0[0], "x0 is not modified");
    }

    @Test
    void solvesAnIllConditionedQuadraticExactly() {
        // f = 0.5 sum_i c_i (x_i - i)^2 with condition number 1e4
        int n = 20;
        DifferentiableFunction f = (x, g) -> {
            double v = 0;
            for (int i = 0; i < n; i++) {
                double c = Math.pow(1e4, i / (n - 1.0));
                v += 0.5 * c * (x[i] - i) * (x[i] - i);
                g[i] = c * (x[i] - i);
            }
            return v;
        };
        Lbfgs.Result r = Lbfgs.minimize(f, new double[n], new Lbfgs.Settings(10, 1000, 1e-9, 0));
        assertEquals(Lbfgs.Termination.GRADIENT, r.termination());
        for (int i = 0; i < n; i++) {
            assertEquals(i, r.x()[i], 1e-8);
        }
    }

    @Test
    void stepsBackWhereTheFunctionIsUndefined() {
        // f = x - 2 log x (minimum at x = 2), undefined for x <= 0; the first steepest step overshoots to x < 0
        DifferentiableFunction f = (x, g) -> {
            if (x[0] <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            g[0] = 1 - 2 / x[0];
            return x[0] - 2 * Math.log(x[0]);
        };
        Lbfgs.Result r = Lbfgs.minimize(f, new double[] {0.05}, Lbfgs.Settings.defaults());
        assertEquals(2.0, r.x()[0], 1e-6, r.toString());
    }

    @Test
    void reportsANonFiniteStart() {
        Lbfgs.Result r = Lbfgs.minimize((x, g) -> Double.NaN, new double[] {1, 2}, Lbfgs.Settings.defaults());
        assertEquals(Lbfgs.Termination.NOT_FINITE_AT_START, r.termination());
        assertEquals(1, r.evaluations());
    }

    @Test
    void stopsAtTheIterationLimit() {
        double[] x0 = {-1.2, 1};
        Lbfgs.Result r = Lbfgs.minimize(LbfgsTest::rosenbrock, x0, Lbfgs.Settings.defaults().withMaxIterations(3));
        assertEquals(Lbfgs.Termination.MAX_ITERATIONS, r.termination());
        assertEquals(3, r.iterations());
        assertTrue(r.value() < rosenbrock(x0, new double[2]), "it still made progress");
    }

    @Test
    void endsCleanlyWhenNoDescentIsPossible() {
        // a wrong gradient: the line search cannot satisfy the Armijo condition
        DifferentiableFunction f = (x, g) -> {
            g[0] = -1; // claims f decreases to the right, but f = x^2 + 1 grows there from x = 1
            return x[0] * x[0] + 1;
        };
        Lbfgs.Result r = Lbfgs.minimize(f, new double[] {1}, Lbfgs.Settings.defaults());
        assertEquals(Lbfgs.Termination.LINE_SEARCH_FAILED, r.termination());
        assertEquals(2.0, r.value(), 1e-12);
        assertNotEquals(0, r.evaluations());
    }

    @Test
    void settingsAreValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Lbfgs.Settings(0, 10, 1e-6, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Lbfgs.Settings(5, -1, 1e-6, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Lbfgs.Settings(5, 10, Double.NaN, 0));
    }

    /**
     * With a budget of 17 evaluations on Rosenbrock (which needs far more): f is called exactly 17 times, the run
     * ends with MAX_EVALUATIONS, and the result is the lowest of the 17 values, at the point where it was seen.
     */
    @Test
    void anEvaluationBudgetIsRespectedAndTheLowestPointReturned() {
        double[] x0 = {-1.2, 1, -1.2, 1};
        int[] calls = {0};
        double[] lowest = {Double.POSITIVE_INFINITY};
        double[][] lowestAt = {null};
        DifferentiableFunction f = (x, g) -> {
            calls[0]++;
            double v = rosenbrock(x, g);
            if (v < lowest[0]) {
                lowest[0] = v;
                lowestAt[0] = x.clone();
            }
            return v;
        };
        Lbfgs.Result r = Lbfgs.minimize(f, x0, Lbfgs.Settings.defaults(), 17);
        assertEquals(17, calls[0]);
        assertEquals(17, r.evaluations());
        assertEquals(Lbfgs.Termination.MAX_EVALUATIONS, r.termination());
        assertEquals(lowest[0], r.value(), 0.0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(lowestAt[0], r.x(), 0.0);
        assertTrue(r.value() < rosenbrock(x0, new double[4]), "it made progress: " + r.value());

        Lbfgs.Result unlimited = Lbfgs.minimize(LbfgsTest::rosenbrock, x0, Lbfgs.Settings.defaults(), 100_000);
        Lbfgs.Result plain = Lbfgs.minimize(LbfgsTest::rosenbrock, x0, Lbfgs.Settings.defaults());
        assertEquals(plain.value(), unlimited.value(), 0.0, "a budget that is not reached changes nothing");
        assertEquals(plain.termination(), unlimited.termination());
    }
}
