package mbrllab.core.models.gp;

import java.util.random.RandomGenerator;

import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DSubmatrixD1;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.TriangularSolver_DDRB;
import org.ejml.dense.block.linsol.chol.CholeskyOuterSolver_DDRB;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A zero-mean Gaussian process with a squared-exponential ARD kernel and fixed hyperparameters,
 * conditioned on n noisy observations of one output (Rasmussen and Williams, Algorithm 2.1):
 * <pre>
 * K = K(X, X) + sigma_n^2 I = L L'             alpha = L' \ (L \ y)
 * mean(x*)    = k*' alpha                        k* = K(X, x*), n x 1
 * var f(x*)   = k(x*, x*) - v'v                  v = L \ k*         (epistemic)
 * noise var   = sigma_n^2                                            (aleatoric)
 * log p(y|X)  = -1/2 y' alpha - sum_i log L_ii - n/2 log 2 pi
 * </pre>
 * Cholesky and triangular solves by EJML (block format). Immutable; predictions allocate their own work
 * arrays, so one GP can serve several threads.
 */
public final class GaussianProcess {

    /** Query points handled per block in {@link #predict}: bounds the work memory at n * CHUNK doubles. */
    private static final int CHUNK = 512;
    /** First jitter (times sigma_f^2) added to a covariance before sampling, then grown tenfold. */
    private static final double FIRST_JITTER = 1e-10;
    private static final double LAST_JITTER = 1e-2;

    private final SeHyperparameters hyperparameters;
    private final int n;
    private final int d;
    private final double[] x;
    private final double[] alpha;
    private final DMatrixRBlock cholesky;
    private final double logMarginalLikelihood;
    private final double[] invL2;
    private final double sf2;

    private GaussianProcess(SeHyperparameters h, double[] x, double[] alpha, DMatrixRBlock cholesky, double lml) {
        this.hyperparameters = h;
        this.d = h.dim();
        this.n = alpha.length;
        this.x = x;
        this.alpha = alpha;
        this.cholesky = cholesky;
        this.logMarginalLikelihood = lml;
        this.invL2 = SquaredExponential.inverseSquaredLengthScales(h);
        this.sf2 = h.signalStd() * h.signalStd();
    }

    /**
     * Conditions the GP with hyperparameters {@code h} on the data.
     *
     * @param h hyperparameters; their dimension is the input dimension d
     * @param x inputs, n x d row-major, n >= 1; copied
     * @param y targets, length n; copied
     * @throws IllegalArgumentException if the shapes disagree, or K is not numerically positive definite
     *                                  (only possible with a noise far below the signal and repeated inputs)
     */
    public static GaussianProcess condition(SeHyperparameters h, double[] x, double[] y) {
        int d = h.dim();
        int n = y.length;
        if (n < 1 || x.length != n * d) {
            throw new IllegalArgumentException("x must hold n = " + n + " rows of d = " + d + " values, got length "
                    + x.length);
        }
        double[] invL2 = SquaredExponential.inverseSquaredLengthScales(h);
        double sf2 = h.signalStd() * h.signalStd();
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        SquaredExponential.gram(x, n, invL2, sf2, h.noiseStd() * h.noiseStd(), k.data);
        DMatrixRBlock l = MatrixOps_DDRB.convert(k, org.ejml.EjmlParameters.BLOCK_WIDTH);
        CholeskyOuterSolver_DDRB solver = new CholeskyOuterSolver_DDRB();
        if (!solver.setA(l)) {
            throw new IllegalArgumentException("the kernel matrix is not positive definite for " + h);
        }
        double logDetHalf = 0;
        for (int i = 0; i < n; i++) {
            logDetHalf += Math.log(l.get(i, i));
        }
        DMatrixRBlock a = new DMatrixRBlock(n, 1);
        System.arraycopy(y, 0, a.data, 0, n);
        solver.solve(a, null);
        double[] alpha = new double[n];
        double yAlpha = 0;
        for (int i = 0; i < n; i++) {
            alpha[i] = a.data[i];
            yAlpha += y[i] * alpha[i];
        }
        double lml = -0.5 * yAlpha - logDetHalf - 0.5 * n * Math.log(2 * Math.PI);
        if (!Double.isFinite(lml)) {
            throw new IllegalArgumentException("the kernel matrix is numerically singular for " + h);
        }
        return new GaussianProcess(h, x.clone(), alpha, l, lml);
    }

