package mbrllab.core.optim;

/**
 * BFGS as pilco-matlab's {@code minimize.m} does it (Carl Edward Rasmussen's, method BFGS), the optimiser PILCO's
 * policy search was designed with:
 * <ul>
 *   <li>the full inverse-Hessian estimate H, from the identity, updated after every successful line search;</li>
 *   <li>each line search along r = -H g starts from the previous search's accepted step (the first from
 *       1 / (1 + |g|^2)), cut so that the first trial point lies at most 1 away in parameter space;</li>
 *   <li>the line search extrapolates by cubic fits (at least 1.1, at most 5 times the step) while the slope is still
 *       steeper than half the start's, then interpolates by cubic fits inside the bracket (at least a tenth of its
 *       width from either end) until a point lies below the start with a slope of at most half the start's in size
 *       (Wolfe-Powell with rho = 0, sigma = 0.5), or its evaluations run out;</li>
 *   <li>where f or its gradient is not finite, the trial step is halved towards the last good one;</li>
 *   <li>a failed line search moves to its best point and tries again along -H g; two failures in a row end the
 *       run.</li>
 * </ul>
 * The run ends after {@code lineSearches} line searches, or when the evaluation budget is spent (the lowest point
 * evaluated is returned, {@link Lbfgs.Termination#MAX_EVALUATIONS}). {@link Lbfgs.Result#iterations()} counts line
 * searches. Deterministic; the n x n matrix makes it suited to some hundred parameters, not to millions.
 */
public final class Bfgs {

    /** Extrapolation: the slope may keep at most this fraction of the start's (minimize.m's SIG). */
    private static final double SIG = 0.5;
    /** Interpolation keeps this fraction of the bracket from its ends; extrapolation goes at least 1 + INT. */
    private static final double INT = 0.1;
    /** Extrapolation goes at most this many times the current step. */
    private static final double EXT = 5.0;

    private Bfgs() {
    }

    /**
     * Minimises f from {@code start}.
     *
     * @param lineSearches         at most this many line searches (minimize.m's {@code length}), >= 1
     * @param evaluationsPerSearch at most this many evaluations in one line search ({@code MFEPLS}), >= 1
     * @param maxEvaluations       at most this many evaluations in all (each computes f and its gradient), >= 1
     */
    public static Lbfgs.Result minimize(DifferentiableFunction f, double[] start, int lineSearches,
                                        int evaluationsPerSearch, int maxEvaluations) {
        if (start.length < 1) {
            throw new IllegalArgumentException("start must have at least one component");
        }
        if (lineSearches < 1 || evaluationsPerSearch < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("lineSearches, evaluationsPerSearch and maxEvaluations must be >= 1, "
                    + "got " + lineSearches + ", " + evaluationsPerSearch + ", " + maxEvaluations);
        }
        Run run = new Run(f, start, maxEvaluations);
        try {
            return run.minimize(lineSearches, evaluationsPerSearch);
        } catch (BudgetSpent spent) {
            return new Lbfgs.Result(run.bestX.clone(), run.bestF, run.searches, run.evaluations,
                    Lbfgs.Termination.MAX_EVALUATIONS);
        }
    }

    /** Thrown inside a run when the evaluation budget is spent. */
    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    /** A point on the search line: step a, f there, the gradient there and the slope along the direction. */
    private static final class Point {
        double a;
        double f;
        double[] g;
        double slope;

        Point copy() {
            Point p = new Point();
            p.a = a;
            p.f = f;
            p.g = g;
            p.slope = slope;
            return p;
        }

        boolean bad() {
            return !Double.isFinite(f + slope);
        }
    }

    private static final class Run {
        final DifferentiableFunction f;
        final int n;
        final int maxEvaluations;
        final double[] start;
        int evaluations;
        int searches;
        final double[] bestX;
        double bestF = Double.POSITIVE_INFINITY;
        /** The Wolfe-Powell conditions of the current line search: f below f0, |slope| at most limit. */
        double f0;
        double limit;

        Run(DifferentiableFunction f, double[] start, int maxEvaluations) {
            this.f = f;
            this.n = start.length;
            this.start = start.clone();
            this.maxEvaluations = maxEvaluations;
            this.bestX = start.clone();
        }

