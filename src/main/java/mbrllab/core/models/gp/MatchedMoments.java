package mbrllab.core.models.gp;

/**
 * One moment-matching prediction through the GPs of a {@link MomentMatching}, kept for backpropagation: the moments
 * of f(x) for x ~ N(m, S) and, when asked for, their partial derivatives with respect to m and S (PILCO's policy
 * gradient runs backwards through a chain of these). Filled by
 * {@link MomentMatching#propagate(double[], double[], boolean, boolean, java.util.concurrent.Executor,
 * MomentMatching.Workspace, MatchedMoments)}; one instance is reused step after step.
 *
 * <p>Outputs (E GPs, input dimension D):
 * <pre>
 * mu_a           = E[f_a]                                 (mean, length E)
 * Sigma_ab       = Cov[f_a, f_b]                          (covariance, E x E; zero when not propagated)
 * V_a            = S^-1 Cov[x, f_a]                       (crossFactor, D x E, column a; PILCO's "C")
 * </pre>
 * V is what a caller needs for the covariance of f with any variable y jointly Gaussian with x:
 * Cov[y, f_a] = Cov[y, x] V_a, without inverting S (which may be singular). By Stein's lemma V_a = d mu_a / dm.
 *
 * <p>Derivatives (A_a = (S + Lambda_a)^-1, t_ai = A_a (x_i - m), l_ai = beta_ai q_ai, q as in {@link MomentMatching}):
 * <pre>
 * d mu_a / dm        = V_a = sum_i l_ai t_ai
 * d mu_a / dS        = 1/2 sum_i l_ai t_ai t_ai' - 1/2 mu_a A_a
 * d V_a / dm         = sum_i l_ai t_ai t_ai' - mu_a A_a
 * d V_a,d / dS_kl    = 1/2 sum_i l_ai t_ai,d t_ai,k t_ai,l - 1/2 A_kl V_d - 1/2 (A_dk V_l + A_dl V_k)
 * </pre>
 * and for E[f_a f_b] = sum_ij w_ij Q_ij (+ sf2_a if a = b), w_ij = beta_ai beta_bj - [a = b] (K_a^-1)_ij, with
 * R = S Psi + I, Psi = Lambda_a^-1 + Lambda_b^-1, and
 * y_ij = R^-T (Lambda_a^-1 nu_i + Lambda_b^-1 nu_j) = eta_i + omega_j:
 * <pre>
 * d log Q_ij / dm    = y_ij
 * d log Q_ij / dS    = 1/2 y_ij y_ij' - 1/2 R^-T Psi
 * </pre>
 * so with P = w o Q, its row sums r and column sums c, the gradients are sum_i r_i eta_i + sum_j c_j omega_j and
 * 1/2 (H' diag(r) H + W' diag(c) W + H' P W + W' P' H) - 1/2 (sum P) R^-T Psi (H, W: the eta and omega as rows);
 * only P W costs n^2 D, done in the same sweep over the n^2 entries that computes Q, so the derivatives add no
 * exponentials. Then Sigma_ab = E[f_a f_b] - mu_a mu_b.
 *
 * <p>Gradients with respect to a covariance are symmetric matrices G with dphi = sum_kl G_kl dS_kl for symmetric dS.
 */
public final class MatchedMoments {

    final int d;
    final int e;
    final double[] mean;
    final double[] cov;
    final double[] cross;
    /** E x D x D. */
    final double[] dMeanDs;
    /** E x D x D: [a][dd][k] = d V_dd,a / dm_k. */
    final double[] dCrossDm;
    /** E x D x D x D: [a][dd][k][l] = d V_dd,a / dS_kl. */
    final double[] dCrossDs;
    /** E x E x D: d Sigma_ab / dm (both orders filled). */
    final double[] dCovDm;
    /** E x E x D x D: d Sigma_ab / dS. */
    final double[] dCovDs;
    boolean hasCovariance;
    boolean hasDerivatives;

