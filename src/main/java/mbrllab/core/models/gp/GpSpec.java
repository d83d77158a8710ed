package mbrllab.core.models.gp;

import java.util.random.RandomGenerator;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.ModelSpec;
import mbrllab.core.optim.DifferentiableFunction;
import mbrllab.core.optim.Lbfgs;

/**
 * Fitting a GP per output: hyperparameters by maximising the log marginal likelihood (with its analytic
 * gradient, {@link MarginalLikelihood}) under the {@link SoftBounds}, by L-BFGS on the log-parameters from
 * several starts, then conditioning on all the data.
 *
 * <p>Starts: the first at l_j = s_j (the spread of input j), sigma_f = s_y (root mean square of the
 * targets), sigma_n = s_y / 10; the others add N(0, 1) to each log l_j, N(0, 0.5^2) to log sigma_f and
 * N(0, 1.5^2) to log sigma_n, kept inside the soft bounds. With more than {@code restartSubset} points the
 * starts are optimised on a random subset of that many points (the cubic cost makes a full restart
 * expensive), and the best of them is polished on all points for at most {@code polishIterations}
 * iterations. The best start is the one with the smallest negative log marginal likelihood plus penalty.
 *
 * @param restarts          number of starts, in [1, 100]
 * @param restartSubset     largest number of points the starts are optimised on, in [10, MAX_POINTS]
 * @param maxIterations     L-BFGS iterations per start, in [0, 10,000]
 * @param polishIterations  L-BFGS iterations on all points after a subset search, in [0, 10,000]
 * @param bounds            soft limits on the hyperparameters
 */