        Lbfgs.Result minimize(int lineSearches, int evaluationsPerSearch) {
            double[] x0 = start.clone();
            double[] g0 = new double[n];
            double fx0 = evaluate(x0, g0);
            if (!Double.isFinite(fx0)) {
                return new Lbfgs.Result(x0, fx0, 0, evaluations, Lbfgs.Termination.NOT_FINITE_AT_START);
            }
            double[][] h = new double[n][n];
            for (int i = 0; i < n; i++) {
                h[i][i] = 1;
            }
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = -g0[i];
            }
            double s = -Lbfgs.dot(r, r);
            double step = -1 / (s - 1);
            boolean lastSucceeded = true;
            Lbfgs.Termination why = Lbfgs.Termination.MAX_ITERATIONS;
            while (searches < lineSearches) {
                double norm = Math.sqrt(Lbfgs.dot(r, r));
                if (norm == 0) {
                    why = Lbfgs.Termination.GRADIENT;
                    break;
                }
                step = Math.max(Math.min(step, 1 / norm), 1e-7 / norm);
                Point p = lineSearch(x0, fx0, g0, r, s, step, evaluationsPerSearch);
                searches++;
                step = p.a;
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = x0[i] + p.a * r[i];
                }
                if (wolfePowell(p) == 2) {
                    lastSucceeded = true;
                    update(h, x, x0, p.g, g0);
                } else if (lastSucceeded) {
                    lastSucceeded = false;
                } else {
                    why = Lbfgs.Termination.LINE_SEARCH_FAILED;
                    break;
                }
                for (int i = 0; i < n; i++) {
                    r[i] = -Lbfgs.dot(h[i], p.g);
                }
                s = Lbfgs.dot(r, p.g);
                x0 = x;
                g0 = p.g;
                fx0 = p.f;
            }
            return new Lbfgs.Result(bestX.clone(), bestF, searches, evaluations, why);
        }

        /** H += (t'y + y'Hy) / (t'y)^2 t t' - (Hy t' + t (Hy)') / t'y with t = x - x0, y = g - g0. */
        void update(double[][] h, double[] x, double[] x0, double[] g, double[] g0) {
            double[] t = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = x[i] - x0[i];
                y[i] = g[i] - g0[i];
            }
            double ty = Lbfgs.dot(t, y);
            double[] hy = new double[n];
            for (int i = 0; i < n; i++) {
                hy[i] = Lbfgs.dot(h[i], y);
            }
            double c = (ty + Lbfgs.dot(y, hy)) / (ty * ty);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    h[i][k] += c * t[i] * t[k] - (hy[i] * t[k] + t[i] * hy[k]) / ty;
                }
            }
        }

        /**
         * -2: f above the start; 0: the slope still steeper than the limit (extrapolate); 1: rising more than the
         * limit; 2: both conditions hold. Never asked of a point where f is undefined (the callers halve those).
         */
        int wolfePowell(Point p) {
            if (p.f > f0) {
                return -2;
            }
            if (p.slope < -limit) {
                return 0;
            }
            if (p.slope > limit) {
                return 1;
            }
            return 2;
        }

        Point lineSearch(double[] x0, double fStart, double[] gStart, double[] d, double slope0, double step,
                         int maxEvals) {
            Point p0 = new Point();
            p0.a = 0;
            p0.f = fStart;
            p0.g = gStart;
            p0.slope = slope0;
            Point p1 = p0.copy();
            Point p3 = new Point();
            p3.a = step;
            f0 = fStart;
            limit = -SIG * slope0;
            int j = 0;
            while (true) { // extrapolate while the slope is still steep
                boolean good = false;
                while (!good && j < maxEvals) {
                    j++;
                    evaluateAt(x0, d, p3);
                    good = !p3.bad();
                    if (!good) {
                        p3.a = (p1.a + p3.a) / 2;
                    }
                }
                if (!good || wolfePowell(p3) != 0 || j >= maxEvals) {
                    break;
                }
                p0 = p1;
                p1 = p3.copy();
                p3 = new Point();
                p3.a = p0.a + cubicMinimum(p1.a - p0.a, p1.f - p0.f, p0.slope, p1.slope, true);
            }
            Point p2;
            while (true) { // interpolate inside the bracket
                if (p3.bad()) {
                    p2 = p1;
                    break;
                }
                p2 = p1.f > p3.f ? p3.copy() : p1.copy();
                if (wolfePowell(p2) > 1 || j >= maxEvals) {
                    break;
                }
                p2.a = p1.a + cubicMinimum(p3.a - p1.a, p3.f - p1.f, p1.slope, p3.slope, false);
                boolean good = false;
                while (!good && j < maxEvals) {
                    j++;
                    evaluateAt(x0, d, p2);
                    good = !p2.bad();
                    if (!good) {
                        p2.a = (p1.a + p2.a) / 2;
                        if (j == maxEvals) {
                            p2 = p1.copy();
                        }
                    }
                }
                int w = wolfePowell(p2);
                if (w > -1 && p2.slope > 0 || w < -1) {
                    p3 = p2.copy();
                } else {
                    p1 = p2.copy();
                }
            }
            return p2;
        }

        /** The minimiser of the cubic through (0, 0) with slope s0 and (x, df) with slope s1, safeguarded. */
        static double cubicMinimum(double x, double df, double s0, double s1, boolean extrapolate) {
            double a = -6 * df + 3 * (s0 + s1) * x;
            double b = 3 * df - (2 * s0 + s1) * x;
            double z = -s0 * x * x / (b + Math.sqrt(b * b - a * s0 * x)); // NaN where the root is not real
            if (extrapolate) {
                if (!Double.isFinite(z) || z < x || z > x * EXT) {
                    z = EXT * x;
                }
                return Math.max(z, (1 + INT) * x);
            }
            if (!Double.isFinite(z) || z < 0 || z > x) {
                z = x / 2;
            }
            return Math.min(Math.max(z, INT * x), (1 - INT) * x);
        }

        void evaluateAt(double[] x0, double[] d, Point p) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = x0[i] + p.a * d[i];
            }
            double[] g = new double[n];
            p.f = evaluate(x, g);
            p.g = g;
            p.slope = Double.isFinite(p.f) ? Lbfgs.dot(g, d) : Double.NaN;
        }

        /** f and its gradient; NaN, infinite values or a non-finite gradient count as undefined (+infinity). */
        double evaluate(double[] x, double[] g) {
            if (evaluations >= maxEvaluations) {
                throw new BudgetSpent();
            }
            evaluations++;
            double v = f.evaluate(x, g);
            if (!Double.isFinite(v)) {
                return Double.POSITIVE_INFINITY;
            }
            for (double gi : g) {
                if (!Double.isFinite(gi)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            if (v < bestF) {
                bestF = v;
                System.arraycopy(x, 0, bestX, 0, n);
            }
            return v;
        }
    }
}
