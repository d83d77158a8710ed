package mbrllab.core.models.ensemble;

import java.util.random.RandomGenerator;

/**
 * A fully connected network that predicts a Gaussian: inputs (d) -> hidden layers with the swish
 * activation swish(z) = z sigmoid(z) -> 2p linear outputs, read as p means and p raw log-variances. The
 * log-variance is bounded softly between per-output parameters minLogVar_k &lt; maxLogVar_k, as in PETS
 * (Chua et al., 2018):
 * <pre>
 * s_k = maxLogVar_k - softplus(maxLogVar_k - raw_k)
 * s_k = minLogVar_k + softplus(s_k - minLogVar_k)
 * </pre>
 * so minLogVar_k &lt;= s_k &lt;= maxLogVar_k + log(1 + exp(minLogVar_k - maxLogVar_k)).
 * Training loss on a batch B (targets t), to be minimised:
 * <pre>
 * L = 1/|B| sum_{b in B} sum_k 1/2 [ (mu_bk - t_bk)^2 exp(-s_bk) + s_bk ]
 *     + boundPenalty sum_k (maxLogVar_k - minLogVar_k) + weightDecay/2 sum_layers |W|^2
 * </pre>
 * (the Gaussian negative log-likelihood without its constant; the bounds are learned, the penalty keeps
 * them tight). Backpropagation by hand: the parameters and the gradient are flat double[] arrays, the
 * inner loops run on the per-vector arrays of a {@link Workspace}.
 *
 * <p>Parameters theta, one flat array of {@link #parameterCount()} doubles: for each layer l, W_l (in x out,
 * row-major: W[i * out + j] connects input i to output j) then b_l (out); then maxLogVar (p), then
 * minLogVar (p). The class itself holds no mutable state; all scratch space lives in a {@link Workspace},
 * one per thread.
 */
final class GaussianMlp {

    private final int[] sizes;
    private final int layers;
    private final int inputDim;
    private final int outputDim;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int maxLogVarOffset;
    private final int minLogVarOffset;
    private final int parameterCount;

