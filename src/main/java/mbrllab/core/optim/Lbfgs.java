package mbrllab.core.optim;

/**
 * Limited-memory BFGS minimisation with a strong-Wolfe line search (Nocedal and Wright, Numerical
 * Optimization, 2nd ed., Algorithm 7.4 for the two-loop recursion, Algorithms 3.5 and 3.6 for the line
 * search). Unconstrained: keep parameters in a box by optimising log-parameters or by soft penalties in f.
 *
 * <p>Search direction p = -H g with H the inverse-Hessian approximation from the last {@code memory}
 * pairs s = x_{k+1} - x_k, y = g_{k+1} - g_k, scaled by gamma = s'y / y'y. A pair with s'y <= 1e-10 |s||y|
 * is not stored (the approximation stays positive definite). If p is not a descent direction, or the
 * line search fails, the memory is cleared and the step goes along -g; a second failure in a row ends
 * the run ({@link Termination#LINE_SEARCH_FAILED}) at the best point found.
 *
 * <p>Stops when |g|_inf <= gradientTolerance, when the decrease of f over one iteration is below
 * functionTolerance * max(|f|, 1), or after maxIterations iterations; with an evaluation budget
 * ({@link #minimize(DifferentiableFunction, double[], Settings, int)}) also when f has been evaluated that many
 * times, returning the lowest point evaluated.
 */
public final class Lbfgs {

    /** Why the run ended. */
    public enum Termination {
        /** The largest gradient component fell below the tolerance. */
        GRADIENT,
        /** f stopped decreasing (relative change below the tolerance). */
        FUNCTION_CHANGE,
        /** The iteration limit was reached. */
        MAX_ITERATIONS,
        /** No step along -g decreased f enough; x is the best point found. */
        LINE_SEARCH_FAILED,
        /** f was not finite at the starting point; x is the starting point. */
        NOT_FINITE_AT_START,
        /** The evaluation budget was spent; x is the lowest point evaluated (possibly a line-search trial). */
        MAX_EVALUATIONS
    }

    /**
     * @param memory             number of (s, y) pairs kept, in [1, 100]
     * @param maxIterations      iteration limit, in [0, 1,000,000]
     * @param gradientTolerance  stop when |g|_inf is at most this, >= 0
     * @param functionTolerance  stop when f(x_k) - f(x_{k+1}) <= this * max(|f(x_k)|, 1), >= 0
     */
    public record Settings(int memory, int maxIterations, double gradientTolerance, double functionTolerance) {
        public Settings {
            if (memory < 1 || memory > 100) {
                throw new IllegalArgumentException("memory must be in [1, 100], got " + memory);
            }
            if (maxIterations < 0 || maxIterations > 1_000_000) {
                throw new IllegalArgumentException("maxIterations must be in [0, 1000000], got " + maxIterations);
            }
            if (!(gradientTolerance >= 0) || Double.isInfinite(gradientTolerance)) {
                throw new IllegalArgumentException("gradientTolerance must be finite and >= 0, got "
                        + gradientTolerance);
            }
            if (!(functionTolerance >= 0) || Double.isInfinite(functionTolerance)) {
                throw new IllegalArgumentException("functionTolerance must be finite and >= 0, got "
                        + functionTolerance);
            }
        }

        /** memory 10, 200 iterations, gradient tolerance 1e-6, function tolerance 1e-10. */
        public static Settings defaults() {
            return new Settings(10, 200, 1e-6, 1e-10);
        }

        public Settings withMaxIterations(int newMaxIterations) {
            return new Settings(memory, newMaxIterations, gradientTolerance, functionTolerance);
        }

        public Settings withFunctionTolerance(double newFunctionTolerance) {
            return new Settings(memory, maxIterations, gradientTolerance, newFunctionTolerance);
        }
    }

    /**
     * @param x           the best point found (a fresh array)
     * @param value       f(x)
     * @param iterations  iterations done
     * @param evaluations calls of f
     * @param termination why the run ended
     */
    public record Result(double[] x, double value, int iterations, int evaluations, Termination termination) {
    }

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LINE_SEARCH_EVALUATIONS = 25;

