package mbrllab.core.models.gp;

import org.ejml.data.DGrowArray;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DSubmatrixD1;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.TriangularSolver_DDRB;
import org.ejml.dense.block.linsol.chol.CholeskyOuterSolver_DDRB;

import pabeles.concurrency.GrowArray;

/**
 * The log marginal likelihood of a zero-mean GP with the squared-exponential ARD kernel (Rasmussen and
 * Williams, Gaussian Processes for Machine Learning, eq. 2.30 and 5.9), as a function of the
 * log-hyperparameters theta = (log l_1..log l_d, log sigma_f, log sigma_n):
 * <pre>
 * K = K_f + sigma_n^2 I,   alpha = K^-1 y
 * log p(y | X, theta) = -1/2 y' alpha - sum_i log L_ii - n/2 log(2 pi)          (K = L L', Cholesky)
 * d log p / d theta_i = 1/2 tr((alpha alpha' - K^-1) dK/dtheta_i)
 *   dK/dlog l_j     = K_f o D_j,  D_j[a,b] = (x_aj - x_bj)^2 / l_j^2
 *   dK/dlog sigma_f = 2 K_f
 *   dK/dlog sigma_n = 2 sigma_n^2 I
 * </pre>
 * Cholesky, solves and L^-1 by EJML (block format). The gradient needs the lower half of
 * K^-1 = L^-T L^-1, formed here from L^-1 with n^3/6 multiply-adds ({@link #lowerInverse}); EJML's
 * solver would spend about n^3/2 on it, treating L^-1 as a full matrix, and computes the upper half too. One evaluation
 * costs about n^3/2 flops, plus O(n^2 d) for the kernel and the gradient; the value alone costs n^3/3.
 *
 * <p>Holds its own copy of the data and all work matrices (allocated once, about 3 n^2 doubles: 60 MB at
 * n = 1,000); not thread-safe.
 */
public final class MarginalLikelihood {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int n;
    private final int d;
    private final double[] x;
    private final double[] y;
    private final double[] invL2;
    private final DMatrixRMaj k;
    private final DMatrixRBlock kBlock;
    /** Row k of L^-1 (entries 0..k), and row a of the lower half of K^-1 (entries 0..a). */
    private final double[][] lInverseRows;
    private final double[][] inverseRows;
    private final GrowArray<DGrowArray> workspace = new GrowArray<>(DGrowArray::new);
    private final DMatrixRBlock alphaBlock;
    private final double[] alpha;
    private final CholeskyOuterSolver_DDRB solver = new CholeskyOuterSolver_DDRB();

    /**
     * @param x inputs, n x d row-major; copied
     * @param d input dimension >= 1
     * @param y targets, length n >= 1; copied
     */
    public MarginalLikelihood(double[] x, int d, double[] y) {
        if (d < 1 || x.length == 0 || x.length % d != 0 || x.length / d != y.length) {
            throw new IllegalArgumentException("x must hold n rows of d values and y n values; got d = " + d
                    + ", x length " + x.length + ", y length " + y.length);
        }
        this.n = y.length;
        this.d = d;
        this.x = x.clone();
        this.y = y.clone();
        this.invL2 = new double[d];
        this.k = new DMatrixRMaj(n, n);
        this.kBlock = new DMatrixRBlock(n, n);
        this.lInverseRows = new double[n][];
        this.inverseRows = new double[n][];
        for (int i = 0; i < n; i++) {
            lInverseRows[i] = new double[i + 1];
            inverseRows[i] = new double[i + 1];
        }
        this.alphaBlock = new DMatrixRBlock(n, 1);
        this.alpha = new double[n];
    }

    /** Number of data points n. */
    public int size() {
        return n;
    }

    /** Input dimension d; theta has length d + 2. */
    public int inputDim() {
        return d;
    }

