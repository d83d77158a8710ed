package mbrllab.core.pilco;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Exact moments of the RBF network pi(z) of an {@link RbfPolicy} (before squashing) for Gaussian features
 * z ~ N(m, S), with the chain rule backwards to m, S and the policy parameters (pilco-matlab's gp2d for a
 * deterministic GP mean, through congp's pseudo-targets: w = (K_cc + sigma^2 I)^-1 t).
 *
 * <p>Everything is computed in coordinates scaled by the length-scales, z~ = Lambda^-1/2 z, where the basis
 * functions have unit length-scales: m~ = iL m, S~ = iL S iL, c~_i = iL c_i, nu_i = c~_i - m~. Then
 * <pre>
 * B = S~ + I,  t_i = B^-1 nu_i,  q_i = |B|^-1/2 exp(-1/2 nu_i' t_i)
 * E[pi]      = sum_i w_i q_i
 * V          = S^-1 Cov[z, pi] = iL sum_i w_i q_i t_i
 * E[pi^2]    = sum_ij w_i w_j Q_ij,  Q_ij = |R|^-1/2 exp(-1/2 |nu_i|^2 - 1/2 |nu_j|^2 + 1/2 z_ij' T z_ij)
 *              R = 2 S~ + I,  T = R^-1 S~,  z_ij = nu_i + nu_j
 * Var[pi]    = E[pi^2] - E[pi]^2
 * </pre>
 * The weights' gradient goes on to the pseudo-targets and the centres: tbar = (K + sigma^2 I)^-1 wbar and
 * Kbar = -tbar w', with dK_ij / dc~_i = -K_ij (c~_i - c~_j). The log length-scales enter only through the scaling, so
 * their gradient is d/dlog l_k = -(m~_k m~bar_k + sum_i c~_ik c~bar_ik + 2 sum_l S~_kl S~bar_kl) - V_k Vbar_k.
 *
 * <p>Keeps the last forward pass for {@link #backward}; not thread-safe. K^2 work, negligible next to the dynamics.
 */
final class PolicyMoments {

    private static final int P = RbfPolicy.FEATURES;

    private final int centres;
    private double[] theta;
    private final double[] iL = new double[P];
    private final double[] mt = new double[P];
    private final double[] st = new double[P * P];
    private final double[] nu;
    private final double[] t;
    private final double[] q;
    private final double[] a = new double[P * P];
    private final double[] rInv = new double[P * P];
    private final double[] tMat = new double[P * P];
    private final double[] qq;
    private final double[] vt = new double[P];
    private double[] weights;
    private final double[] kInv;
    private final double[] kCentres;
    /** E[pi], Var[pi], E[pi^2] and V = S^-1 Cov[z, pi] from the last forward pass. */
    double mean;
    double variance;
    double second;
    final double[] cross = new double[P];

    PolicyMoments(int centres) {
        this.centres = centres;
        this.nu = new double[centres * P];
        this.t = new double[centres * P];
        this.q = new double[centres];
        this.qq = new double[centres * centres];
        this.kInv = new double[centres * centres];
        this.kCentres = new double[centres * centres];
    }

    /**
     * The moments of pi(z) for z ~ N(m, S) under parameters theta.
     *
     * @param theta the policy parameters ({@link RbfPolicy} layout); kept by reference until the next call
     * @param m     length 5; not modified
     * @param s     5 x 5, symmetric positive semi-definite; not modified
     */
    void forward(double[] theta, double[] m, double[] s) {
        this.theta = theta;
        int lOff = RbfPolicy.lengthScaleOffset(centres);
        DMatrixRMaj kMat = RbfPolicy.centreKernel(theta, centres);
        System.arraycopy(kMat.data, 0, kCentres, 0, kCentres.length);
        DMatrixRMaj kInverse = new DMatrixRMaj(centres, centres);
        org.ejml.interfaces.linsol.LinearSolverDense<DMatrixRMaj> chol =
                org.ejml.dense.row.factory.LinearSolverFactory_DDRM.chol(centres);
        if (!chol.setA(kMat)) {
            throw new IllegalArgumentException("the centres' kernel matrix is not positive definite");
        }
        chol.invert(kInverse);
        System.arraycopy(kInverse.data, 0, kInv, 0, kInv.length);
        weights = new double[centres];
        int tOff = RbfPolicy.targetOffset(centres);
        for (int i = 0; i < centres; i++) {
            double sum = 0;
            for (int j = 0; j < centres; j++) {
                sum += kInv[i * centres + j] * theta[tOff + j];
            }
            weights[i] = sum;
        }
        for (int k = 0; k < P; k++) {
            iL[k] = Math.exp(-theta[lOff + k]);
            mt[k] = iL[k] * m[k];
        }
        for (int k = 0; k < P; k++) {
            for (int l = 0; l < P; l++) {
                st[k * P + l] = iL[k] * 0.5 * (s[k * P + l] + s[l * P + k]) * iL[l];
            }
        }
        DMatrixRMaj b = new DMatrixRMaj(P, P);
        DMatrixRMaj r = new DMatrixRMaj(P, P);
        for (int k = 0; k < P; k++) {
            for (int l = 0; l < P; l++) {
                b.data[k * P + l] = st[k * P + l] + (k == l ? 1 : 0);
                r.data[k * P + l] = 2 * st[k * P + l] + (k == l ? 1 : 0);
            }
        }
        double detB = CommonOps_DDRM.det(b);
        double detR = CommonOps_DDRM.det(r);
        DMatrixRMaj inv = new DMatrixRMaj(P, P);
        if (!(detB > 0) || !CommonOps_DDRM.invert(b, inv)) {
            throw new IllegalArgumentException("S is not a covariance matrix (S~ + I is singular)");
        }
        symmetrised(inv.data, a);
        if (!(detR > 0) || !CommonOps_DDRM.invert(r, inv)) {
            throw new IllegalArgumentException("S is not a covariance matrix (2 S~ + I is singular)");
        }
        symmetrised(inv.data, rInv);
        for (int k = 0; k < P; k++) {
            for (int l = 0; l < P; l++) {
                double sum = 0;
                for (int j = 0; j < P; j++) {
                    sum += rInv[k * P + j] * st[j * P + l];
                }
                tMat[k * P + l] = sum;
            }
        }
        symmetrised(tMat.clone(), tMat);
        double normB = 1 / Math.sqrt(detB);
        mean = 0;
        java.util.Arrays.fill(vt, 0);
        for (int i = 0; i < centres; i++) {
            double quad = 0;
            for (int k = 0; k < P; k++) {
                nu[i * P + k] = iL[k] * theta[i * P + k] - mt[k];
            }
            for (int k = 0; k < P; k++) {
                double sum = 0;
                for (int l = 0; l < P; l++) {
                    sum += a[k * P + l] * nu[i * P + l];
                }
                t[i * P + k] = sum;
                quad += nu[i * P + k] * sum;
            }
            q[i] = normB * Math.exp(-0.5 * quad);
            double g = weights[i] * q[i];
            mean += g;
            for (int k = 0; k < P; k++) {
                vt[k] += g * t[i * P + k];
            }
        }
        for (int k = 0; k < P; k++) {
            cross[k] = iL[k] * vt[k];
        }
        double normR = 1 / Math.sqrt(detR);
        second = 0;
        double[] z = new double[P];
        for (int i = 0; i < centres; i++) {
            for (int j = 0; j <= i; j++) {
                double e = 0;
                for (int k = 0; k < P; k++) {
                    double ni = nu[i * P + k];
                    double nj = nu[j * P + k];
                    e -= 0.5 * (ni * ni + nj * nj);
                    z[k] = ni + nj;
                }
                e += 0.5 * quadratic(tMat, z);
                double v = normR * Math.exp(e);
                qq[i * centres + j] = v;
                qq[j * centres + i] = v;
                double p = weights[i] * weights[j] * v;
                second += i == j ? p : 2 * p;
            }
        }
        variance = second - mean * mean;
    }

    /**
     * Adds the gradients of a scalar phi with respect to m, S and theta, given its gradients with respect to E[pi],
     * Var[pi] and V, at the last forward pass.
     *
     * @param crossBar d phi / d V, length 5; not modified
     * @param mBar     length 5; added to
     * @param sBar     5 x 5; the symmetric gradient is added
     * @param thetaBar the parameters' layout; added to
     */
    void backward(double meanBar, double varianceBar, double[] crossBar, double[] mBar, double[] sBar,
                  double[] thetaBar) {
        int lOff = RbfPolicy.lengthScaleOffset(centres);
        int tOff = RbfPolicy.targetOffset(centres);
        double[] wBar = new double[centres];
        double[] mtBar = new double[P];
        double[] stBar = new double[P * P];
        double[] ctBar = new double[centres * P];
        double[] vtBar = new double[P];
        for (int k = 0; k < P; k++) {
            vtBar[k] = iL[k] * crossBar[k];
            thetaBar[lOff + k] -= cross[k] * crossBar[k];
        }
        double mu = meanBar - 2 * mean * varianceBar;
        // E[pi] and V~ = sum_i g_i t_i
        double[] av = new double[P];
        for (int k = 0; k < P; k++) {
            double sum = 0;
            for (int l = 0; l < P; l++) {
                sum += a[k * P + l] * vtBar[l];
            }
            av[k] = sum;
        }
        for (int k = 0; k < P; k++) {
            mtBar[k] += mu * vt[k];
            for (int l = 0; l < P; l++) {
                stBar[k * P + l] -= 0.5 * mu * mean * a[k * P + l];
            }
        }
        for (int i = 0; i < centres; i++) {
            double w = weights[i];
            double g = w * q[i];
            double si = 0;
            for (int k = 0; k < P; k++) {
                si += t[i * P + k] * vtBar[k];
            }
            wBar[i] += q[i] * (mu + si);
            for (int k = 0; k < P; k++) {
                double tk = t[i * P + k];
                double dv = g * (tk * si - av[k]);
                mtBar[k] += dv;
                ctBar[i * P + k] += -mu * g * tk - dv;
                for (int l = 0; l < P; l++) {
                    double tl = t[i * P + l];
                    stBar[k * P + l] += 0.5 * mu * g * tk * tl
                            + g * (0.5 * si * tk * tl - 0.5 * si * a[k * P + l] - 0.5 * (av[k] * tl + tk * av[l]));
                }
            }
        }
        // E[pi^2] = sum_ij P_ij, P_ij = w_i w_j Q_ij
        if (varianceBar != 0) {
            double vb = varianceBar;
            double[] z = new double[P];
            double[] y = new double[P];
            double[] tz = new double[P];
            for (int i = 0; i < centres; i++) {
                double wi = weights[i];
                double rowW = 0;
                for (int j = 0; j < centres; j++) {
                    double wj = weights[j];
                    double qij = qq[i * centres + j];
                    rowW += wj * qij;
                    double p = wi * wj * qij;
                    for (int k = 0; k < P; k++) {
                        z[k] = nu[i * P + k] + nu[j * P + k];
                    }
                    multiply(rInv, z, y);
                    multiply(tMat, z, tz);
                    for (int k = 0; k < P; k++) {
                        mtBar[k] += vb * p * y[k];
                        // d log Q_ij / d nu_i = -nu_i + T z_ij; the (j, i) term adds as much again (Q is symmetric)
                        ctBar[i * P + k] += vb * 2 * p * (-nu[i * P + k] + tz[k]);
                        for (int l = 0; l < P; l++) {
                            stBar[k * P + l] += vb * 0.5 * p * y[k] * y[l];
                        }
                    }
                }
                wBar[i] += vb * 2 * rowW;
            }
            for (int k = 0; k < P; k++) {
                for (int l = 0; l < P; l++) {
                    stBar[k * P + l] -= vb * second * rInv[k * P + l];
                }
            }
        }
        // w = K^-1 t: tbar = K^-1 wbar; Kbar = -tbar w'; dK_ij / dc~_i = -K_ij (c~_i - c~_j)
        double[] tBar = new double[centres];
        for (int i = 0; i < centres; i++) {
            double sum = 0;
            for (int j = 0; j < centres; j++) {
                sum += kInv[i * centres + j] * wBar[j];
            }
            tBar[i] = sum;
            thetaBar[tOff + i] += sum;
        }
        for (int i = 0; i < centres; i++) {
            for (int j = 0; j < centres; j++) {
                if (i == j) {
                    continue;
                }
                double g = -(tBar[i] * weights[j] + tBar[j] * weights[i]) * kCentres[i * centres + j];
                for (int k = 0; k < P; k++) {
                    double diff = iL[k] * (theta[i * P + k] - theta[j * P + k]);
                    ctBar[i * P + k] -= g * diff;
                }
            }
        }
        // back from the scaled coordinates
        for (int k = 0; k < P; k++) {
            mBar[k] += iL[k] * mtBar[k];
            double lb = mt[k] * mtBar[k];
            for (int i = 0; i < centres; i++) {
                thetaBar[i * P + k] += iL[k] * ctBar[i * P + k];
                lb += iL[k] * theta[i * P + k] * ctBar[i * P + k];
            }
            for (int l = 0; l < P; l++) {
                double g = 0.5 * (stBar[k * P + l] + stBar[l * P + k]);
                sBar[k * P + l] += iL[k] * g * iL[l];
                lb += 2 * st[k * P + l] * g;
            }
            thetaBar[lOff + k] -= lb;
        }
    }

    private static double quadratic(double[] mat, double[] z) {
        double sum = 0;
        for (int k = 0; k < P; k++) {
            double row = 0;
            for (int l = 0; l < P; l++) {
                row += mat[k * P + l] * z[l];
            }
            sum += z[k] * row;
        }
        return sum;
    }

    private static void multiply(double[] mat, double[] z, double[] out) {
        for (int k = 0; k < P; k++) {
            double row = 0;
            for (int l = 0; l < P; l++) {
                row += mat[k * P + l] * z[l];
            }
            out[k] = row;
        }
    }

    private static void symmetrised(double[] in, double[] out) {
        for (int k = 0; k < P; k++) {
            for (int l = 0; l < P; l++) {
                out[k * P + l] = 0.5 * (in[k * P + l] + in[l * P + k]);
            }
        }
    }
}
