package mbrllab.core.pilco;

/**
 * Exact moments of a Gaussian vector x ~ N(m, S) in R^D extended by the sine and cosine of one component, the
 * angle theta = x_j (pilco-matlab's gTrig for one angle): the mean and covariance of y = (x, sin theta, cos theta)
 * in R^(D+2). With mu = m_j, v = S_jj:
 * <pre>
 * E[sin]       = e^(-v/2) sin mu                              E[cos] = e^(-v/2) cos mu
 * Var[sin]     = 1/2 (1 - e^(-2v) cos 2mu) - E[sin]^2         Var[cos] = 1/2 (1 + e^(-2v) cos 2mu) - E[cos]^2
 * Cov[sin,cos] = 1/2 e^(-2v) sin 2mu - E[sin] E[cos]
 * Cov[x_k,sin] = S_kj E[cos]                                  Cov[x_k,cos] = -S_kj E[sin]     (Stein's lemma)
 * </pre>
 * Every moment is exact; y itself is not Gaussian, and PILCO treats it as one with these moments.
 *
 * <p>Keeps what {@link #backward} needs from the last {@link #forward}; one instance per use, not thread-safe.
 * Gradients with respect to a covariance are symmetric matrices (dphi = sum_kl G_kl dS_kl for symmetric dS).
 */
final class TrigAugmentation {

    private final int d;
    private final int angle;
    /** Mean of y, length D + 2: written by {@link #forward}. */
    final double[] mean;
    /** Covariance of y, (D+2) x (D+2) row-major: written by {@link #forward}. */
    final double[] cov;
    private final double[] sAngle;
    private double mu;
    private double meanSin;
    private double meanCos;
    private double decay2;

    /**
     * @param d     dimension D of x, >= 1
     * @param angle index j of the angle in x, in [0, D)
     */
    TrigAugmentation(int d, int angle) {
        if (d < 1 || angle < 0 || angle >= d) {
            throw new IllegalArgumentException("need D >= 1 and an angle index in [0, D), got D = " + d + ", angle "
                    + angle);
        }
        this.d = d;
        this.angle = angle;
        this.mean = new double[d + 2];
        this.cov = new double[(d + 2) * (d + 2)];
        this.sAngle = new double[d];
    }

    /**
     * The moments of y for x ~ N(m, S), into {@link #mean} and {@link #cov}.
     *
     * @param m length D; not modified
     * @param s D x D, symmetric; not modified
     */
    void forward(double[] m, double[] s) {
        int w = d + 2;
        mu = m[angle];
        double v = s[angle * d + angle];
        double decay = Math.exp(-0.5 * v);
        decay2 = Math.exp(-2 * v);
        meanSin = decay * Math.sin(mu);
        meanCos = decay * Math.cos(mu);
        double cos2 = Math.cos(2 * mu);
        double sin2 = Math.sin(2 * mu);
        System.arraycopy(m, 0, mean, 0, d);
        mean[d] = meanSin;
        mean[d + 1] = meanCos;
        for (int k = 0; k < d; k++) {
            System.arraycopy(s, k * d, cov, k * w, d);
            double skj = s[k * d + angle];
            sAngle[k] = skj;
            double cs = skj * meanCos;
            double cc = -skj * meanSin;
            cov[k * w + d] = cs;
            cov[d * w + k] = cs;
            cov[k * w + d + 1] = cc;
            cov[(d + 1) * w + k] = cc;
        }
        cov[d * w + d] = 0.5 * (1 - decay2 * cos2) - meanSin * meanSin;
        cov[(d + 1) * w + d + 1] = 0.5 * (1 + decay2 * cos2) - meanCos * meanCos;
        double sc = 0.5 * decay2 * sin2 - meanSin * meanCos;
        cov[d * w + d + 1] = sc;
        cov[(d + 1) * w + d] = sc;
    }

    /**
     * Adds the gradients with respect to m and S of a scalar phi, given its gradients with respect to the mean and
     * covariance of y from the last {@link #forward}.
     *
     * @param meanBar d phi / d E[y], length D + 2; not modified
     * @param covBar  d phi / d Cov[y], (D+2) x (D+2); not modified
     * @param mBar    length D; added to
     * @param sBar    D x D; the symmetric gradient is added to it
     */
    void backward(double[] meanBar, double[] covBar, double[] mBar, double[] sBar) {
        int w = d + 2;
        double barSin = meanBar[d];
        double barCos = meanBar[d + 1];
        for (int k = 0; k < d; k++) {
            mBar[k] += meanBar[k];
            for (int l = 0; l < d; l++) {
                sBar[k * d + l] += covBar[k * w + l];
            }
            double gs = covBar[k * w + d] + covBar[d * w + k];
            double gc = covBar[k * w + d + 1] + covBar[(d + 1) * w + k];
            // Cov[x_k, sin] = S_kj E[cos], Cov[x_k, cos] = -S_kj E[sin]
            double g = gs * meanCos - gc * meanSin;
            sBar[k * d + angle] += 0.5 * g;
            sBar[angle * d + k] += 0.5 * g;
            barCos += gs * sAngle[k];
            barSin -= gc * sAngle[k];
        }
        double vss = covBar[d * w + d];
        double vcc = covBar[(d + 1) * w + d + 1];
        double vsc = covBar[d * w + d + 1] + covBar[(d + 1) * w + d];
        double cos2 = Math.cos(2 * mu);
        double sin2 = Math.sin(2 * mu);
        double ss = meanSin * meanSin;
        double cc = meanCos * meanCos;
        double sc = meanSin * meanCos;
        double dMu = barSin * meanCos - barCos * meanSin
                + vss * (decay2 * sin2 - 2 * sc)
                + vcc * (-decay2 * sin2 + 2 * sc)
                + vsc * (decay2 * cos2 - (cc - ss));
        double dV = -0.5 * (barSin * meanSin + barCos * meanCos)
                + vss * (decay2 * cos2 + ss)
                + vcc * (-decay2 * cos2 + cc)
                + vsc * (-decay2 * sin2 + sc);
        mBar[angle] += dMu;
        sBar[angle * d + angle] += dV;
    }
}
