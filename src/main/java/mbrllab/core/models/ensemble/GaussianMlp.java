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
 * them tight). Backpropagation by hand on flat double[] arrays.
 *
 * <p>Parameters theta, one flat array of {@link #parameterCount()} doubles: for each layer l, W_l (in x out,
 * row-major: W[i * out + j] connects input i to output j) then b_l (out); then maxLogVar (p), then
 * minLogVar (p). Activations are batch x units row-major. The class itself holds no mutable state; all
 * scratch space lives in a {@link Workspace}, one per thread.
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

    /** Per-thread scratch: activations, pre-activations' sigmoids and back-propagated errors per layer. */
    final class Workspace {
        final int capacity;
        /** act[0] = inputs, act[l] = swish(z_l) for hidden l, act[layers] = raw outputs. */
        final double[][] act;
        /** sigmoid(z_l) of hidden layer l (index l, 1..layers-1). */
        final double[][] sig;
        /** dL/dz_l, index l = 1..layers. */
        final double[][] delta;
        /** Bounded log-variances of the batch, capacity x p. */
        final double[] logVar;

        Workspace(int capacity) {
            this.capacity = capacity;
            act = new double[layers + 1][];
            sig = new double[layers][];
            delta = new double[layers + 1][];
            for (int l = 0; l <= layers; l++) {
                act[l] = new double[capacity * sizes[l]];
                if (l >= 1) {
                    delta[l] = new double[capacity * sizes[l]];
                }
                if (l >= 1 && l < layers) {
                    sig[l] = new double[capacity * sizes[l]];
                }
            }
            logVar = new double[capacity * outputDim];
        }
    }

    /**
     * Forward pass for {@code count} samples: rows {@code rows[from .. from+count)} of x (n x d row-major), or
     * rows from .. from+count of x itself when {@code rows} is null. Fills the workspace (activations and
     * bounded log-variances).
     */
    void forward(double[] theta, double[] x, int[] rows, int from, int count, Workspace ws) {
        double[] in = ws.act[0];
        int d = inputDim;
        for (int b = 0; b < count; b++) {
            int row = rows == null ? from + b : rows[from + b];
            System.arraycopy(x, row * d, in, b * d, d);
        }
        for (int l = 0; l < layers; l++) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            double[] a = ws.act[l];
            double[] z = ws.act[l + 1];
            int w = weightOffset[l];
            int bias = biasOffset[l];
            for (int b = 0; b < count; b++) {
                int zRow = b * nOut;
                System.arraycopy(theta, bias, z, zRow, nOut);
                int aRow = b * nIn;
                for (int i = 0; i < nIn; i++) {
                    double ai = a[aRow + i];
                    int wRow = w + i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        z[zRow + j] += ai * theta[wRow + j];
                    }
                }
            }
            if (l < layers - 1) {
                double[] sigma = ws.sig[l + 1];
                int size = count * nOut;
                for (int e = 0; e < size; e++) {
                    double zi = z[e];
                    double s = 1.0 / (1.0 + Math.exp(-zi));
                    sigma[e] = s;
                    z[e] = zi * s;
                }
            }
        }
        double[] out = ws.act[layers];
        int p = outputDim;
        for (int b = 0; b < count; b++) {
            for (int k = 0; k < p; k++) {
                double max = theta[maxLogVarOffset + k];
                double min = theta[minLogVarOffset + k];
                double s = max - softplus(max - out[b * 2 * p + p + k]);
                ws.logVar[b * p + k] = min + softplus(s - min);
            }
        }
    }

    /** Mean k of sample b after {@link #forward}. */
    double mean(Workspace ws, int b, int k) {
        return ws.act[layers][b * 2 * outputDim + k];
    }

    /** Bounded log-variance k of sample b after {@link #forward}. */
    double logVar(Workspace ws, int b, int k) {
        return ws.logVar[b * outputDim + k];
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
        java.util.Arrays.fill(gradient, 0);
        int p = outputDim;
        double[] out = ws.act[layers];
        double[] dOut = ws.delta[layers];
        double invCount = 1.0 / count;
        double loss = 0;
        for (int b = 0; b < count; b++) {
            int row = rows[from + b];
            for (int k = 0; k < p; k++) {
                double max = theta[maxLogVarOffset + k];
                double min = theta[minLogVarOffset + k];
                double raw = out[b * 2 * p + p + k];
                double u = max - softplus(max - raw);
                double s = ws.logVar[b * p + k];
                double err = out[b * 2 * p + k] - y[row * p + k];
                double invVar = Math.exp(-s);
                loss += 0.5 * (err * err * invVar + s);
                double dMean = err * invVar * invCount;
                double dS = 0.5 * (1 - err * err * invVar) * invCount;
                double sigLower = sigmoid(u - min);   // ds/du
                double sigUpper = sigmoid(max - raw); // du/draw
                double dU = dS * sigLower;
                dOut[b * 2 * p + k] = dMean;
                dOut[b * 2 * p + p + k] = dU * sigUpper;
                gradient[maxLogVarOffset + k] += dU * (1 - sigUpper);
                gradient[minLogVarOffset + k] += dS * (1 - sigLower);
            }
        }
        loss *= invCount;
        for (int k = 0; k < p; k++) {
            loss += boundPenalty * (theta[maxLogVarOffset + k] - theta[minLogVarOffset + k]);
            gradient[maxLogVarOffset + k] += boundPenalty;
            gradient[minLogVarOffset + k] -= boundPenalty;
        }
        for (int l = layers - 1; l >= 0; l--) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            double[] a = ws.act[l];
            double[] delta = ws.delta[l + 1];
            int w = weightOffset[l];
            int bias = biasOffset[l];
            for (int b = 0; b < count; b++) {
                int dRow = b * nOut;
                for (int j = 0; j < nOut; j++) {
                    gradient[bias + j] += delta[dRow + j];
                }
                int aRow = b * nIn;
                for (int i = 0; i < nIn; i++) {
                    double ai = a[aRow + i];
                    int wRow = w + i * nOut;
                    for (int j = 0; j < nOut; j++) {
                        gradient[wRow + j] += ai * delta[dRow + j];
                    }
                }
            }
            if (l > 0) {
                // delta_l = (delta_{l+1} W_l') o swish'(z_l),  swish'(z) = s + swish(z) (1 - s),  s = sigmoid(z)
                double[] below = ws.delta[l];
                double[] sigma = ws.sig[l];
                for (int b = 0; b < count; b++) {
                    int dRow = b * nOut;
                    int aRow = b * nIn;
                    for (int i = 0; i < nIn; i++) {
                        int wRow = w + i * nOut;
                        double s0 = 0;
                        double s1 = 0;
                        int j = 0;
                        for (; j + 1 < nOut; j += 2) {
                            s0 += delta[dRow + j] * theta[wRow + j];
                            s1 += delta[dRow + j + 1] * theta[wRow + j + 1];
                        }
                        for (; j < nOut; j++) {
                            s0 += delta[dRow + j] * theta[wRow + j];
                        }
                        double sg = sigma[aRow + i];
                        below[aRow + i] = (s0 + s1) * (sg + a[aRow + i] * (1 - sg));
                    }
                }
            }
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