    public SeHyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** log p(y | X, hyperparameters) of the training data. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    /** Number of training points n. */
    public int size() {
        return n;
    }

    /** Input dimension d. */
    public int inputDim() {
        return d;
    }

    /** The aleatoric variance sigma_n^2, the same everywhere. */
    public double noiseVar() {
        return hyperparameters.noiseStd() * hyperparameters.noiseStd();
    }

    /**
     * Posterior mean and latent (epistemic) variance at m query points. Costs O(n m d) for the mean and
     * O(n^2 m) for the variances.
     *
     * @param queries   m x d row-major; not modified
     * @param mean      receives the m means; modified
     * @param latentVar receives the m variances of f, each >= 0; modified
     */
    public void predict(double[] queries, double[] mean, double[] latentVar) {
        int m = checkedPoints(queries);
        if (mean.length < m || latentVar.length < m) {
            throw new IllegalArgumentException("mean and latentVar need room for " + m + " values");
        }
        int chunk = Math.min(CHUNK, m);
        double[] q = new double[chunk * d];
        DMatrixRMaj cross = new DMatrixRMaj(n, chunk);
        DMatrixRBlock v = new DMatrixRBlock(n, chunk);
        for (int start = 0; start < m; start += chunk) {
            int c = Math.min(chunk, m - start);
            if (c != cross.numCols) {
                cross = new DMatrixRMaj(n, c);
                v = new DMatrixRBlock(n, c);
            }
            System.arraycopy(queries, start * d, q, 0, c * d);
            SquaredExponential.cross(x, n, q, c, invL2, sf2, cross.data);
            for (int i = 0; i < c; i++) {
                mean[start + i] = 0;
            }
            for (int a = 0; a < n; a++) {
                double alphaA = alpha[a];
                int row = a * c;
                for (int i = 0; i < c; i++) {
                    mean[start + i] += cross.data[row + i] * alphaA;
                }
            }
            solveLower(cross, v);
            for (int i = 0; i < c; i++) {
                latentVar[start + i] = sf2;
            }
            double[] vData = cross.data;
            for (int a = 0; a < n; a++) {
                int row = a * c;
                for (int i = 0; i < c; i++) {
                    double e = vData[row + i];
                    latentVar[start + i] -= e * e;
                }
            }
            for (int i = 0; i < c; i++) {
                latentVar[start + i] = Math.max(0, latentVar[start + i]);
            }
        }
    }

