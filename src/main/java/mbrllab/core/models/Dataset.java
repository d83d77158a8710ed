package mbrllab.core.models;

/**
 * Regression data: n input points x_i in R^d with targets y_i in R^p. Immutable; the arrays are copied
 * in and out, so a model that keeps a Dataset can rely on it.
 *
 * <p>Layout: inputs row-major n x d (x(i, j) at {@code i * d + j}), targets row-major n x p.
 */
public final class Dataset {

    private final int size;
    private final int inputDim;
    private final int outputDim;
    private final double[] x;
    private final double[] y;

    /**
     * @param x         inputs, n x d row-major, every entry finite; copied
     * @param y         targets, n x p row-major, every entry finite; copied
     * @param inputDim  d >= 1
     * @param outputDim p >= 1
     * @throws IllegalArgumentException if the lengths do not fit n >= 1 rows of d and p columns, or an entry is
     *                                  not finite
     */
    public Dataset(double[] x, double[] y, int inputDim, int outputDim) {
        if (inputDim < 1) {
            throw new IllegalArgumentException("inputDim must be >= 1, got " + inputDim);
        }
        if (outputDim < 1) {
            throw new IllegalArgumentException("outputDim must be >= 1, got " + outputDim);
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y must not be null");
        }
        if (x.length == 0 || x.length % inputDim != 0) {
            throw new IllegalArgumentException("x must hold n >= 1 rows of inputDim = " + inputDim
                    + " values, got length " + x.length);
        }
        int n = x.length / inputDim;
        if (y.length != (long) n * outputDim) {
            throw new IllegalArgumentException("y must hold n = " + n + " rows of outputDim = " + outputDim
                    + " values, got length " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("x(" + i / inputDim + ", " + i % inputDim + ") must be finite, "
                        + "got " + x[i]);
            }
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y(" + i / outputDim + ", " + i % outputDim + ") must be finite, "
                        + "got " + y[i]);
            }
        }
        this.size = n;
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.x = x.clone();
        this.y = y.clone();
    }

    /** One-dimensional data: y_i = f(x_i) + noise, d = p = 1. */
    public static Dataset of1d(double[] x, double[] y) {
        return new Dataset(x, y, 1, 1);
    }

    /** Number of points n. */
    public int size() {
        return size;
    }

    /** Input dimension d. */
    public int inputDim() {
        return inputDim;
    }

    /** Output dimension p. */
    public int outputDim() {
        return outputDim;
    }

    /** Input j of point i. */
    public double x(int i, int j) {
        return x[i * inputDim + j];
    }

    /** Target k of point i. */
    public double y(int i, int k) {
        return y[i * outputDim + k];
    }

    /** A copy of the inputs, n x d row-major. */
    public double[] inputs() {
        return x.clone();
    }

    /** A copy of the targets, n x p row-major. */
    public double[] targets() {
        return y.clone();
    }

    /** A copy of target column k (length n). */
    public double[] target(int k) {
        if (k < 0 || k >= outputDim) {
            throw new IndexOutOfBoundsException("output " + k + " of " + outputDim);
        }
        double[] column = new double[size];
        for (int i = 0; i < size; i++) {
            column[i] = y[i * outputDim + k];
        }
        return column;
    }

    /** The points with the given indices (repeats allowed), in that order. */
    public Dataset select(int[] indices) {
        double[] xs = new double[indices.length * inputDim];
        double[] ys = new double[indices.length * outputDim];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(x, indices[r] * inputDim, xs, r * inputDim, inputDim);
            System.arraycopy(y, indices[r] * outputDim, ys, r * outputDim, outputDim);
        }
        return new Dataset(xs, ys, inputDim, outputDim);
    }

    @Override
    public String toString() {
        return "Dataset[n=" + size + ", d=" + inputDim + ", p=" + outputDim + "]";
    }
}
