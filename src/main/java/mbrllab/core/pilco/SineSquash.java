package mbrllab.core.pilco;

/**
 * The squashing of PILCO's policy (pilco-matlab's gSat): u = umax (9 sin z + sin 3z) / 8, which maps R onto
 * [-umax, umax] smoothly (its extremes +-umax at z = +-pi/2), with exact moments for z ~ N(mu, v):
 * <pre>
 * E[u]      = umax/8 (9 e^(-v/2) sin mu + e^(-9v/2) sin 3mu)
 * E[u^2]    = umax^2/64 (41 - 31.5 e^(-2v) cos 2mu - 9 e^(-8v) cos 4mu - 1/2 e^(-18v) cos 6mu)
 * kappa     = Cov[z, u] / v = E[du/dz] = umax/8 (9 e^(-v/2) cos mu + 3 e^(-9v/2) cos 3mu)
 * </pre>
 * (from E[sin kz] = e^(-k^2 v/2) sin k mu, E[cos kz] likewise, and products of sines turned into cosines). For a
 * variable y jointly Gaussian with z, Cov[y, u] = Cov[y, z] kappa.
 *
 * <p>Keeps the last input for {@link #backward}; not thread-safe.
 */
final class SineSquash {

    private final double umax;
    private double mu;
    private double v;
    /** E[u], Var[u] and kappa from the last {@link #forward}. */
    double mean;
    double variance;
    double kappa;

    /** @param umax the largest |u|, > 0 */
    SineSquash(double umax) {
        if (!(umax > 0) || Double.isInfinite(umax)) {
            throw new IllegalArgumentException("umax must be finite and > 0, got " + umax);
        }
        this.umax = umax;
    }

    /** u(z) for a known z. */
    static double squash(double umax, double z) {
        return umax * (9 * Math.sin(z) + Math.sin(3 * z)) / 8;
    }

    /** The moments of u for z ~ N(mu, v), v >= 0. */
    void forward(double mu, double v) {
        this.mu = mu;
        this.v = v;
        double a1 = Math.exp(-0.5 * v);
        double a9 = Math.exp(-4.5 * v);
        double c = umax / 8;
        mean = c * (9 * a1 * Math.sin(mu) + a9 * Math.sin(3 * mu));
        kappa = c * (9 * a1 * Math.cos(mu) + 3 * a9 * Math.cos(3 * mu));
        variance = secondMoment() - mean * mean;
    }

    private double secondMoment() {
        double c2 = umax * umax / 64;
        return c2 * (41 - 31.5 * Math.exp(-2 * v) * Math.cos(2 * mu) - 9 * Math.exp(-8 * v) * Math.cos(4 * mu)
                - 0.5 * Math.exp(-18 * v) * Math.cos(6 * mu));
    }

    /**
     * The gradients with respect to (mu, v) of a scalar phi with the given gradients with respect to E[u], Var[u]
     * and kappa, at the last input.
     *
     * @return {d phi / d mu, d phi / d v}
     */
    double[] backward(double meanBar, double varianceBar, double kappaBar) {
        double a1 = Math.exp(-0.5 * v);
        double a9 = Math.exp(-4.5 * v);
        double c = umax / 8;
        double c2 = umax * umax / 64;
        double s1 = Math.sin(mu);
        double s3 = Math.sin(3 * mu);
        double k1 = Math.cos(mu);
        double k3 = Math.cos(3 * mu);
        double dMeanDmu = kappa;
        double dMeanDv = c * (-4.5 * a1 * s1 - 4.5 * a9 * s3);
        double b2 = Math.exp(-2 * v);
        double b8 = Math.exp(-8 * v);
        double b18 = Math.exp(-18 * v);
        double dSecondDmu = c2 * (63 * b2 * Math.sin(2 * mu) + 36 * b8 * Math.sin(4 * mu) + 3 * b18 * Math.sin(6 * mu));
        double dSecondDv = c2 * (63 * b2 * Math.cos(2 * mu) + 72 * b8 * Math.cos(4 * mu) + 9 * b18 * Math.cos(6 * mu));
        double dKappaDmu = c * (-9 * a1 * s1 - 9 * a9 * s3);
        double dKappaDv = c * (-4.5 * a1 * k1 - 13.5 * a9 * k3);
        double meanTotal = meanBar - 2 * mean * varianceBar;
        return new double[] {
            meanTotal * dMeanDmu + varianceBar * dSecondDmu + kappaBar * dKappaDmu,
            meanTotal * dMeanDv + varianceBar * dSecondDv + kappaBar * dKappaDv,
        };
    }
}
