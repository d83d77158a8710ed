package mbrllab.core.models.ensemble;

import java.util.random.RandomGenerator;

import mbrllab.core.nn.Mlp;

/**
 * A fully connected network that predicts a Gaussian: an {@link Mlp} (inputs (d) -> hidden layers with the swish
 * activation swish(z) = z sigmoid(z) -> 2p linear outputs) whose outputs are read as p means and p raw
 * log-variances. The log-variance is bounded softly between per-output parameters minLogVar_k &lt; maxLogVar_k, as in
 * PETS (Chua et al., 2018):
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
 * them tight). This class adds the Gaussian head (the bounds and the loss's output gradient) to the network's
 * backpropagation.
 *
 * <p>Parameters theta, one flat array of {@link #parameterCount()} doubles: the network's parameters
 * ({@link Mlp}: for each layer l, W_l (in x out, row-major) then b_l), then maxLogVar (p), then minLogVar (p).
 * The class itself holds no mutable state; all scratch space lives in a {@link Workspace}, one per thread.
 */
final class GaussianMlp {

    private final Mlp mlp;
    private final int inputDim;
    private final int outputDim;
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
        this.mlp = new Mlp(inputDim, hidden, 2 * outputDim);
        int offset = mlp.parameterCount();
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
        mlp.initialize(theta, rng);
        for (int k = 0; k < outputDim; k++) {
            theta[maxLogVarOffset + k] = maxLogVar;
            theta[minLogVarOffset + k] = minLogVar;
        }
    }

    /** Scratch arrays for batches of up to {@code capacity} samples. */
    Workspace workspace(int capacity) {
        return new Workspace(capacity);
    }

    /** Per-thread scratch: the network's workspace and the bounded log-variances. */
    final class Workspace {
        final Mlp.Workspace net;
        /** logVar[b][k], the bounded log-variances. */
        final double[][] logVar;

        Workspace(int capacity) {
            net = mlp.workspace(capacity);
            logVar = new double[capacity][outputDim];
        }
    }

    /**
     * Forward pass for {@code count} samples: rows {@code rows[from .. from+count)} of x (n x d row-major), or
     * rows from .. from+count of x itself when {@code rows} is null. Fills the workspace (activations and
     * bounded log-variances).
     */
    void forward(double[] theta, double[] x, int[] rows, int from, int count, Workspace ws) {
        mlp.forward(theta, x, rows, from, count, ws.net);
        int p = outputDim;
        for (int b = 0; b < count; b++) {
            double[] out = mlp.output(ws.net, b);
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
        return mlp.output(ws.net, b)[k];
    }

    /** Bounded log-variance k of sample b after {@link #forward}. */
    double logVar(Workspace ws, int b, int k) {
        return ws.logVar[b][k];
    }

    /** Raw log-variance output k of sample b after {@link #forward}, before the bounds. */
    double rawLogVar(Workspace ws, int b, int k) {
        return mlp.output(ws.net, b)[outputDim + k];
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
            double[] out = mlp.output(ws.net, b);
            double[] dOut = mlp.outputGradient(ws.net, b);
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
        mlp.backward(theta, count, gradient, ws.net);
        return mlp.addWeightDecay(theta, weightDecay, gradient, loss);
    }

    /** log(1 + e^v) without overflow. */
    static double softplus(double v) {
        return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }

    static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }
}