    private Lbfgs() {
    }

    /** a . b over a's length (shared with {@link Bfgs}). */
    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * Minimises f from x0.
     *
     * @param f        the function
     * @param x0       starting point, length n >= 1; not modified
     * @param settings stopping rules and memory
     */
    public static Result minimize(DifferentiableFunction f, double[] x0, Settings settings) {
        return new Run(f, x0, settings, Integer.MAX_VALUE).run();
    }

    /**
     * Minimises f from x0 with at most {@code maxEvaluations} calls of f (each call computes the value and the
     * gradient). When the budget runs out, possibly inside a line search, the result is the point with the lowest
     * finite f evaluated so far ({@link Termination#MAX_EVALUATIONS}).
     *
     * @param maxEvaluations budget of calls of f, >= 1
     */
    public static Result minimize(DifferentiableFunction f, double[] x0, Settings settings, int maxEvaluations) {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
        }
        return new Run(f, x0, settings, maxEvaluations).run();
    }

    /** Thrown inside a run when the evaluation budget is spent; caught by {@link Run#run()}. */
    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super(null, null, false, false);
        }
    }

    /** State of one minimisation; all arrays allocated once. */
    private static final class Run {
        final DifferentiableFunction f;
        final Settings settings;
        final int n;
        final int memory;
        final double[][] s;
        final double[][] y;
        final double[] rho;
        final double[] alphaTwoLoop;
        int stored;
        int newest = -1;

        double[] x;
        double[] g;
        double fx;
        final double[] p;
        double[] xTrial;
        double[] gTrial;
        double fTrial;
        // the "lo" end of the zoom bracket, kept as a point
        double[] xLo;
        double[] gLo;
        int evaluations;
        final int maxEvaluations;
        // the lowest finite point evaluated, for a run that ends on its evaluation budget
        final double[] bestX;
        double bestF = Double.POSITIVE_INFINITY;
        int iteration;

        Run(DifferentiableFunction f, double[] x0, Settings settings, int maxEvaluations) {
            if (x0.length < 1) {
                throw new IllegalArgumentException("x0 must have at least one component");
            }
            this.f = f;
            this.settings = settings;
            this.n = x0.length;
            this.memory = settings.memory();
            this.s = new double[memory][n];
            this.y = new double[memory][n];
            this.rho = new double[memory];
            this.alphaTwoLoop = new double[memory];
            this.x = x0.clone();
            this.g = new double[n];
            this.p = new double[n];
            this.xTrial = new double[n];
            this.gTrial = new double[n];
            this.xLo = new double[n];
            this.gLo = new double[n];
            this.maxEvaluations = maxEvaluations;
            this.bestX = x0.clone();
        }

        Result run() {
            try {
                return iterate();
            } catch (BudgetSpent spent) {
                return new Result(bestX.clone(), bestF, iteration, evaluations, Termination.MAX_EVALUATIONS);
            }
        }

        private Result iterate() {
            fx = eval(x, g);
            if (!Double.isFinite(fx)) {
                return new Result(x.clone(), fx, 0, evaluations, Termination.NOT_FINITE_AT_START);
            }
            boolean failedBefore = false;
            for (int k = 0; k < settings.maxIterations(); k++) {
                iteration = k;
                if (normInf(g) <= settings.gradientTolerance()) {
                    return new Result(x.clone(), fx, k, evaluations, Termination.GRADIENT);
                }
                direction();
                double dphi0 = dot(g, p);
                if (!(dphi0 < 0)) {
                    stored = 0;
                    steepest();
                    dphi0 = dot(g, p);
                }
                double alpha0 = stored == 0 ? Math.min(1.0, 1.0 / Math.max(normInf(g), 1e-300)) : 1.0;
                double fOld = fx;
                if (!lineSearch(alpha0, dphi0)) {
                    if (failedBefore || stored == 0) {
                        return new Result(x.clone(), fx, k + 1, evaluations, Termination.LINE_SEARCH_FAILED);
                    }
                    failedBefore = true;
                    stored = 0;
                    continue;
                }
                failedBefore = false;
                remember();
                swap();
                if (fOld - fx <= settings.functionTolerance() * Math.max(Math.abs(fOld), 1.0)) {
                    return new Result(x.clone(), fx, k + 1, evaluations, Termination.FUNCTION_CHANGE);
                }
            }
            Termination why = normInf(g) <= settings.gradientTolerance() ? Termination.GRADIENT
                    : Termination.MAX_ITERATIONS;
            return new Result(x.clone(), fx, settings.maxIterations(), evaluations, why);
        }

        double eval(double[] point, double[] gradient) {
            if (evaluations >= maxEvaluations) {
                throw new BudgetSpent();
            }
            evaluations++;
            double v = f.evaluate(point, gradient);
            if (Double.isNaN(v)) {
                return Double.POSITIVE_INFINITY;
            }
            if (Double.isFinite(v)) {
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(gradient[i])) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
                if (v < bestF) {
                    bestF = v;
                    System.arraycopy(point, 0, bestX, 0, n);
                }
            }
            return v;
        }

        /** p = -H g by the two-loop recursion. */
        void direction() {
            if (stored == 0) {
                steepest();
                return;
            }
            for (int i = 0; i < n; i++) {
                p[i] = -g[i];
            }
            int idx = newest;
            for (int m = 0; m < stored; m++) {
                double a = rho[idx] * dot(s[idx], p);
                alphaTwoLoop[idx] = a;
                axpy(-a, y[idx], p);
                idx = (idx - 1 + memory) % memory;
            }
            double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
            for (int i = 0; i < n; i++) {
                p[i] *= gamma;
            }
            idx = (newest - stored + 1 + memory) % memory;
            for (int m = 0; m < stored; m++) {
                double b = rho[idx] * dot(y[idx], p);
                axpy(alphaTwoLoop[idx] - b, s[idx], p);
                idx = (idx + 1) % memory;
            }
        }

        void steepest() {
            for (int i = 0; i < n; i++) {
                p[i] = -g[i];
            }
        }

        /** Stores s = xTrial - x, y = gTrial - g if the curvature s'y is positive enough. */
        void remember() {
            int slot = (newest + 1) % memory;
            double[] sNew = s[slot];
            double[] yNew = y[slot];
            double sy = 0;
            double ss = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                sNew[i] = xTrial[i] - x[i];
                yNew[i] = gTrial[i] - g[i];
                sy += sNew[i] * yNew[i];
                ss += sNew[i] * sNew[i];
                yy += yNew[i] * yNew[i];
            }
            if (sy > 1e-10 * Math.sqrt(ss * yy)) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            }
        }

        /** Accepts the trial point. */
        void swap() {
            double[] t = x;
            x = xTrial;
            xTrial = t;
            t = g;
            g = gTrial;
            gTrial = t;
            fx = fTrial;
        }

        /** phi(alpha) = f(x + alpha p) into fTrial, gTrial, xTrial; returns phi'(alpha). */
        double phi(double alpha) {
            for (int i = 0; i < n; i++) {
                xTrial[i] = x[i] + alpha * p[i];
            }
            fTrial = eval(xTrial, gTrial);
            return Double.isFinite(fTrial) ? dot(gTrial, p) : Double.NaN;
        }

        /**
         * Strong-Wolfe line search along p from x. On success the accepted point is in xTrial, gTrial,
         * fTrial and the result is true.
         */
        boolean lineSearch(double alpha1, double dphi0) {
            double phi0 = fx;
            double alphaPrev = 0;
            double phiPrev = phi0;
            double dphiPrev = dphi0;
            double alpha = alpha1;
            int budget = MAX_LINE_SEARCH_EVALUATIONS;
            for (int i = 0; budget > 0; i++) {
                double dphi = phi(alpha);
                budget--;
                double phiA = fTrial;
                if (!Double.isFinite(phiA)) {
                    // undefined here: shrink towards the last good step
                    alpha = alphaPrev + 0.2 * (alpha - alphaPrev);
                    if (alpha - alphaPrev < 1e-16 * Math.max(1, alphaPrev)) {
                        return false;
                    }
                    continue;
                }
                if (phiA > phi0 + C1 * alpha * dphi0 || (i > 0 && phiA >= phiPrev)) {
                    return zoom(alphaPrev, phiPrev, dphiPrev, alpha, phiA, phi0, dphi0, budget);
                }
                if (Math.abs(dphi) <= -C2 * dphi0) {
                    return true;
                }
                if (dphi >= 0) {
                    System.arraycopy(xTrial, 0, xLo, 0, n);
                    System.arraycopy(gTrial, 0, gLo, 0, n);
                    return zoom(alpha, phiA, dphi, alphaPrev, phiPrev, phi0, dphi0, budget);
                }
                // keep the current point as "lo" in case the next step overshoots
                alphaPrev = alpha;
                phiPrev = phiA;
                dphiPrev = dphi;
                System.arraycopy(xTrial, 0, xLo, 0, n);
                System.arraycopy(gTrial, 0, gLo, 0, n);
                alpha *= 2;
            }
            return false;
        }

        /**
         * Algorithm 3.6: the interval between lo and hi contains a strong-Wolfe step; phi(lo) is the lowest
         * Armijo value seen. Trial steps by quadratic interpolation from (lo, phi_lo, phi'_lo, hi, phi_hi),
         * kept at least 10% of the interval from either end.
         */
        boolean zoom(double lo, double phiLo, double dphiLo, double hi, double phiHi, double phi0, double dphi0,
                     int budget) {
            // xLo, gLo hold the point at lo unless lo is the start of the search
            boolean loIsStart = lo == 0;
            while (budget-- > 0) {
                double width = hi - lo;
                double alpha;
                double denom = 2 * (phiHi - phiLo - dphiLo * width);
                if (Double.isFinite(phiHi) && denom > 0) {
                    alpha = lo - dphiLo * width * width / denom;
                } else {
                    alpha = lo + 0.5 * width;
                }
                double a = Math.min(lo, hi);
                double b = Math.max(lo, hi);
                double margin = 0.1 * (b - a);
                alpha = Math.max(a + margin, Math.min(b - margin, alpha));
                if (b - a < 1e-16 * Math.max(1.0, b)) {
                    break;
                }
                double dphi = phi(alpha);
                double phiA = fTrial;
                if (!Double.isFinite(phiA) || phiA > phi0 + C1 * alpha * dphi0 || phiA >= phiLo) {
                    hi = alpha;
                    phiHi = Double.isFinite(phiA) ? phiA : Double.POSITIVE_INFINITY;
                } else {
                    if (Math.abs(dphi) <= -C2 * dphi0) {
                        return true;
                    }
                    if (dphi * (hi - lo) >= 0) {
                        hi = lo;
                        phiHi = phiLo;
                    }
                    lo = alpha;
                    phiLo = phiA;
                    dphiLo = dphi;
                    loIsStart = false;
                    System.arraycopy(xTrial, 0, xLo, 0, n);
                    System.arraycopy(gTrial, 0, gLo, 0, n);
                }
            }
            // No strong-Wolfe point: accept lo if it decreased f (sufficient decrease holds there).
            if (!loIsStart && phiLo < phi0) {
                System.arraycopy(xLo, 0, xTrial, 0, n);
                System.arraycopy(gLo, 0, gTrial, 0, n);
                fTrial = phiLo;
                return true;
            }
            return false;
        }


        static void axpy(double a, double[] xv, double[] yv) {
            for (int i = 0; i < xv.length; i++) {
                yv[i] += a * xv[i];
            }
        }

        static double normInf(double[] v) {
            double m = 0;
            for (double e : v) {
                m = Math.max(m, Math.abs(e));
            }
            return m;
        }
    }
}
