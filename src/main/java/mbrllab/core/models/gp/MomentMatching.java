package mbrllab.core.models.gp;

import java.util.Arrays;
import java.util.concurrent.Executor;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import mbrllab.core.parallel.Tasks;

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
 * Immutable after construction (which computes each (K_a + sigma_n^2 I)^-1, n^3 / 2 each, and everything else
 * that depends only on the data); one instance can serve several threads.
 *
 * <p>{@link #propagate} computes the same moments together with their derivatives with respect to m and S, for
 * backpropagation through a chain of predictions ({@link MatchedMoments}); it splits the n^2 work of the output
 * covariance into pieces on a caller's executor, with a result that does not depend on the executor.
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
    /** The training inputs transposed, D x n (row k holds input k of every point), for the vectorisable sweeps. */
    private final double[] xT;

    /**
     * Pieces the rows of one pair of outputs are split into by {@link #propagate}; fixed, so results do not depend on
     * threads.
     */
    static final int PARTS = 2;

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
        this.xT = new double[d * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                xT[k * n + i] = x[i * d + k];
            }
        }
    }

    /** Number of training points n. */
    public int size() {
        return n;
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

    /**
     * Scratch space of {@link #propagate} for one caller: reused call after call, never by two calls at once.
     * About (E + 6 + E (E+1)/2 (5 + 2 PARTS)) n D doubles.
     */
    public static final class Workspace {
        final double[] nuT;
        final double[][] zetaT;
        final double[][] logK;
        final int[] pairA;
        final int[] pairB;
        final double[][] pT;
        final double[][] ca;
        final double[][] cb;
        final double[][] etaT;
        final double[][] omegaT;
        final double[][] rtPsi;
        final double[][] ej;
        final double[][] pj;
        final double[][] r;
        final double[][] c;
        final double[][] pOmegaT;
        final double[] partSum;
        final double[][] rEta;
        final double[][] cOmega;
        final double[][] rEtaEta;
        final double[][] cOmegaOmega;
        final double[][] crossTerm;
        final int n;

        Workspace(int n, int d, int e) {
            this.n = n;
            int pairs = e * (e + 1) / 2;
            int parts = pairs * PARTS;
            nuT = new double[d * n];
            zetaT = new double[e][d * n];
            logK = new double[e][n];
            pairA = new int[pairs];
            pairB = new int[pairs];
            int p = 0;
            for (int a = 0; a < e; a++) {
                for (int b = 0; b <= a; b++) {
                    pairA[p] = a;
                    pairB[p] = b;
                    p++;
                }
            }
            pT = new double[pairs][d * n];
            ca = new double[pairs][n];
            cb = new double[pairs][n];
            etaT = new double[pairs][d * n];
            omegaT = new double[pairs][d * n];
            rtPsi = new double[pairs][d * d];
            ej = new double[parts][n];
            pj = new double[parts][n];
            r = new double[parts][n];
            c = new double[parts][n];
            pOmegaT = new double[parts][d * n];
            partSum = new double[parts];
            rEta = new double[parts][d];
            cOmega = new double[parts][d];
            rEtaEta = new double[parts][d * d];
            cOmegaOmega = new double[parts][d * d];
            crossTerm = new double[parts][d * d];
        }
    }

    /** A workspace for {@link #propagate} through this model. */
    public Workspace newWorkspace() {
        return new Workspace(n, d, e);
    }

    /**
     * The moments of f(x) for x ~ N(m, S) as {@link #predict}, into {@code out}, optionally without the output
     * covariance (the mean and V alone cost O(n D^3); the covariance O(E^2 n^2 D)) and optionally with the partial
     * derivatives of {@link MatchedMoments}. The E (E+1)/2 pairs of outputs are split into {@value #PARTS} pieces
     * each and run on {@code executor}; the pieces are combined in a fixed order, so the result is the same bits
     * whatever the executor.
     *
     * @param m           mean, length D; not modified
     * @param s           covariance, D x D row-major, symmetric positive semi-definite; not modified
     * @param covariance  whether to compute Sigma (otherwise it is set to 0)
     * @param derivatives whether to compute the partial derivatives
     * @param executor    runs the pieces ({@code Runnable::run}: all on the calling thread)
     * @param work        scratch from {@link #newWorkspace()}; overwritten
     * @param out         receives the moments; its dimensions must be D and E; overwritten
     */
    public void propagate(double[] m, double[] s, boolean covariance, boolean derivatives, Executor executor,
                          Workspace work, MatchedMoments out) {
        if (m.length != d || s.length != d * d) {
            throw new IllegalArgumentException("m must have length " + d + " and S " + d + " x " + d + " entries, got "
                    + m.length + " and " + s.length);
        }
        if (out.d != d || out.e != e || work.n != n || work.zetaT.length != e) {
            throw new IllegalArgumentException("the workspace and the output must be made for this model");
        }
        out.hasCovariance = covariance;
        out.hasDerivatives = derivatives;
        for (int k = 0; k < d; k++) {
            double mk = m[k];
            int row = k * n;
            for (int i = 0; i < n; i++) {
                work.nuT[row + i] = xT[row + i] - mk;
            }
        }
        for (int a = 0; a < e; a++) {
            double[] zeta = work.zetaT[a];
            double[] lk = work.logK[a];
            Arrays.fill(lk, logSf2[a]);
            for (int k = 0; k < d; k++) {
                double w = invL2[a][k];
                int row = k * n;
                for (int i = 0; i < n; i++) {
                    double v = work.nuT[row + i];
                    zeta[row + i] = v * w;
                    lk[i] -= 0.5 * v * v * w;
                }
            }
        }
        int pairs = work.pairA.length;
        int first = covariance ? e + pairs : e;
        Tasks.runAll(first, executor, task -> {
            if (task < e) {
                meanAndCross(task, s, derivatives, work, out);
            } else {
                preparePair(task - e, s, derivatives, work);
            }
        });
        if (!covariance) {
            Arrays.fill(out.cov, 0);
            Arrays.fill(out.dCovDm, 0);
            Arrays.fill(out.dCovDs, 0);
            return;
        }
        Tasks.runAll(pairs * PARTS, executor, part -> sweep(part, derivatives, work));
        for (int p = 0; p < pairs; p++) {
            combinePair(p, derivatives, work, out);
        }
    }

    /** mu_a, V_a and (with derivatives) their gradients, O(n D^3). */
    private void meanAndCross(int a, double[] s, boolean derivatives, Workspace work, MatchedMoments out) {
        double[] w = invL2[a];
        double[] invL = new double[d];
        for (int j = 0; j < d; j++) {
            invL[j] = Math.sqrt(w[j]);
        }
        DMatrixRMaj b = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                b.data[i * d + j] = invL[i] * s[i * d + j] * invL[j] + (i == j ? 1 : 0);
            }
        }
        double det = CommonOps_DDRM.det(b);
        DMatrixRMaj bInv = new DMatrixRMaj(d, d);
        if (!(det > 0) || !CommonOps_DDRM.invert(b, bInv)) {
            throw new IllegalArgumentException("S is not a covariance matrix (iL S iL + I is singular)");
        }
        // A = (S + Lambda)^-1 = iL B^-1 iL, symmetrised
        double[] aMat = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                aMat[i * d + j] = invL[i] * 0.5 * (bInv.data[i * d + j] + bInv.data[j * d + i]) * invL[j];
            }
        }
        double c = sf2[a] / Math.sqrt(det);
        double[] beta = this.beta[a];
        double[] nu = work.nuT;
        double[] t = new double[d];
        double mu = 0;
        double[] v = new double[d];
        double[] m2 = derivatives ? new double[d * d] : null;
        double[] m3 = derivatives ? new double[d * d * d] : null;
        for (int i = 0; i < n; i++) {
            double quad = 0;
            for (int k = 0; k < d; k++) {
                double sum = 0;
                for (int l = 0; l < d; l++) {
                    sum += aMat[k * d + l] * nu[l * n + i];
                }
                t[k] = sum;
                quad += nu[k * n + i] * sum;
            }
            double lb = beta[i] * c * Math.exp(-0.5 * quad);
            mu += lb;
            for (int k = 0; k < d; k++) {
                v[k] += lb * t[k];
            }
            if (derivatives) {
                for (int k = 0; k < d; k++) {
                    double lk = lb * t[k];
                    for (int l = 0; l < d; l++) {
                        double lkl = lk * t[l];
                        m2[k * d + l] += lkl;
                        int off = (k * d + l) * d;
                        for (int r = 0; r < d; r++) {
                            m3[off + r] += lkl * t[r];
                        }
                    }
                }
            }
        }
        out.mean[a] = mu;
        for (int k = 0; k < d; k++) {
            out.cross[k * e + a] = v[k];
        }
        if (!derivatives) {
            return;
        }
        int dd = d * d;
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                double g = m2[k * d + l] - mu * aMat[k * d + l];
                out.dMeanDs[a * dd + k * d + l] = 0.5 * g;
                out.dCrossDm[a * dd + k * d + l] = g;
            }
        }
        for (int r = 0; r < d; r++) {
            int off = (a * d + r) * dd;
            for (int k = 0; k < d; k++) {
                for (int l = 0; l < d; l++) {
                    out.dCrossDs[off + k * d + l] = 0.5 * m3[(r * d + k) * d + l] - 0.5 * aMat[k * d + l] * v[r]
                            - 0.5 * (aMat[r * d + k] * v[l] + aMat[r * d + l] * v[k]);
                }
            }
        }
    }

    /**
     * Per pair (a, b): R = S Psi + I, T = R^-1 S, p_i = T zeta_a,i, the log factors ca_i = log k_a(x_i, m) +
     * 1/2 zeta_a,i' T zeta_a,i - 1/2 log |R| and cb_j = log k_b(x_j, m) + 1/2 zeta_b,j' T zeta_b,j, so that
     * log Q_ij = ca_i + cb_j + p_i' zeta_b,j; with derivatives also eta = R^-T zeta_a, omega = R^-T zeta_b and
     * R^-T Psi.
     */
    private void preparePair(int p, double[] s, boolean derivatives, Workspace work) {
        int a = work.pairA[p];
        int b = work.pairB[p];
        double[] psi = new double[d];
        for (int k = 0; k < d; k++) {
            psi[k] = invL2[a][k] + invL2[b][k];
        }
        DMatrixRMaj rMat = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rMat.data[i * d + j] = s[i * d + j] * psi[j] + (i == j ? 1 : 0);
            }
        }
        double detR = CommonOps_DDRM.det(rMat);
        DMatrixRMaj rInv = new DMatrixRMaj(d, d);
        if (!(detR > 0) || !CommonOps_DDRM.invert(rMat, rInv)) {
            throw new IllegalArgumentException("S is not a covariance matrix (R is singular)");
        }
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += rInv.data[i * d + k] * s[k * d + j];
                }
                t[i * d + j] = sum;
            }
        }
        for (int i = 0; i < d; i++) { // R^-1 S is symmetric in exact arithmetic
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (t[i * d + j] + t[j * d + i]);
                t[i * d + j] = avg;
                t[j * d + i] = avg;
            }
        }
        double[] za = work.zetaT[a];
        double[] zb = work.zetaT[b];
        double[] pt = work.pT[p];
        double[] ca = work.ca[p];
        double[] cb = work.cb[p];
        double halfLogDet = 0.5 * Math.log(detR);
        transform(t, za, pt);
        System.arraycopy(work.logK[a], 0, ca, 0, n);
        for (int i = 0; i < n; i++) {
            ca[i] -= halfLogDet;
        }
        for (int k = 0; k < d; k++) {
            int row = k * n;
            for (int i = 0; i < n; i++) {
                ca[i] += 0.5 * za[row + i] * pt[row + i];
            }
        }
        if (a == b) {
            System.arraycopy(work.logK[a], 0, cb, 0, n);
            for (int k = 0; k < d; k++) {
                int row = k * n;
                for (int i = 0; i < n; i++) {
                    cb[i] += 0.5 * za[row + i] * pt[row + i];
                }
            }
        } else {
            double[] tzb = work.omegaT[p]; // scratch until overwritten below
            transform(t, zb, tzb);
            System.arraycopy(work.logK[b], 0, cb, 0, n);
            for (int k = 0; k < d; k++) {
                int row = k * n;
                for (int j = 0; j < n; j++) {
                    cb[j] += 0.5 * zb[row + j] * tzb[row + j];
                }
            }
        }
        if (!derivatives) {
            return;
        }
        double[] rt = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rt[i * d + j] = rInv.data[j * d + i];
            }
        }
        transform(rt, za, work.etaT[p]);
        if (a != b) {
            transform(rt, zb, work.omegaT[p]);
        }
        double[] rp = work.rtPsi[p];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                rp[i * d + j] = 0.5 * (rt[i * d + j] * psi[j] + rt[j * d + i] * psi[i]);
            }
        }
    }

    /** out = M z for each of the n columns of z (D x n, transposed layout); M is D x D. */
    private void transform(double[] mat, double[] z, double[] out) {
        Arrays.fill(out, 0);
        for (int k = 0; k < d; k++) {
            int rowOut = k * n;
            for (int l = 0; l < d; l++) {
                double coef = mat[k * d + l];
                int row = l * n;
                for (int i = 0; i < n; i++) {
                    out[rowOut + i] += coef * z[row + i];
                }
            }
        }
    }

    /** First row of piece {@code q} of {@link #PARTS}: equal row counts, or equal triangle areas for a = b. */
    private int partStart(int q, boolean triangle) {
        if (q <= 0) {
            return 0;
        }
        if (q >= PARTS) {
            return n;
        }
        return (int) Math.round(triangle ? n * Math.sqrt((double) q / PARTS) : (double) n * q / PARTS);
    }

    /**
     * One piece: rows [from, to) of the pair's P = w o Q, its sum and (with derivatives) the row sums r, column sums
     * c and P omega, reduced to the small sums the gradients need.
     */
    private void sweep(int part, boolean derivatives, Workspace work) {
        int p = part / PARTS;
        int q = part % PARTS;
        int a = work.pairA[p];
        int b = work.pairB[p];
        boolean diagonal = a == b;
        int from = partStart(q, diagonal);
        int to = partStart(q + 1, diagonal);
        double[] ej = work.ej[part];
        double[] pj = work.pj[part];
        double[] r = work.r[part];
        double[] c = work.c[part];
        double[] pOmega = work.pOmegaT[part];
        double[] pt = work.pT[p];
        double[] ca = work.ca[p];
        double[] cb = work.cb[p];
        double[] zb = work.zetaT[b];
        double[] omega = diagonal ? work.etaT[p] : work.omegaT[p];
        double[] betaA = beta[a];
        double[] betaB = beta[b];
        double[] kInv = kernelInverse[a];
        if (derivatives) {
            Arrays.fill(r, 0);
            Arrays.fill(c, 0);
            Arrays.fill(pOmega, 0);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            int len = diagonal ? i + 1 : n;
            System.arraycopy(cb, 0, ej, 0, len);
            for (int k = 0; k < d; k++) {
                double pk = pt[k * n + i];
                int row = k * n;
                for (int j = 0; j < len; j++) {
                    ej[j] += pk * zb[row + j];
                }
            }
            double base = ca[i];
            double ba = betaA[i];
            if (!diagonal) {
                double rowSum = 0;
                for (int j = 0; j < n; j++) {
                    double v = ba * betaB[j] * Math.exp(base + ej[j]);
                    pj[j] = v;
                    rowSum += v;
                }
                sum += rowSum;
                if (derivatives) {
                    r[i] = rowSum;
                    for (int j = 0; j < n; j++) {
                        c[j] += pj[j];
                    }
                    for (int k = 0; k < d; k++) {
                        int row = k * n;
                        double acc = 0;
                        for (int j = 0; j < n; j++) {
                            acc += pj[j] * omega[row + j];
                        }
                        pOmega[row + i] = acc;
                    }
                }
            } else {
                int kRow = i * n;
                double off = 0;
                for (int j = 0; j < i; j++) {
                    double v = (ba * betaB[j] - kInv[kRow + j]) * Math.exp(base + ej[j]);
                    pj[j] = v;
                    off += v;
                }
                double pii = (ba * ba - kInv[kRow + i]) * Math.exp(base + ej[i]);
                sum += 2 * off + pii;
                if (derivatives) {
                    r[i] += off + pii;
                    for (int j = 0; j < i; j++) {
                        r[j] += pj[j];
                    }
                    for (int k = 0; k < d; k++) {
                        int row = k * n;
                        double ei = omega[row + i];
                        double acc = pii * ei;
                        for (int j = 0; j < i; j++) {
                            acc += pj[j] * omega[row + j];
                            pOmega[row + j] += pj[j] * ei;
                        }
                        pOmega[row + i] += acc;
                    }
                }
            }
        }
        work.partSum[part] = sum;
        if (!derivatives) {
            return;
        }
        double[] eta = work.etaT[p];
        int lo = diagonal ? 0 : from;
        int hi = diagonal ? n : to;
        double[] rEta = work.rEta[part];
        double[] rEtaEta = work.rEtaEta[part];
        double[] cross = work.crossTerm[part];
        weightedMoments(r, eta, lo, hi, rEta, rEtaEta);
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < d; l++) {
                double acc = 0;
                int rk = k * n;
                int rl = l * n;
                for (int i = lo; i < hi; i++) {
                    acc += eta[rk + i] * pOmega[rl + i];
                }
                cross[k * d + l] = acc;
            }
        }
        if (!diagonal) {
            weightedMoments(c, omega, 0, n, work.cOmega[part], work.cOmegaOmega[part]);
        }
    }

    /** sum_i w_i z_i and sum_i w_i z_i z_i' over columns lo..hi-1 of z (D x n). */
    private void weightedMoments(double[] w, double[] z, int lo, int hi, double[] first, double[] second) {
        for (int k = 0; k < d; k++) {
            int rk = k * n;
            double acc = 0;
            for (int i = lo; i < hi; i++) {
                acc += w[i] * z[rk + i];
            }
            first[k] = acc;
            for (int l = 0; l <= k; l++) {
                int rl = l * n;
                double acc2 = 0;
                for (int i = lo; i < hi; i++) {
                    acc2 += w[i] * z[rk + i] * z[rl + i];
                }
                second[k * d + l] = acc2;
                second[l * d + k] = acc2;
            }
        }
    }

    /** Sigma_ab and its gradients from the pieces, in a fixed order. */
    private void combinePair(int p, boolean derivatives, Workspace work, MatchedMoments out) {
        int a = work.pairA[p];
        int b = work.pairB[p];
        boolean diagonal = a == b;
        double sumP = 0;
        for (int q = 0; q < PARTS; q++) {
            sumP += work.partSum[p * PARTS + q];
        }
        double second = sumP + (diagonal ? sf2[a] : 0);
        double c = second - out.mean[a] * out.mean[b];
        out.cov[a * e + b] = c;
        out.cov[b * e + a] = c;
        if (!derivatives) {
            return;
        }
        int dd = d * d;
        double[] dm = new double[d];
        double[] ds = new double[dd];
        for (int q = 0; q < PARTS; q++) {
            int part = p * PARTS + q;
            double[] rEta = work.rEta[part];
            double[] rEtaEta = work.rEtaEta[part];
            double[] cross = work.crossTerm[part];
            if (diagonal) {
                for (int k = 0; k < d; k++) {
                    dm[k] += 2 * rEta[k];
                }
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        ds[k * d + l] += rEtaEta[k * d + l] + 0.5 * (cross[k * d + l] + cross[l * d + k]);
                    }
                }
            } else {
                double[] cOmega = work.cOmega[part];
                double[] cOmegaOmega = work.cOmegaOmega[part];
                for (int k = 0; k < d; k++) {
                    dm[k] += rEta[k] + cOmega[k];
                }
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        ds[k * d + l] += 0.5 * (rEtaEta[k * d + l] + cOmegaOmega[k * d + l] + cross[k * d + l]
                                + cross[l * d + k]);
                    }
                }
            }
        }
        double[] rp = work.rtPsi[p];
        double ma = out.mean[a];
        double mb = out.mean[b];
        int mOffAB = (a * e + b) * d;
        int mOffBA = (b * e + a) * d;
        for (int k = 0; k < d; k++) {
            double g = dm[k] - mb * out.cross[k * e + a] - ma * out.cross[k * e + b];
            out.dCovDm[mOffAB + k] = g;
            out.dCovDm[mOffBA + k] = g;
        }
        int sOffAB = (a * e + b) * dd;
        int sOffBA = (b * e + a) * dd;
        for (int kl = 0; kl < dd; kl++) {
            double g = ds[kl] - 0.5 * sumP * rp[kl] - mb * out.dMeanDs[a * dd + kl] - ma * out.dMeanDs[b * dd + kl];
            out.dCovDs[sOffAB + kl] = g;
            out.dCovDs[sOffBA + kl] = g;
        }
    }
}