    /**
     * @param inputDim  d >= 1
     * @param hidden    units of each hidden layer (may be empty: a linear model), each >= 1
     * @param outputDim p >= 1
     */
    GaussianMlp(int inputDim, int[] hidden, int outputDim) {
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.layers = hidden.length + 1;
        this.sizes = new int[layers + 1];
        sizes[0] = inputDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[layers] = 2 * outputDim;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = offset;
            offset += sizes[l] * sizes[l + 1];
            biasOffset[l] = offset;
            offset += sizes[l + 1];
        }
        maxLogVarOffset = offset;
        minLogVarOffset = offset + outputDim;
        parameterCount = offset + 2 * outputDim;
    }

    int parameterCount() {
        return parameterCount;
    }

    int inputDim() {
        return inputDim;
    }

    int outputDim() {
        return outputDim;
    }

    /**
     * Initial parameters: weights N(0, 1/fan_in), biases 0, log-variance bounds at the given values.
     *
     * @param theta length parameterCount; modified
     */
    void initialize(double[] theta, RandomGenerator rng, double maxLogVar, double minLogVar) {
        java.util.Arrays.fill(theta, 0);
        for (int l = 0; l < layers; l++) {
            double std = 1.0 / Math.sqrt(sizes[l]);
            int count = sizes[l] * sizes[l + 1];
            for (int i = 0; i < count; i++) {
                theta[weightOffset[l] + i] = std * rng.nextGaussian();
            }
        }
        for (int k = 0; k < outputDim; k++) {
            theta[maxLogVarOffset + k] = maxLogVar;
            theta[minLogVarOffset + k] = minLogVar;
        }
    }

    /** Scratch arrays for batches of up to {@code capacity} samples. */
    Workspace workspace(int capacity) {
        return new Workspace(capacity);
    }

    /**
     * Per-thread scratch. Every vector the inner loops touch is its own array starting at index 0 (one per
     * sample, one per weight row): HotSpot vectorises {@code y[j] += a * x[j]} on such arrays, and not, in
     * our measurements, with offsets into one flat array (about 7 against 2.5 GMAC/s).
     */
    final class Workspace {
        final int capacity;
        /** act[0][b] = inputs of sample b, act[l][b] = swish(z_l) for hidden l, act[layers][b] = raw outputs. */
        final double[][][] act;
        /** sig[l][b] = sigmoid(z_l) of hidden layer l (l = 1..layers-1). */
        final double[][][] sig;
        /** delta[l][b] = dL/dz_l (l = 1..layers). */
        final double[][][] delta;
        /** logVar[b][k], the bounded log-variances. */
        final double[][] logVar;
        /** w[l][i] = row i of W_l (copied from theta by each forward pass), wt[l][j] = column j of W_l. */
        final double[][][] w;
        final double[][][] wt;
        /**
         * Gradient rows of W_l (gwt: of W_l' for a narrow layer) and of b_l, gathered into the flat gradient
         * at the end.
         */
        final double[][][] gw;
        final double[][][] gwt;
        final double[][] gb;

        Workspace(int capacity) {
            this.capacity = capacity;
            act = new double[layers + 1][][];
            sig = new double[layers][][];
            delta = new double[layers + 1][][];
            w = new double[layers][][];
            wt = new double[layers][][];
            gw = new double[layers][][];
            gwt = new double[layers][][];
            gb = new double[layers][];
            for (int l = 0; l <= layers; l++) {
                act[l] = new double[capacity][sizes[l]];
                if (l >= 1) {
                    delta[l] = new double[capacity][sizes[l]];
                }
                if (l >= 1 && l < layers) {
                    sig[l] = new double[capacity][sizes[l]];
                }
                if (l < layers) {
                    w[l] = new double[sizes[l]][sizes[l + 1]];
                    wt[l] = new double[sizes[l + 1]][sizes[l]];
                    if (narrow(l)) {
                        gwt[l] = new double[sizes[l + 1]][sizes[l]];
                    } else {
                        gw[l] = new double[sizes[l]][sizes[l + 1]];
                    }
                    gb[l] = new double[sizes[l + 1]];
                }
            }
            logVar = new double[capacity][outputDim];
        }
    }

    /** Layers with fewer outputs than this work on W' (dot products and axpys along the inputs). */
    private static final int NARROW = 16;

    /**
     * Whether layer l has so few outputs that looping over its inputs in the inner loop is faster: a row
     * of W_l would be a very short vector (the output layer of a dynamics model has 8).
     */
    private boolean narrow(int l) {
        return sizes[l + 1] < NARROW;
    }

    /** x . y over the length of x; both arrays start at index 0. */
    private static double dot(double[] x, double[] y) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = x.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[j] * y[j];
            s1 += x[j + 1] * y[j + 1];
            s2 += x[j + 2] * y[j + 2];
            s3 += x[j + 3] * y[j + 3];
        }
        for (; j < n; j++) {
            s0 += x[j] * y[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y += a x over the whole length of y (x at least as long); both arrays start at index 0. */
    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }

    /**
     * y += a0 x0 + a1 x1 + a2 x2 + a3 x3: four axpys in one pass over y, which halves the loads and stores
     * of y per multiply-add (about 1.5 times faster than four single axpys here).
     */
    private static void axpy4(double a0, double[] x0, double a1, double[] x1, double a2, double[] x2, double a3,
                              double[] x3, double[] y) {
        for (int j = 0; j < y.length; j++) {
            y[j] += (a0 * x0[j] + a1 * x1[j]) + (a2 * x2[j] + a3 * x3[j]);
        }
    }

    /**
     * Forward pass for {@code count} samples: rows {@code rows[from .. from+count)} of x (n x d row-major), or
     * rows from .. from+count of x itself when {@code rows} is null. Fills the workspace (activations and
     * bounded log-variances).
     */
    void forward(double[] theta, double[] x, int[] rows, int from, int count, Workspace ws) {
        int d = inputDim;
        for (int b = 0; b < count; b++) {
            int row = rows == null ? from + b : rows[from + b];
            System.arraycopy(x, row * d, ws.act[0][b], 0, d);
        }
        for (int l = 0; l < layers; l++) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            double[][] wl = ws.w[l];
            double[][] wt = ws.wt[l];
            boolean narrow = narrow(l);
            for (int i = 0; i < nIn; i++) {
                System.arraycopy(theta, weightOffset[l] + i * nOut, wl[i], 0, nOut);
                for (int j = 0; j < nOut; j++) {
                    wt[j][i] = wl[i][j];
                }
            }
            for (int b = 0; b < count; b++) {
                double[] a = ws.act[l][b];
                double[] z = ws.act[l + 1][b];
                System.arraycopy(theta, biasOffset[l], z, 0, nOut);
                if (narrow) {
                    for (int j = 0; j < nOut; j++) {
                        z[j] += dot(wt[j], a);
                    }
                } else {
                    int i = 0;
                    for (; i + 3 < nIn; i += 4) {
                        axpy4(a[i], wl[i], a[i + 1], wl[i + 1], a[i + 2], wl[i + 2], a[i + 3], wl[i + 3], z);
                    }
                    for (; i < nIn; i++) {
                        axpy(a[i], wl[i], z);
                    }
                }
                if (l < layers - 1) {
                    double[] sigma = ws.sig[l + 1][b];
                    for (int j = 0; j < nOut; j++) {
                        double zj = z[j];
                        double s = 1.0 / (1.0 + Math.exp(-zj));
                        sigma[j] = s;
                        z[j] = zj * s;
                    }
                }
            }
        }
        int p = outputDim;
        for (int b = 0; b < count; b++) {
            double[] out = ws.act[layers][b];
            double[] logVar = ws.logVar[b];
            for (int k = 0; k < p; k++) {
                double max = theta[maxLogVarOffset + k];
                double min = theta[minLogVarOffset + k];
                double s = max - softplus(max - out[p + k]);
                logVar[k] = min + softplus(s - min);
            }
        }
    }

    /** Mean k of sample b after {@link #forward}. */
    double mean(Workspace ws, int b, int k) {
        return ws.act[layers][b][k];
    }

    /** Bounded log-variance k of sample b after {@link #forward}. */
    double logVar(Workspace ws, int b, int k) {
        return ws.logVar[b][k];
    }

    /** Raw log-variance output k of sample b after {@link #forward}, before the bounds. */
    double rawLogVar(Workspace ws, int b, int k) {
        return ws.act[layers][b][outputDim + k];
    }

    /**
     * The loss L (see the class comment) on a batch and its gradient.
     *
     * @param theta        parameters; not modified
     * @param x            inputs n x d; not modified
     * @param y            targets n x p; not modified
     * @param rows         the batch's row indices are rows[from .. from+count)
     * @param weightDecay  lambda of the L2 term, >= 0
     * @param boundPenalty weight of the log-variance bound penalty, >= 0
     * @param gradient     receives dL/dtheta, length parameterCount; overwritten
     * @return L
     */
    double lossAndGradient(double[] theta, double[] x, double[] y, int[] rows, int from, int count,
                           double weightDecay, double boundPenalty, double[] gradient, Workspace ws) {
        forward(theta, x, rows, from, count, ws);
        int p = outputDim;
        double invCount = 1.0 / count;
        double loss = 0;
        for (int k = 0; k < p; k++) {
            gradient[maxLogVarOffset + k] = boundPenalty;
            gradient[minLogVarOffset + k] = -boundPenalty;
            loss += boundPenalty * (theta[maxLogVarOffset + k] - theta[minLogVarOffset + k]);
        }
        double nll = 0;
        for (int b = 0; b < count; b++) {
            int row = rows[from + b];
            double[] out = ws.act[layers][b];
            double[] dOut = ws.delta[layers][b];
            double[] logVar = ws.logVar[b];
            for (int k = 0; k < p; k++) {
                double max = theta[maxLogVarOffset + k];
                double min = theta[minLogVarOffset + k];
                double raw = out[p + k];
                double u = max - softplus(max - raw);
                double s = logVar[k];
                double err = out[k] - y[row * p + k];
                double invVar = Math.exp(-s);
                nll += 0.5 * (err * err * invVar + s);
                double dS = 0.5 * (1 - err * err * invVar) * invCount;
                double sigLower = sigmoid(u - min);   // ds/du
                double sigUpper = sigmoid(max - raw); // du/draw
                double dU = dS * sigLower;
                dOut[k] = err * invVar * invCount;
                dOut[p + k] = dU * sigUpper;
                gradient[maxLogVarOffset + k] += dU * (1 - sigUpper);
                gradient[minLogVarOffset + k] += dS * (1 - sigLower);
            }
        }
        loss += nll * invCount;
        for (int l = layers - 1; l >= 0; l--) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            boolean narrow = narrow(l);
            double[][] gw = narrow ? ws.gwt[l] : ws.gw[l];
            double[] gb = ws.gb[l];
            for (double[] row : gw) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(gb, 0);
            double[][] delta = ws.delta[l + 1];
            double[][] act = ws.act[l];
            int b = 0;
            for (; b + 3 < count; b += 4) {
                double[] d0 = delta[b];
                double[] d1 = delta[b + 1];
                double[] d2 = delta[b + 2];
                double[] d3 = delta[b + 3];
                double[] a0 = act[b];
                double[] a1 = act[b + 1];
                double[] a2 = act[b + 2];
                double[] a3 = act[b + 3];
                axpy4(1, d0, 1, d1, 1, d2, 1, d3, gb);
                if (narrow) {
                    for (int j = 0; j < nOut; j++) {
                        axpy4(d0[j], a0, d1[j], a1, d2[j], a2, d3[j], a3, gw[j]);
                    }
                } else {
                    for (int i = 0; i < nIn; i++) {
                        axpy4(a0[i], d0, a1[i], d1, a2[i], d2, a3[i], d3, gw[i]);
                    }
                }
            }
            for (; b < count; b++) {
                double[] d = delta[b];
                double[] a = act[b];
                axpy(1, d, gb);
                if (narrow) {
                    for (int j = 0; j < nOut; j++) {
                        axpy(d[j], a, gw[j]);
                    }
                } else {
                    for (int i = 0; i < nIn; i++) {
                        axpy(a[i], d, gw[i]);
                    }
                }
            }
            if (l > 0) {
                // delta_l = (delta_{l+1} W_l') o swish'(z_l),  swish'(z) = s + swish(z) (1 - s),  s = sigmoid(z)
                double[][] wt = ws.wt[l];
                for (b = 0; b < count; b++) {
                    double[] d = delta[b];
                    double[] below = ws.delta[l][b];
                    java.util.Arrays.fill(below, 0);
                    int j = 0;
                    for (; j + 3 < nOut; j += 4) {
                        axpy4(d[j], wt[j], d[j + 1], wt[j + 1], d[j + 2], wt[j + 2], d[j + 3], wt[j + 3], below);
                    }
                    for (; j < nOut; j++) {
                        axpy(d[j], wt[j], below);
                    }
                    double[] sigma = ws.sig[l][b];
                    double[] a = act[b];
                    for (int i = 0; i < nIn; i++) {
                        double sg = sigma[i];
                        below[i] *= sg + a[i] * (1 - sg);
                    }
                }
            }
            int w = weightOffset[l];
            if (narrow) {
                for (int j = 0; j < nOut; j++) {
                    double[] column = gw[j];
                    for (int i = 0; i < nIn; i++) {
                        gradient[w + i * nOut + j] = column[i];
                    }
                }
            } else {
                for (int i = 0; i < nIn; i++) {
                    System.arraycopy(gw[i], 0, gradient, w + i * nOut, nOut);
                }
            }
            System.arraycopy(gb, 0, gradient, biasOffset[l], nOut);
            if (weightDecay > 0) {
                int size = nIn * nOut;
                double sumSquares = 0;
                for (int e = 0; e < size; e++) {
                    double wv = theta[w + e];
                    sumSquares += wv * wv;
                    gradient[w + e] += weightDecay * wv;
                }
                loss += 0.5 * weightDecay * sumSquares;
            }
        }
        return loss;
    }

    /** log(1 + e^v) without overflow. */
    static double softplus(double v) {
        return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }

    static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }
}
