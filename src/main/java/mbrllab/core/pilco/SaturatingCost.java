package mbrllab.core.pilco;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import mbrllab.core.cartpole.CartPoleState;

/**
 * The expected saturating cost of a Gaussian cart-pole state (pilco-matlab's loss_cp with lossSat), and its
 * variance: c(s) = 1 - exp(-d^2 / (2 w^2)) with d the distance of the pole tip from its upright target,
 * <pre>
 * d^2 = (x + l sin theta)^2 + l^2 (1 + cos theta)^2 = (y - z)' Q (y - z),   y = (x, sin theta, cos theta),
 * z = (0, 0, -1),  Q = [[1, l, 0], [l, l^2, 0], [0, 0, l^2]]
 * </pre>
 * For s ~ N(m, S) the moments of y come from {@link TrigAugmentation} (exact); with y ~ N(mu, Sigma) of those
 * moments and W = Q / w^2 the expectations are exact Gaussian integrals:
 * <pre>
 * E[1 - c]   = |I + Sigma W|^-1/2 exp(-1/2 (mu - z)' W (I + Sigma W)^-1 (mu - z))
 * E[(1-c)^2] = |I + 2 Sigma W|^-1/2 exp(-(mu - z)' W (I + 2 Sigma W)^-1 (mu - z))
 * </pre>
 * so E[c] is exact for the Gaussian y that PILCO propagates, and equals c(m) when S = 0. Gradients of E[c]:
 * d/dmu = E1 W (I + Sigma W)^-1 (mu - z), d/dSigma = -1/2 E1 (iSpW (mu - z)(mu - z)' iSpW - iSpW) with
 * E1 = E[1 - c], iSpW = W (I + Sigma W)^-1 (symmetric).
 *
 * <p>Keeps the last forward pass for {@link #backward}; not thread-safe.
 */
final class SaturatingCost {

    private static final int[] PICK = {CartPoleState.X, 4, 5};

    private final double[] w = new double[9];
    private final TrigAugmentation trig = new TrigAugmentation(4, CartPoleState.THETA);
    private final double[] delta = new double[3];
    private final double[] iSpW = new double[9];
    private double e1;
    private double r2;
    private final double[] i2SpW = new double[9];
    /** E[c] and Var[c] (clamped at 0) from the last forward pass. */
    double mean;
    double variance;

    /**
     * @param poleLength l [m], > 0
     * @param width      w [m], > 0
     */
    SaturatingCost(double poleLength, double width) {
        if (!(poleLength > 0) || !(width > 0)) {
            throw new IllegalArgumentException("poleLength and width must be > 0, got " + poleLength + ", " + width);
        }
        double w2 = width * width;
        double l = poleLength;
        double[] q = {1, l, 0, l, l * l, 0, 0, 0, l * l};
        for (int i = 0; i < 9; i++) {
            w[i] = q[i] / w2;
        }
    }

