package mbrllab.core.models.gp;

/**
 * The squared-exponential ARD kernel on row-major point arrays, k(a, b) = sf2 exp(-1/2 sum_j (a_j - b_j)^2 invL2_j).
 * Package-private helpers for the GP classes.
 */
final class SquaredExponential {

    private SquaredExponential() {
    }

    /** 1 / l_j^2 for each length-scale. */
    static double[] inverseSquaredLengthScales(SeHyperparameters h) {
        double[] invL2 = new double[h.dim()];
        for (int j = 0; j < invL2.length; j++) {
            double l = h.lengthScale(j);
            invL2[j] = 1.0 / (l * l);
        }
        return invL2;
    }

    /**
     * k(a_i, b_r) for row i of a and row r of b (both with d = invL2.length columns).
     */
    static double k(double[] a, int i, double[] b, int r, double[] invL2, double sf2) {
        int d = invL2.length;
        int ai = i * d;
        int br = r * d;
        double r2 = 0;
        for (int j = 0; j < d; j++) {
            double diff = a[ai + j] - b[br + j];
            r2 += diff * diff * invL2[j];
        }
        return sf2 * Math.exp(-0.5 * r2);
    }

    /**
     * The n x n kernel matrix of the rows of x, plus {@code diagonal} on its diagonal.
     *
     * @param x        n x d row-major; not modified
     * @param n        number of rows
     * @param out      receives the matrix, row-major, length >= n * n; modified
     */
    static void gram(double[] x, int n, double[] invL2, double sf2, double diagonal, double[] out) {
        for (int a = 0; a < n; a++) {
            out[a * n + a] = sf2 + diagonal;
            for (int b = 0; b < a; b++) {
                double v = k(x, a, x, b, invL2, sf2);
                out[a * n + b] = v;
                out[b * n + a] = v;
            }
        }
    }

    /**
     * The n x m cross-covariance k(x_a, q_i), row-major (row a, column i).
     *
     * @param out length >= n * m; modified
     */
    static void cross(double[] x, int n, double[] q, int m, double[] invL2, double sf2, double[] out) {
        for (int a = 0; a < n; a++) {
            int row = a * m;
            for (int i = 0; i < m; i++) {
                out[row + i] = k(x, a, q, i, invL2, sf2);
            }
        }
    }
}