    /**
     * The posterior mean alone at m query points, O(n m d): what a rollout on the mean needs, without the
     * O(n^2 m) triangular solve of the variances.
     *
     * @param queries m x d row-major; not modified
     * @param mean    receives the m means; modified
     */
    public void predictMean(double[] queries, double[] mean) {
        int m = checkedPoints(queries);
        if (mean.length < m) {
            throw new IllegalArgumentException("mean needs room for " + m + " values");
        }
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int a = 0; a < n; a++) {
                sum += SquaredExponential.k(x, a, queries, i, invL2, sf2) * alpha[a];
            }
            mean[i] = sum;
        }
    }

    /** The training inputs, n x d row-major: the array itself, for {@link MomentMatching}; not to be modified. */
    double[] trainingInputs() {
        return x;
    }

    /** alpha = (K + sigma_n^2 I)^-1 y (PILCO's beta): the array itself, for {@link MomentMatching}; not modified. */
    double[] alpha() {
        return alpha;
    }

    /**
     * (K + sigma_n^2 I)^-1 = L^-T L^-1, n x n row-major, from the Cholesky factor: L^-1 by EJML's triangular
     * inverse, then L^-T L^-1 by EJML. Costs about n^3 / 2 multiply-adds; a new array each call.
     */
    double[] kernelInverse() {
        DMatrixRMaj lower = new DMatrixRMaj(n, n);
        MatrixOps_DDRB.convert(cholesky, lower);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                lower.data[i * n + j] = 0; // the block factor keeps K's upper half; L is the lower half
            }
        }
        org.ejml.dense.row.decomposition.TriangularSolver_DDRM.invertLower(lower.data, n);
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(lower, lower, inverse);
        return inverse.data;
    }

    /** cross &lt;- L \ cross (n x c), through the block matrix {@code work} of the same shape. */
    private void solveLower(DMatrixRMaj cross, DMatrixRBlock work) {
        MatrixOps_DDRB.convert(cross, work);
        TriangularSolver_DDRB.lsolve(cholesky.blockLength, false, new DSubmatrixD1(cholesky), new DSubmatrixD1(work),
                false);
        MatrixOps_DDRB.convert(work, cross);
    }

    /**
     * The posterior covariance of f at m grid points: K(G, G) - V'V with V = L \ K(X, G); m x m row-major.
     *
     * @param grid m x d row-major; not modified
     */
    public double[] posteriorCovariance(double[] grid) {
        int m = checkedPoints(grid);
        DMatrixRMaj cross = new DMatrixRMaj(n, m);
        SquaredExponential.cross(x, n, grid, m, invL2, sf2, cross.data);
        solveLower(cross, new DMatrixRBlock(n, m));
        DMatrixRMaj vtv = new DMatrixRMaj(m, m);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(cross, cross, vtv);
        double[] cov = new double[m * m];
        SquaredExponential.gram(grid, m, invL2, sf2, 0, cov);
        for (int i = 0; i < cov.length; i++) {
            cov[i] -= vtv.data[i];
        }
        return cov;
    }

    /**
     * Joint draws of f at the grid from the posterior: mean + C z with C C' = covariance + jitter I,
     * z ~ N(0, I); the jitter starts at 1e-10 sigma_f^2 and grows tenfold until the Cholesky succeeds.
     *
     * @param grid  m x d row-major; not modified
     * @param count number of draws >= 1
     * @param rng   standard normals come from it; advanced
     * @return count arrays of m values
     */
    public double[][] samplePosterior(double[] grid, int count, RandomGenerator rng) {
        int m = checkedPoints(grid);
        double[] mean = new double[m];
        double[] var = new double[m];
        predict(grid, mean, var);
        return draw(mean, posteriorCovariance(grid), m, count, sf2, rng);
    }

    /**
     * Joint draws of f at the grid from the prior N(0, K(G, G)) of a GP with hyperparameters h (its noise
     * is not used); jitter as in {@link #samplePosterior}.
     */
    public static double[][] samplePrior(SeHyperparameters h, double[] grid, int count, RandomGenerator rng) {
        int d = h.dim();
        if (grid.length == 0 || grid.length % d != 0) {
            throw new IllegalArgumentException("grid must hold m >= 1 rows of " + d + " values");
        }
        int m = grid.length / d;
        double sf2 = h.signalStd() * h.signalStd();
        double[] cov = new double[m * m];
        SquaredExponential.gram(grid, m, SquaredExponential.inverseSquaredLengthScales(h), sf2, 0, cov);
        return draw(new double[m], cov, m, count, sf2, rng);
    }

    private static double[][] draw(double[] mean, double[] cov, int m, int count, double sf2, RandomGenerator rng) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        DMatrixRMaj c = cholesky(cov, m, sf2);
        double[][] draws = new double[count][m];
        double[] z = new double[m];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < m; i++) {
                z[i] = rng.nextGaussian();
            }
            double[] f = draws[s];
            for (int i = 0; i < m; i++) {
                double sum = mean[i];
                int row = i * m;
                for (int j = 0; j <= i; j++) {
                    sum += c.data[row + j] * z[j];
                }
                f[i] = sum;
            }
        }
        return draws;
    }

    /** Lower Cholesky factor of cov + jitter I with the smallest jitter in 1e-10..1e-2 sigma_f^2 that works. */
    private static DMatrixRMaj cholesky(double[] cov, int m, double sf2) {
        for (double jitter = FIRST_JITTER; jitter <= LAST_JITTER * 1.0001; jitter *= 10) {
            DMatrixRMaj a = new DMatrixRMaj(m, m);
            System.arraycopy(cov, 0, a.data, 0, m * m);
            for (int i = 0; i < m; i++) {
                a.data[i * m + i] += jitter * sf2;
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(m, true);
            if (chol.decompose(a)) {
                return chol.getT(null);
            }
        }
        throw new IllegalStateException("covariance not positive semi-definite even with jitter 1e-2 sigma_f^2");
    }

    private int checkedPoints(double[] points) {
        if (points == null || points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("points must hold m >= 1 rows of d = " + d + " values, got length "
                    + (points == null ? "null" : points.length));
        }
        return points.length / d;
    }
}