    /**
     * E[c] and Var[c] for s ~ N(m, S).
     *
     * @param m {x, x', theta, theta'}; not modified
     * @param s 4 x 4 covariance; not modified
     */
    void forward(double[] m, double[] s) {
        trig.forward(m, s);
        double[] mu = {trig.mean[PICK[0]], trig.mean[PICK[1]], trig.mean[PICK[2]]};
        double[] sigma = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sigma[i * 3 + j] = trig.cov[PICK[i] * 6 + PICK[j]];
            }
        }
        delta[0] = mu[0];
        delta[1] = mu[1];
        delta[2] = mu[2] + 1;
        double det1 = inverseTimesW(sigma, 1, iSpW);
        double det2 = inverseTimesW(sigma, 2, i2SpW);
        e1 = Math.exp(-0.5 * quadratic(iSpW, delta)) / Math.sqrt(det1);
        r2 = Math.exp(-quadratic(i2SpW, delta)) / Math.sqrt(det2);
        mean = 1 - e1;
        variance = Math.max(0, r2 - e1 * e1);
    }

    /**
     * Adds the gradients of costBar * E[c] with respect to m and S at the last forward pass.
     *
     * @param mBar length 4; added to
     * @param sBar 4 x 4; the symmetric gradient is added
     */
    void backward(double costBar, double[] mBar, double[] sBar) {
        backward(costBar, 0, mBar, sBar);
    }

    /** E[c] + b sqrt(Var[c]) (pilco-matlab's cost.expl = b) at the last forward pass; E[c] when Var[c] < 1e-12. */
    double explored(double b) {
        return b != 0 && variance > 1e-12 ? mean + b * Math.sqrt(variance) : mean;
    }

    /**
     * Adds the gradients of costBar * (E[c] + b sqrt(Var[c])) with respect to m and S at the last forward pass.
     * With r2 = E[(1-c)^2], which is E1 for 2 W: Var = r2 - E1^2, d r2/dmu = -r2 g2 and
     * d r2/dSigma = 1/2 r2 (g2 g2' - iS2pW2), with iS2pW2 = 2 W (I + 2 Sigma W)^-1 and g2 = iS2pW2 (mu - z).
     */
    void backward(double costBar, double b, double[] mBar, double[] sBar) {
        double[] g = new double[3];
        double[] g2 = new double[3];
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            double sum2 = 0;
            for (int j = 0; j < 3; j++) {
                sum += iSpW[i * 3 + j] * delta[j];
                sum2 += 2 * i2SpW[i * 3 + j] * delta[j];
            }
            g[i] = sum;
            g2[i] = sum2;
        }
        // d(b sd)/dVar = b / (2 sd)
        double k = b != 0 && variance > 1e-12 ? costBar * b / (2 * Math.sqrt(variance)) : 0;
        double[] meanBar = new double[6];
        double[] covBar = new double[36];
        for (int i = 0; i < 3; i++) {
            // dVar/dmu = -r2 g2 + 2 E1^2 g
            meanBar[PICK[i]] += costBar * e1 * g[i] + k * (-r2 * g2[i] + 2 * e1 * e1 * g[i]);
            for (int j = 0; j < 3; j++) {
                // dVar/dSigma = 1/2 r2 (g2 g2' - iS2pW2) - E1^2 (g g' - iSpW)
                covBar[PICK[i] * 6 + PICK[j]] += costBar * -0.5 * e1 * (g[i] * g[j] - iSpW[i * 3 + j])
                        + k * (0.5 * r2 * (g2[i] * g2[j] - 2 * i2SpW[i * 3 + j])
                        - e1 * e1 * (g[i] * g[j] - iSpW[i * 3 + j]));
            }
        }
        trig.backward(meanBar, covBar, mBar, sBar);
    }

    /** out = W (I + k Sigma W)^-1, symmetrised; returns |I + k Sigma W|. */
    private double inverseTimesW(double[] sigma, double k, double[] out) {
        DMatrixRMaj b = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int l = 0; l < 3; l++) {
                    sum += sigma[i * 3 + l] * w[l * 3 + j];
                }
                b.data[i * 3 + j] = k * sum + (i == j ? 1 : 0);
            }
        }
        double det = CommonOps_DDRM.det(b);
        DMatrixRMaj inv = new DMatrixRMaj(3, 3);
        if (!(det > 0) || !CommonOps_DDRM.invert(b, inv)) {
            throw new IllegalArgumentException("the state covariance is not positive semi-definite");
        }
        double[] prod = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int l = 0; l < 3; l++) {
                    sum += w[i * 3 + l] * inv.data[l * 3 + j];
                }
                prod[i * 3 + j] = sum;
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i * 3 + j] = 0.5 * (prod[i * 3 + j] + prod[j * 3 + i]);
            }
        }
        return det;
    }

    private static double quadratic(double[] mat, double[] v) {
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                sum += v[i] * mat[i * 3 + j] * v[j];
            }
        }
        return sum;
    }
}
