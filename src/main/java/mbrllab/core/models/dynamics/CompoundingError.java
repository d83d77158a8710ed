package mbrllab.core.models.dynamics;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import mbrllab.core.random.SplitMix64;

/**
 * How multi-step predictions degrade with the horizon k: for held-out windows (a true start s_0, its true
 * forces u_0 .. u_{H-1} and true states s_1 .. s_H), at each k = 1 .. H
 * <pre>
 * rmse(k) = sqrt( 1/(S 4) sum_windows sum_i (mu_k,i - s_k,i)^2 )                (state units mixed: m, m/s, rad, rad/s)
 * nll(k)  = 1/S sum_windows sum_i 1/2 [ log(2 pi v_k,i) + (s_k,i - mu_k,i)^2 / v_k,i ],  v_k,i = max(var_k,i, 1e-9)
 * </pre>
 * nll is the negative log-likelihood of the true state under the predicted Gaussian with the predicted
 * marginal variances (the four components taken as independent, their NLLs summed), averaged over the S
 * windows; the variance floor keeps a collapsed prediction finite. Lower is better for both.
 *
 * @param rmse index k-1 holds rmse(k), length H
 * @param nll  index k-1 holds nll(k), length H
 */
public record CompoundingError(double[] rmse, double[] nll) {

    /** Smallest variance used in the NLL. */
    public static final double VARIANCE_FLOOR = 1e-9;

    private static final int D = Trajectory.STATE_DIM;

    public CompoundingError {
        if (rmse.length != nll.length || rmse.length < 1) {
            throw new IllegalArgumentException("rmse and nll need the same length H >= 1");
        }
        rmse = rmse.clone();
        nll = nll.clone();
    }

    @Override
    public double[] rmse() {
        return rmse.clone();
    }

    @Override
    public double[] nll() {
        return nll.clone();
    }

    /** The horizon H. */
    public int horizon() {
        return rmse.length;
    }

    /** rmse at step k, 1 &lt;= k &lt;= H. */
    public double rmse(int k) {
        return rmse[k - 1];
    }

    /** nll at step k, 1 &lt;= k &lt;= H. */
    public double nll(int k) {
        return nll[k - 1];
    }

    /** sum_i 1/2 [log(2 pi v_i) + (x_i - m_i)^2 / v_i] with v_i = max(var_i, {@link #VARIANCE_FLOOR}). */
    public static double gaussianNll(double[] mean, double[] var, double[] truth) {
        double sum = 0;
        for (int i = 0; i < mean.length; i++) {
            double v = Math.max(var[i], VARIANCE_FLOOR);
            double e = truth[i] - mean[i];
            sum += 0.5 * (Math.log(2 * Math.PI * v) + e * e / v);
        }
        return sum;
    }

    /**
     * Per step k = 1 .. H of one window: {squared error summed over the 4 components, nll}.
     *
     * @param window the truth; its length H must equal the prediction's horizon
     */
    public static double[][] stepErrors(MultiStepPrediction prediction, Trajectory window) {
        int h = window.length();
        if (prediction.horizon() != h) {
            throw new IllegalArgumentException("prediction horizon " + prediction.horizon() + " != window length " + h);
        }
        double[][] out = new double[h][2];
        for (int k = 1; k <= h; k++) {
            double[] truth = window.state(k);
            double[] mean = prediction.mean(k);
            double se = 0;
            for (int i = 0; i < D; i++) {
                double e = mean[i] - truth[i];
                se += e * e;
            }
            out[k - 1][0] = se;
            out[k - 1][1] = gaussianNll(mean, prediction.variance(k), truth);
        }
        return out;
    }

    /** Averages per-window {@link #stepErrors} into the rmse and nll curves. */
    public static CompoundingError of(List<double[][]> perWindow) {
        int s = perWindow.size();
        if (s == 0) {
            throw new IllegalArgumentException("no windows");
        }
        int h = perWindow.get(0).length;
        double[] rmse = new double[h];
        double[] nll = new double[h];
        for (double[][] w : perWindow) {
            for (int k = 0; k < h; k++) {
                rmse[k] += w[k][0];
                nll[k] += w[k][1];
            }
        }
        for (int k = 0; k < h; k++) {
            rmse[k] = Math.sqrt(rmse[k] / (s * D));
            nll[k] /= s;
        }
        return new CompoundingError(rmse, nll);
    }

    /**
     * Predicts every window from its start with its true forces and measures the errors. Window w uses a
     * {@link SplitMix64} seeded by {@code streamSeed(seed, w)}, and the windows run as tasks on {@code executor},
     * so the result does not depend on the executor.
     *
     * @param cancelled  polled before each window; when true the remaining windows throw CancellationException
     * @param windowDone called with the number of windows finished (from the executor's threads)
     * @throws CancellationException when cancelled
     */
    public static CompoundingError evaluate(MultiStepPredictor predictor, List<Trajectory> windows, long seed,
                                            Executor executor, BooleanSupplier cancelled, IntConsumer windowDone) {
        int s = windows.size();
        double[][][] results = new double[s][][];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<?>[] tasks = new CompletableFuture<?>[s];
        for (int w = 0; w < s; w++) {
            int window = w;
            tasks[w] = CompletableFuture.runAsync(() -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("cancelled");
                }
                Trajectory t = windows.get(window);
                MultiStepPrediction p = predictor.predict(t.state(0), t.actions(),
                        new SplitMix64(SplitMix64.streamSeed(seed, window)));
                results[window] = stepErrors(p, t);
                windowDone.accept(done.incrementAndGet());
            }, executor);
        }
        try {
            CompletableFuture.allOf(tasks).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        return of(java.util.Arrays.asList(results));
    }
}
