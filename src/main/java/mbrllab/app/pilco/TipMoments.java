package mbrllab.app.pilco;

/**
 * The mean and covariance of the pole tip p = (x + l sin(theta), -l cos(theta)) when (x, theta) is Gaussian, exact
 * (the moments of sin and cos of a Gaussian angle, as PILCO's trigonometric augmentation uses them):
 * <pre>
 * E[sin th] = e^{-v/2} sin mu          E[cos th] = e^{-v/2} cos mu
 * E[sin^2 th] = (1 - e^{-2v} cos 2mu)/2   E[cos^2 th] = (1 + e^{-2v} cos 2mu)/2
 * E[sin th cos th] = e^{-2v} sin 2mu / 2
 * Cov(x, sin th) = Cov(x, th) E[cos th]   Cov(x, cos th) = -Cov(x, th) E[sin th]
 * </pre>
 * with mu, v the mean and variance of theta. The lab draws the tip's 2-sigma ellipse from them.
 */
final class TipMoments {

    /** Mean (px, py) and covariance [[sxx, sxy], [sxy, syy]] of the tip [m], y up from the track. */
    record Tip(double px, double py, double sxx, double sxy, double syy) {

        /**
         * The half-axes and the angle of the 2-sigma ellipse: {a, b, phi} with a &gt;= b the half-axes [m] and phi
         * the angle of a from the x-axis [rad].
         */
        double[] ellipse2Sigma() {
            double tr = sxx + syy;
            double det = sxx * syy - sxy * sxy;
            double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
            double l1 = Math.max(0, tr / 2 + disc);
            double l2 = Math.max(0, tr / 2 - disc);
            double phi = 0.5 * Math.atan2(2 * sxy, sxx - syy);
            return new double[] {2 * Math.sqrt(l1), 2 * Math.sqrt(l2), phi};
        }
    }

    private TipMoments() {
    }

    /**
     * @param mx  E[x]
     * @param mth E[theta] (0 hanging, pi upright)
     * @param vx  Var[x]
     * @param vth Var[theta]
     * @param cxt Cov(x, theta)
     * @param l   the pole length [m]
     */
    static Tip of(double mx, double mth, double vx, double vth, double cxt, double l) {
        double e1 = Math.exp(-vth / 2);
        double e2 = Math.exp(-2 * vth);
        double es = e1 * Math.sin(mth);
        double ec = e1 * Math.cos(mth);
        double ess = (1 - e2 * Math.cos(2 * mth)) / 2;
        double ecc = (1 + e2 * Math.cos(2 * mth)) / 2;
        double esc = e2 * Math.sin(2 * mth) / 2;
        double varSin = ess - es * es;
        double varCos = ecc - ec * ec;
        double covSinCos = esc - es * ec;
        double covXSin = cxt * ec;
        double covXCos = -cxt * es;
        double px = mx + l * es;
        double py = -l * ec;
        double sxx = vx + 2 * l * covXSin + l * l * varSin;
        double sxy = -l * covXCos - l * l * covSinCos;
        double syy = l * l * varCos;
        return new Tip(px, py, sxx, sxy, syy);
    }
}