    /**
     * Empty moments for E outputs of input dimension D.
     *
     * @param inputDim  D >= 1
     * @param outputDim E >= 1
     */
    public MatchedMoments(int inputDim, int outputDim) {
        if (inputDim < 1 || outputDim < 1) {
            throw new IllegalArgumentException("inputDim and outputDim must be >= 1, got " + inputDim + " and "
                    + outputDim);
        }
        this.d = inputDim;
        this.e = outputDim;
        this.mean = new double[e];
        this.cov = new double[e * e];
        this.cross = new double[d * e];
        this.dMeanDs = new double[e * d * d];
        this.dCrossDm = new double[e * d * d];
        this.dCrossDs = new double[e * d * d * d];
        this.dCovDm = new double[e * e * d];
        this.dCovDs = new double[e * e * d * d];
    }

    /** Input dimension D. */
    public int inputDim() {
        return d;
    }

    /** Number of outputs E. */
    public int outputDim() {
        return e;
    }

    /** mu_a = E[f_a]. */
    public double mean(int a) {
        return mean[a];
    }

    /** Sigma_ab = Cov[f_a, f_b] (0 when the covariance was not propagated). */
    public double covariance(int a, int b) {
        return cov[a * e + b];
    }

    /** V_ia = (S^-1 Cov[x, f])_ia. */
    public double crossFactor(int i, int a) {
        return cross[i * e + a];
    }

    /** Whether Sigma was computed (otherwise it is zero and has no derivatives). */
    public boolean hasCovariance() {
        return hasCovariance;
    }

    /** Whether the partial derivatives were computed. */
    public boolean hasDerivatives() {
        return hasDerivatives;
    }

    /**
     * The chain rule backwards: for a scalar phi whose gradients with respect to the outputs are given, adds its
     * gradients with respect to m and S.
     *
     * @param meanBar  d phi / d mu, length E; not modified
     * @param covBar   d phi / d Sigma, E x E (symmetric convention; ignored without covariance); not modified
     * @param crossBar d phi / d V, D x E; not modified
     * @param mBar     length D; the gradient with respect to m is added (modified)
     * @param sBar     D x D; the symmetric gradient with respect to S is added (modified)
     * @throws IllegalStateException if the derivatives were not computed
     */
    public void backward(double[] meanBar, double[] covBar, double[] crossBar, double[] mBar, double[] sBar) {
        if (!hasDerivatives) {
            throw new IllegalStateException("these moments were computed without derivatives");
        }
        int dd = d * d;
        for (int a = 0; a < e; a++) {
            double mb = meanBar[a];
            // d mu_a / dm = V_a
            for (int k = 0; k < d; k++) {
                mBar[k] += mb * cross[k * e + a];
            }
            int sOff = a * dd;
            for (int kl = 0; kl < dd; kl++) {
                sBar[kl] += mb * dMeanDs[sOff + kl];
            }
            for (int r = 0; r < d; r++) {
                double vb = crossBar[r * e + a];
                if (vb == 0) {
                    continue;
                }
                int mOff = a * dd + r * d;
                for (int k = 0; k < d; k++) {
                    mBar[k] += vb * dCrossDm[mOff + k];
                }
                int off = (a * d + r) * dd;
                for (int kl = 0; kl < dd; kl++) {
                    sBar[kl] += vb * dCrossDs[off + kl];
                }
            }
        }
        if (!hasCovariance) {
            return;
        }
        for (int a = 0; a < e; a++) {
            for (int b = 0; b < e; b++) {
                double cb = covBar[a * e + b];
                if (cb == 0) {
                    continue;
                }
                int mOff = (a * e + b) * d;
                for (int k = 0; k < d; k++) {
                    mBar[k] += cb * dCovDm[mOff + k];
                }
                int sOff = (a * e + b) * dd;
                for (int kl = 0; kl < dd; kl++) {
                    sBar[kl] += cb * dCovDs[sOff + kl];
                }
            }
        }
    }
}
