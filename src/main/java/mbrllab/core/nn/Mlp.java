package mbrllab.core.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A multilayer perceptron: inputs (d) -&gt; hidden layers with the swish activation swish(z) = z sigmoid(z) -&gt;
 * q linear outputs. One implementation serves every network of the project: the probabilistic ensemble's members
 * (which read the outputs as means and log-variances), the deterministic dynamics net and the DQN's Q-network.
 * <pre>
 * a_0 = x,   z_l = a_{l-1} W_l + b_l,   a_l = swish(z_l) (hidden layers),   out = z_L (no activation)
 * </pre>
 * Training is by the caller's loss: {@link #forward} a batch, write dL/d(out) of each sample into
 * {@link #outputGradient}, then {@link #backward} gives dL/dtheta by backpropagation by hand. Parameters and
 * gradient are flat double[] arrays, ready for {@link mbrllab.core.optim.Adam}.
 *
 * <p>Parameters theta, the first {@link #parameterCount()} doubles of a flat array (a caller may keep parameters
 * of its own after them): for each layer l = 1..L, W_l (in x out, row-major: W[i * out + j] connects input i to
 * output j) then b_l (out). The class holds no mutable state; all scratch space lives in a {@link Workspace}, one
 * per thread.
 */
public final class Mlp {

    private final int[] sizes;
    private final int layers;
    private final int inputDim;
    private final int outputDim;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int parameterCount;

    /**
     * @param inputDim  d, in [1, 1,000,000]
     * @param hidden    units of each hidden layer (may be empty: a linear model), each in [1, 1,000,000]
     * @param outputDim q, in [1, 1,000,000]
     */
    public Mlp(int inputDim, int[] hidden, int outputDim) {
        requireSize("inputDim", inputDim);
        requireSize("outputDim", outputDim);
        for (int units : hidden) {
            requireSize("each hidden layer size", units);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.layers = hidden.length + 1;
        this.sizes = new int[layers + 1];
        sizes[0] = inputDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[layers] = outputDim;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = (int) offset;
            offset += (long) sizes[l] * sizes[l + 1];
            biasOffset[l] = (int) offset;
            offset += sizes[l + 1];
            if (offset > Integer.MAX_VALUE - 64) {
                throw new IllegalArgumentException("the network has too many parameters: more than " + offset);
            }
        }
        parameterCount = (int) offset;
    }

    private static void requireSize(String field, int value) {
        if (value < 1 || value > 1_000_000) {
            throw new IllegalArgumentException(field + " must be in [1, 1000000], got " + value);
        }
    }

    /** Number of parameters: sum over layers of in * out + out. */
    public int parameterCount() {
        return parameterCount;
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    /** Number of weight layers L (hidden layers + 1). */
    public int layers() {
        return layers;
    }

    /**
     * Initial parameters: weights N(0, 1/fan_in) drawn layer by layer in the order of theta, biases 0.
     *
     * @param theta at least parameterCount long; its first parameterCount entries are overwritten
     */
    public void initialize(double[] theta, RandomGenerator rng) {
        Arrays.fill(theta, 0, parameterCount, 0);
        for (int l = 0; l < layers; l++) {
            double std = 1.0 / Math.sqrt(sizes[l]);
            int count = sizes[l] * sizes[l + 1];
            for (int i = 0; i < count; i++) {
                theta[weightOffset[l] + i] = std * rng.nextGaussian();
            }
        }
    }

    /** Scratch arrays for batches of up to {@code capacity} samples, capacity &gt;= 1. */
    public Workspace workspace(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        return new Workspace(capacity);
    }

    /**
     * Per-thread scratch. Every vector the inner loops touch is its own array starting at index 0 (one per
     * sample, one per weight row): HotSpot vectorises {@code y[j] += a * x[j]} on such arrays, and not, in
     * our measurements, with offsets into one flat array (about 7 against 2.5 GMAC/s).
     */
    public final class Workspace {
        final int capacity;
        /** act[0][b] = inputs of sample b, act[l][b] = swish(z_l) for hidden l, act[layers][b] = outputs. */
        final double[][][] act;
        /** sig[l][b] = sigmoid(z_l) of hidden layer l (l = 1..layers-1). */
        final double[][][] sig;
        /** delta[l][b] = dL/dz_l (l = 1..layers). */
        final double[][][] delta;
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
        }

        /** Largest batch this workspace holds. */
        public int capacity() {
            return capacity;
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
     * rows from .. from+count of x itself when {@code rows} is null. Fills the workspace (activations, outputs).
     *
     * @param theta parameters; not modified
     * @param x     inputs n x d, row-major; not modified
     * @param count in [1, ws.capacity()]
     */
    public void forward(double[] theta, double[] x, int[] rows, int from, int count, Workspace ws) {
        if (count < 1 || count > ws.capacity) {
            throw new IllegalArgumentException("count must be in [1, " + ws.capacity + "], got " + count);
        }
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
    }

    /**
     * The outputs of sample b of the last {@link #forward}: the workspace's own array of length q, valid until the
     * next forward pass; read it, do not modify it.
     */
    public double[] output(Workspace ws, int b) {
        return ws.act[layers][b];
    }

    /**
     * Where the caller writes dL/d(out) of sample b (length q) before {@link #backward}: the workspace's own array,
     * with whatever the previous pass left in it, so write every entry.
     */
    public double[] outputGradient(Workspace ws, int b) {
        return ws.delta[layers][b];
    }

    /**
     * Backpropagation: dL/dtheta from the output gradients of the first {@code count} samples of the last
     * {@link #forward} (which must have been on the same theta and count). The loss is whatever the caller's output
     * gradients are the derivative of; for a mean over the batch they carry the 1/count.
     *
     * @param theta    parameters of the forward pass; not modified
     * @param gradient receives dL/dtheta in its first parameterCount entries (overwritten; the rest untouched)
     */
    public void backward(double[] theta, int count, double[] gradient, Workspace ws) {
        for (int l = layers - 1; l >= 0; l--) {
            int nIn = sizes[l];
            int nOut = sizes[l + 1];
            boolean narrow = narrow(l);
            double[][] gw = narrow ? ws.gwt[l] : ws.gw[l];
            double[] gb = ws.gb[l];
            for (double[] row : gw) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(gb, 0);
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
                    Arrays.fill(below, 0);
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
        }
    }

    /**
     * The L2 penalty lambda/2 sum_l |W_l|^2 on the weights (not the biases): adds lambda W to their gradient and
     * returns {@code loss} plus the penalty, added layer by layer from the last layer to the first. Nothing happens
     * when lambda is 0.
     *
     * @param weightDecay lambda, &gt;= 0
     * @param gradient    modified in the weight entries
     * @return loss + lambda/2 sum |W|^2
     */
    public double addWeightDecay(double[] theta, double weightDecay, double[] gradient, double loss) {
        if (!(weightDecay > 0)) {
            return loss;
        }
        for (int l = layers - 1; l >= 0; l--) {
            int w = weightOffset[l];
            int size = sizes[l] * sizes[l + 1];
            double sumSquares = 0;
            for (int e = 0; e < size; e++) {
                double wv = theta[w + e];
                sumSquares += wv * wv;
                gradient[w + e] += weightDecay * wv;
            }
            loss += 0.5 * weightDecay * sumSquares;
        }
        return loss;
    }
}