    /**
     * log p(y | X, theta) and, if {@code gradient} is not null, its gradient.
     *
     * @param theta    log-hyperparameters, length d + 2; not modified
     * @param gradient receives d log p / d theta (length d + 2), or null for the value only; modified
     * @return the log marginal likelihood, or -Infinity if K is not numerically positive definite or theta
     *         is out of the floating-point range (the gradient is then left undefined)
     */
    public double logLikelihood(double[] theta, double[] gradient) {
        if (theta.length != d + 2) {
            throw new IllegalArgumentException("theta must have length d + 2 = " + (d + 2) + ", got " + theta.length);
        }
        for (int j = 0; j < d; j++) {
            invL2[j] = Math.exp(-2 * theta[j]);
            if (!Double.isFinite(invL2[j]) || invL2[j] == 0) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double sf2 = Math.exp(2 * theta[d]);
        double sn2 = Math.exp(2 * theta[d + 1]);
        if (!Double.isFinite(sf2) || !Double.isFinite(sn2) || sn2 == 0 || sf2 == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        SquaredExponential.gram(x, n, invL2, sf2, sn2, k.data);
        MatrixOps_DDRB.convert(k, kBlock);
        if (!solver.setA(kBlock)) {
            return Double.NEGATIVE_INFINITY;
        }
        double logDetHalf = 0; // sum log L_ii
        for (int i = 0; i < n; i++) {
            double lii = kBlock.get(i, i);
            if (!(lii > 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            logDetHalf += Math.log(lii);
        }
        for (int i = 0; i < n; i++) {
            alphaBlock.data[i] = y[i]; // an n x 1 block matrix is stored like a column vector
        }
        solver.solve(alphaBlock, null);
        double yAlpha = 0;
        for (int i = 0; i < n; i++) {
            alpha[i] = alphaBlock.data[i];
            yAlpha += y[i] * alpha[i];
        }
        double value = -0.5 * yAlpha - logDetHalf - 0.5 * n * LOG_2PI;
        if (!Double.isFinite(value)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (gradient != null) {
            gradient(sf2, sn2, gradient);
        }
        return value;
    }

    /** The gradient from W = K^-1 - alpha alpha' (the ascent direction is -1/2 tr(W dK)). */
    private void gradient(double sf2, double sn2, double[] gradient) {
        lowerInverse();
        double[] kf = k.data; // off-diagonal entries are K_f; the diagonal is sf2 + sn2
        double[] gl = new double[d];
        double traceW = 0;
        double offDiagonal = 0; // sum_{a>b} W_ab K_f,ab
        for (int a = 0; a < n; a++) {
            int rowA = a * n;
            double[] kInv = inverseRows[a];
            double alphaA = alpha[a];
            traceW += kInv[a] - alphaA * alphaA;
            int xa = a * d;
            for (int b = 0; b < a; b++) {
                double t = (kInv[b] - alphaA * alpha[b]) * kf[rowA + b];
                offDiagonal += t;
                int xb = b * d;
                for (int j = 0; j < d; j++) {
                    double diff = x[xa + j] - x[xb + j];
                    gl[j] += t * diff * diff;
                }
            }
        }
        // -1/2 tr(W dK): for l_j the a != b pairs count twice, so the 1/2 cancels
        for (int j = 0; j < d; j++) {
            gradient[j] = -gl[j] * invL2[j];
        }
        gradient[d] = -(sf2 * traceW + 2 * offDiagonal);
        gradient[d + 1] = -sn2 * traceW;
    }

    /**
     * The lower half of K^-1 into {@link #inverseRows} (row a holds columns 0..a), from the Cholesky factor in
     * {@link #kBlock} (overwritten): M = L^-1 by EJML's triangular inverse, then
     * (K^-1)_ab = (M' M)_ab = sum_{k >= a} M_ka M_kb for b &lt;= a, i.e. row a of the result is
     * sum_{k >= a} M_ka (M_k0 .. M_ka), accumulated as axpys over rows of M kept as separate arrays (which
     * HotSpot vectorises), four rows k per pass.
     */
    private void lowerInverse() {
        // in place: the Cholesky factor is not needed after alpha and log det
        TriangularSolver_DDRB.invert(kBlock.blockLength, false, new DSubmatrixD1(kBlock), workspace);
        for (int k = 0; k < n; k++) {
            double[] row = lInverseRows[k];
            for (int j = 0; j <= k; j++) {
                row[j] = kBlock.get(k, j);
            }
        }
        for (int a = 0; a < n; a++) {
            double[] out = inverseRows[a];
            java.util.Arrays.fill(out, 0);
            int len = a + 1;
            int k = a;
            for (; k + 3 < n; k += 4) {
                double[] r0 = lInverseRows[k];
                double[] r1 = lInverseRows[k + 1];
                double[] r2 = lInverseRows[k + 2];
                double[] r3 = lInverseRows[k + 3];
                double c0 = r0[a];
                double c1 = r1[a];
                double c2 = r2[a];
                double c3 = r3[a];
                for (int b = 0; b < len; b++) {
                    out[b] += (c0 * r0[b] + c1 * r1[b]) + (c2 * r2[b] + c3 * r3[b]);
                }
            }
            for (; k < n; k++) {
                double[] r = lInverseRows[k];
                double c = r[a];
                for (int b = 0; b < len; b++) {
                    out[b] += c * r[b];
                }
            }
        }
    }
}
