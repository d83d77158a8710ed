package mbrllab.core.models.gp;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exact moment matching through a {@link GpModel} with squared-exponential ARD kernels (PILCO: Deisenroth and
 * Rasmussen 2011; Deisenroth's thesis, Section 2.3): for a Gaussian input x ~ N(m, S) in R^D, the mean and
 * covariance of f(x) = (f_1(x), ..., f_E(x)) (one GP per output, all on the same training inputs X), and the
 * covariance between x and f(x). The GPs' latent functions are propagated; the noise sigma_n,a^2 of the
 * training targets is not in the covariance (the caller adds it if it wants the distribution of a noisy target).
 *
 * <p>With nu_i = x_i - m, Lambda_a = diag(l_a^2), sf2_a = sigma_f,a^2, beta_a = (K_a + sigma_n,a^2 I)^-1 y_a:
 * <pre>
 * mean:       mu_a = sum_i beta_a,i q_a,i,
 *             q_a,i = sf2_a |S Lambda_a^-1 + I|^-1/2 exp(-1/2 nu_i' (S + Lambda_a)^-1 nu_i)
 * cross cov:  Cov[x, f_a] = S (S + Lambda_a)^-1 sum_i beta_a,i q_a,i nu_i
 * second:     E[f_a f_b] = beta_a' Q beta_b + [a = b] (sf2_a - tr((K_a + sigma_n,a^2 I)^-1 Q))
 *             Q_ij = k_a(x_i, m) k_b(x_j, m) |R|^-1/2 exp(1/2 z_ij' R^-1 S z_ij)
 *             R = S (Lambda_a^-1 + Lambda_b^-1) + I,   z_ij = Lambda_a^-1 nu_i + Lambda_b^-1 nu_j
 * covariance: Cov[f_a, f_b] = E[f_a f_b] - mu_a mu_b
 * </pre>
 * With S = 0 these are the plain GP prediction at m: q_a,i = k_a(x_i, m), Q = k_a k_b', variance
 * sf2_a - k_a' (K_a + sigma_n^2 I)^-1 k_a, and no covariance between outputs.
 *
 * <p>Q is never stored: each entry is computed in log space and added into beta_a' Q beta_b and the trace on
 * the fly, O(n^2 D) per pair of outputs (half of it for a = b). The D x D solves and determinants are by EJML.
 * Immutable after construction (which computes each (K_a + sigma_n^2 I)^-1, n^3 / 2 each); one instance can
 * serve several threads.
 */
public final class MomentMatching {

    /**
     * The moments of f(x) for x ~ N(m, S).
     *
     * @param mean            mu, length E
     * @param covariance      Cov[f(x)], E x E row-major (symmetric)
     * @param inputOutputCov  Cov[x, f(x)], D x E row-major
     */
    public record Moments(double[] mean, double[] covariance, double[] inputOutputCov) {

        public Moments {
            mean = mean.clone();
            covariance = covariance.clone();
            inputOutputCov = inputOutputCov.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] covariance() {
            return covariance.clone();
        }

        @Override
        public double[] inputOutputCov() {
            return inputOutputCov.clone();
        }

        /** Number of outputs E. */
        public int outputDim() {
            return mean.length;
        }

        public double mean(int a) {
            return mean[a];
        }

        public double covariance(int a, int b) {
            return covariance[a * mean.length + b];
        }

        /** Cov[x_i, f_a]. */
        public double inputOutputCov(int i, int a) {
            return inputOutputCov[i * mean.length + a];
        }
    }

    private final int n;
    private final int d;
    private final int e;
    private final double[] x;
    private final double[][] beta;
    private final double[][] kernelInverse;
    private final double[][] invL2;
    private final double[] logSf2;
    private final double[] sf2;

    /**
     * Prepares moment matching through {@code model}.
     *
     * @throws IllegalArgumentException if the outputs' GPs were not conditioned on the same training inputs
     */
    public MomentMatching(GpModel model) {
        this.e = model.outputDim();
        this.d = model.inputDim();
        GaussianProcess first = model.output(0);
        this.n = first.size();
        this.x = first.trainingInputs();
        this.beta = new double[e][];
        this.kernelInverse = new double[e][];
        this.invL2 = new double[e][];
        this.logSf2 = new double[e];
        this.sf2 = new double[e];
        for (int a = 0; a < e; a++) {
            GaussianProcess gp = model.output(a);
            if (gp.size() != n || !Arrays.equals(gp.trainingInputs(), x)) {
                throw new IllegalArgumentException("moment matching needs every output's GP on the same training "
                        + "inputs; output " + a + " differs from output 0");
            }
            beta[a] = gp.alpha();
            kernelInverse[a] = gp.kernelInverse();
            invL2[a] = SquaredExponential.inverseSquaredLengthScales(gp.hyperparameters());
            double s = gp.hyperparameters().signalStd();
            sf2[a] = s * s;
            logSf2[a] = Math.log(sf2[a]);
        }
    }

    /** Input dimension D. */
    public int inputDim() {
        return d;
    }

    /** Number of outputs E. */
    public int outputDim() {
        return e;
    }

    /**
     * The moments of f(x) for x ~ N(m, S) (equations in the class comment).
     *
     * @param m mean, length D; not modified
     * @param s covariance, D x D row-major, symmetric positive semi-definite (zero allowed); not modified
     */
    public Moments predict(double[] m, double[] s) {
        if (m.length != d || s.length != d * d) {
            throw new IllegalArgumentException("m must have length " + d + " and S " + d + " x " + d + " entries, got "
                    + m.length + " and " + s.length);
        }
        double[] nu = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                nu[i * d + j] = x[i * d + j] - m[j];
            }
        }
        DMatrixRMaj sMatrix = DMatrixRMaj.wrap(d, d, s.clone());
        double[] mean = new double[e];
        double[] inputOutput = new double[d * e];
        // log k_a(x_i, m) per output and point, and Lambda_a^-1 nu_i (n x D) per output
        double[][] logK = new double[e][n];
        double[][] scaled = new double[e][n * d];
        for (int a = 0; a < e; a++) {
            meanAndCross(a, nu, sMatrix, mean, inputOutput);
            double[] w = invL2[a];
            for (int i = 0; i < n; i++) {
                double r2 = 0;
                for (int j = 0; j < d; j++) {
                    double v = nu[i * d + j];
                    r2 += v * v * w[j];
                    scaled[a][i * d + j] = v * w[j];
                }
                logK[a][i] = logSf2[a] - 0.5 * r2;
            }
        }
        double[] cov = new double[e * e];
        for (int a = 0; a < e; a++) {
            for (int b = 0; b <= a; b++) {
                double second = secondMoment(a, b, sMatrix, logK, scaled);
                double c = second - mean[a] * mean[b];
                cov[a * e + b] = c;
                cov[b * e + a] = c;
            }
        }
        return new Moments(mean, cov, inputOutput);
    }

    /**
     * mu_a and column a of Cov[x, f], in PILCO's scaled form: with iL = diag(1/l_a) and B = iL S iL + I,
     * (S + Lambda_a)^-1 = iL B^-1 iL and |B| = |S Lambda_a^-1 + I|.
     */
    private void meanAndCross(int a, double[] nu, DMatrixRMaj s, double[] mean, double[] inputOutput) {
        double[] w = invL2[a];
        double[] invL = new double[d];
        for (int j = 0; j < d; j++) {
            invL[j] = Math.sqrt(w[j]);
        }
        DMatrixRMaj b = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                b.data[i * d + j] = invL[i] * s.data[i * d + j] * invL[j] + (i == j ? 1 : 0);
            }
        }
        double det = CommonOps_DDRM.det(b);
        DMatrixRMaj scaledNu = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                scaledNu.data[i * d + j] = nu[i * d + j] * invL[j];
            }
        }
        // t = scaledNu B^-1 (n x D): solve B' t' = scaledNu'; B is symmetric
        DMatrixRMaj t = new DMatrixRMaj(d, n);
        DMatrixRMaj rhs = new DMatrixRMaj(d, n);
        CommonOps_DDRM.transpose(scaledNu, rhs);
        if (!CommonOps_DDRM.solve(b, rhs, t)) {
            throw new IllegalArgumentException("S is not a covariance matrix (iL S iL + I is singular)");
        }
        double c = sf2[a] / Math.sqrt(det);
        double mu = 0;
        double[] v = new double[d]; // sum_i beta_i q_i iL t_i  (= (S + Lambda)^-1 sum_i beta_i q_i nu_i)
        for (int i = 0; i < n; i++) {
            double quad = 0;
            for (int j = 0; j < d; j++) {
                quad += scaledNu.data[i * d + j] * t.data[j * n + i];
            }
            double lb = Math.exp(-0.5 * quad) * beta[a][i] * c;
            mu += lb;
            for (int j = 0; j < d; j++) {
                v[j] += t.data[j * n + i] * invL[j] * lb;
            }
        }
        mean[a] = mu;
        for (int i = 0; i < d; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += s.data[i * d + j] * v[j];
            }
            inputOutput[i * e + a] = sum;
        }
    }

    /** E[f_a f_b] (non-central), streaming over the entries of Q. */
    private double secondMoment(int a, int b, DMatrixRMaj s, double[][] logK, double[][] scaled) {
        DMatrixRMaj r = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                r.data[i * d + j] = s.data[i * d + j] * (invL2[a][j] + invL2[b][j]) + (i == j ? 1 : 0);
            }
        }
        double detR = CommonOps_DDRM.det(r);
        DMatrixRMaj t = new DMatrixRMaj(d, d);
        if (!CommonOps_DDRM.solve(r, s, t)) {
            throw new IllegalArgumentException("S is not a covariance matrix (R is singular)");
        }
        for (int i = 0; i < d; i++) { // R^-1 S is symmetric in exact arithmetic
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (t.data[i * d + j] + t.data[j * d + i]);
                t.data[i * d + j] = avg;
                t.data[j * d + i] = avg;
            }
        }
        double[] za = scaled[a];
        double[] zb = scaled[b];
        // p_i = T (Lambda_a^-1 nu_i); ca_i = log k_a(x_i) + 1/2 zi' T zi; cb_j likewise for b
        double[] p = new double[n * d];
        double[] ca = new double[n];
        double[] cb = new double[n];
        for (int i = 0; i < n; i++) {
            double quadA = 0;
            double quadB = 0;
            for (int k = 0; k < d; k++) {
                double sumA = 0;
                double sumB = 0;
                for (int l = 0; l < d; l++) {
                    sumA += t.data[k * d + l] * za[i * d + l];
                    sumB += t.data[k * d + l] * zb[i * d + l];
                }
                p[i * d + k] = sumA;
                quadA += za[i * d + k] * sumA;
                quadB += zb[i * d + k] * sumB;
            }
            ca[i] = logK[a][i] + 0.5 * quadA;
            cb[i] = logK[b][i] + 0.5 * quadB;
        }
        double logNorm = -0.5 * Math.log(detR);
        double[] betaA = beta[a];
        double[] betaB = beta[b];
        double quadForm = 0; // beta_a' Q beta_b
        double trace = 0;    // tr(K_a^-1 Q) when a = b
        if (a != b) {
            for (int i = 0; i < n; i++) {
                double rowSum = 0;
                double base = ca[i] + logNorm;
                int pi = i * d;
                for (int j = 0; j < n; j++) {
                    double cross = 0;
                    int zj = j * d;
                    for (int k = 0; k < d; k++) {
                        cross += p[pi + k] * zb[zj + k];
                    }
                    rowSum += Math.exp(base + cb[j] + cross) * betaB[j];
                }
                quadForm += betaA[i] * rowSum;
            }
            return quadForm;
        }
        double[] kInv = kernelInverse[a];
        for (int i = 0; i < n; i++) {
            double base = ca[i] + logNorm;
            int pi = i * d;
            double rowBeta = 0;
            double rowTrace = 0;
            for (int j = 0; j < i; j++) {
                double cross = 0;
                int zj = j * d;
                for (int k = 0; k < d; k++) {
                    cross += p[pi + k] * zb[zj + k];
                }
                double q = Math.exp(base + cb[j] + cross);
                rowBeta += q * betaB[j];
                rowTrace += q * kInv[i * n + j];
            }
            double cross = 0;
            for (int k = 0; k < d; k++) {
                cross += p[pi + k] * zb[pi + k];
            }
            double qii = Math.exp(base + cb[i] + cross);
            quadForm += betaA[i] * (2 * rowBeta + qii * betaB[i]);
            trace += 2 * rowTrace + qii * kInv[i * n + i];
        }
        return quadForm + sf2[a] - trace;
    }
}