public record GpSpec(int restarts, int restartSubset, int maxIterations, int polishIterations, SoftBounds bounds)
        implements ModelSpec {

    /**
     * Largest training set accepted: the likelihood needs about 3 n^2 doubles (216 MB at 3,000 points) and
     * n^3 / 2 flops per evaluation (several seconds at 3,000 points).
     */
    public static final int MAX_POINTS = 3000;

    public GpSpec {
        if (restarts < 1 || restarts > 100) {
            throw new IllegalArgumentException("restarts must be in [1, 100], got " + restarts);
        }
        if (restartSubset < 10 || restartSubset > MAX_POINTS) {
            throw new IllegalArgumentException("restartSubset must be in [10, " + MAX_POINTS + "], got "
                    + restartSubset);
        }
        if (maxIterations < 0 || maxIterations > 10_000) {
            throw new IllegalArgumentException("maxIterations must be in [0, 10000], got " + maxIterations);
        }
        if (polishIterations < 0 || polishIterations > 10_000) {
            throw new IllegalArgumentException("polishIterations must be in [0, 10000], got " + polishIterations);
        }
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must not be null");
        }
    }

    /**
     * 5 starts, subsets of 150 points, 100 iterations per start, 15 polishing iterations, default bounds. On
     * the bench problem (500 points, 5 inputs) subsets of 150 instead of 200 saved about a sixth of the time
     * at the same final log marginal likelihood; 10 polishing iterations instead of 15 lost about 0.8 nats.
     */
    public static GpSpec defaults() {
        return new GpSpec(5, 150, 100, 15, SoftBounds.defaults());
    }

    public GpSpec withRestarts(int newRestarts) {
        return new GpSpec(newRestarts, restartSubset, maxIterations, polishIterations, bounds);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.GP;
    }

    /**
     * Fits one GP per output (the outputs share the inputs, not the hyperparameters), outputs in order.
     *
     * @throws IllegalArgumentException with more than {@link #MAX_POINTS} points
     */
    @Override
    public GpModel fit(Dataset data, RandomGenerator rng) {
        if (data.size() > MAX_POINTS) {
            throw new IllegalArgumentException("a GP takes at most " + MAX_POINTS + " training points, got "
                    + data.size());
        }
        double[] x = data.inputs();
        GaussianProcess[] outputs = new GaussianProcess[data.outputDim()];
        for (int k = 0; k < outputs.length; k++) {
            outputs[k] = fitOutput(x, data.inputDim(), data.target(k), rng);
        }
        return new GpModel(outputs);
    }

    /**
     * Fits the hyperparameters of one output and conditions on the data.
     *
     * @param x inputs n x d row-major; not modified
     * @param d input dimension
     * @param y targets, length n; not modified
     * @param rng restarts and subsets; advanced
     */
    public GaussianProcess fitOutput(double[] x, int d, double[] y, RandomGenerator rng) {
        return GaussianProcess.condition(SeHyperparameters.fromLog(optimize(x, d, y, rng).x()), x, y);
    }

    /** Likelihood evaluations charged per L-BFGS iteration (line searches; usually one or two). */
    static final double EVALUATIONS_PER_ITERATION = 2;

    /**
     * The fit's cost, one output after the other on one thread: per output, every start's {@code maxIterations}
     * iterations on min(n, restartSubset) points, the polish on all n, and the conditioning; the memory is the
     * likelihood's 3 n^2 doubles and each output's n^2 factor.
     */
    @Override
    public Cost fitCost(int n, int d, int p, int workers) {
        int m = Math.min(n, restartSubset);
        double evaluations = restarts * maxIterations * EVALUATIONS_PER_ITERATION;
        double ns = evaluations * Rates.gpLikelihoodNs(m, d);
        if (n > restartSubset && polishIterations > 0) {
            ns += polishIterations * EVALUATIONS_PER_ITERATION * Rates.gpLikelihoodNs(n, d);
        }
        ns += Rates.gpLikelihoodNs(n, d) / 2;
        double bytes = (3.0 + p) * n * n * Rates.DOUBLE;
        return new Cost(p * ns / 1e9, bytes, "a GP on " + n + " points x " + d + " inputs x " + p + " output"
                + (p == 1 ? "" : "s") + ", " + restarts + " starts");
    }

    /** The mean and variance of every output at every query: about n^2 work per query and output. */
    @Override
    public Cost predictCost(int n, int d, int p, long queries) {
        double nn = n;
        double ns = (double) queries * p * (Rates.GP_PREDICT_NS_PER_N2 * nn * nn + 2.0 * nn * d);
        return new Cost(ns / 1e9, queries * p * 5 * Rates.DOUBLE, queries + " predictions from " + n + " points");
    }

    /** The hyperparameter search of {@link #fitOutput}; result.x() is theta, result.value() -log p + penalty. */
    public Lbfgs.Result optimize(double[] x, int d, double[] y, RandomGenerator rng) {
        int n = y.length;
        double[] inputScale = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double e = x[i * d + j] - mean;
                var += e * e;
            }
            double s = Math.sqrt(var / n);
            inputScale[j] = s > 1e-12 * Math.max(1, Math.abs(mean)) ? s : 1;
        }
        double meanSquare = 0;
        for (double v : y) {
            meanSquare += v * v;
        }
        double rms = Math.sqrt(meanSquare / n);
        double targetScale = rms > 0 ? rms : 1;

        double[] theta0 = new double[d + 2];
        for (int j = 0; j < d; j++) {
            theta0[j] = Math.log(inputScale[j]);
        }
        theta0[d] = Math.log(targetScale);
        theta0[d + 1] = Math.log(targetScale / 10);

        MarginalLikelihood search;
        boolean subset = n > restartSubset;
        if (subset) {
            int[] idx = randomSubset(n, restartSubset, rng);
            double[] xs = new double[restartSubset * d];
            double[] ys = new double[restartSubset];
            for (int r = 0; r < restartSubset; r++) {
                System.arraycopy(x, idx[r] * d, xs, r * d, d);
                ys[r] = y[idx[r]];
            }
            search = new MarginalLikelihood(xs, d, ys);
        } else {
            search = new MarginalLikelihood(x, d, y);
        }
        Lbfgs.Settings settings = new Lbfgs.Settings(10, maxIterations, 1e-5, 1e-9);
        boolean polish = subset && polishIterations > 0;
        // the polish on all points follows, so a subset search need not converge as tightly
        Lbfgs.Settings searchSettings = polish ? settings.withFunctionTolerance(1e-6) : settings;
        DifferentiableFunction objective = objective(search, inputScale, targetScale);
        Lbfgs.Result best = null;
        for (int r = 0; r < restarts; r++) {
            double[] start = r == 0 ? theta0 : perturbed(theta0, inputScale, targetScale, rng);
            Lbfgs.Result result = Lbfgs.minimize(objective, start, searchSettings);
            if (Double.isFinite(result.value()) && (best == null || result.value() < best.value())) {
                best = result;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the marginal likelihood is not finite at any start");
        }
        if (polish) {
            MarginalLikelihood full = new MarginalLikelihood(x, d, y);
            Lbfgs.Result polished = Lbfgs.minimize(objective(full, inputScale, targetScale), best.x(),
                    settings.withMaxIterations(polishIterations));
            if (Double.isFinite(polished.value())) {
                best = polished;
            }
        }
        return best;
    }

    /** theta -> -log p(y | X, theta) + penalty, with its gradient. */
    private DifferentiableFunction objective(MarginalLikelihood ml, double[] inputScale, double targetScale) {
        return (theta, gradient) -> {
            double lml = ml.logLikelihood(theta, gradient);
            if (!Double.isFinite(lml)) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i];
            }
            return -lml + bounds.penalty(theta, inputScale, targetScale, gradient);
        };
    }

    private double[] perturbed(double[] theta0, double[] inputScale, double targetScale, RandomGenerator rng) {
        int d = inputScale.length;
        double[] theta = theta0.clone();
        double cl = 0.9 * Math.log(bounds.lengthScaleRatio());
        for (int j = 0; j < d; j++) {
            theta[j] = clamp(theta[j] + rng.nextGaussian(), Math.log(inputScale[j]), cl);
        }
        theta[d] = clamp(theta[d] + 0.5 * rng.nextGaussian(), Math.log(targetScale),
                0.9 * Math.log(bounds.signalRatio()));
        theta[d + 1] = clamp(theta[d + 1] + 1.5 * rng.nextGaussian(), theta[d],
                0.9 * Math.log(bounds.maxSignalToNoise()));
        return theta;
    }

    private static double clamp(double v, double centre, double halfWidth) {
        return Math.max(centre - halfWidth, Math.min(centre + halfWidth, v));
    }

    /** k distinct indices from 0..n-1, by a partial Fisher-Yates shuffle. */
    static int[] randomSubset(int n, int k, RandomGenerator rng) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }
}
