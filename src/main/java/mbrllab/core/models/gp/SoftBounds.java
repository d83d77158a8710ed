package mbrllab.core.models.gp;

/**
 * Soft limits on the GP hyperparameters that keep the marginal-likelihood fit away from degenerate
 * optima (a noise variance that collapses to zero, a length-scale that runs to infinity), in the manner
 * of PILCO's {@code hypCurb}. Each limit is a steep penalty (u / log ratio)^30 on a log-deviation u,
 * about 0 inside the allowed band and growing by a factor 10^5 or so at 1.5 times its edge:
 * <pre>
 * length-scales:   |log l_j - log s_j|           &lt;= log lengthScaleRatio      (s_j: std of input j in the data)
 * signal:          |log sigma_f - log s_y|       &lt;= log signalRatio           (s_y: root mean square of y)
 * signal / noise:  |log sigma_f - log sigma_n|   &lt;= log maxSignalToNoise
 * </pre>
 *
 * @param lengthScaleRatio  allowed factor between a length-scale and its input's spread, > 1
 * @param signalRatio       allowed factor between sigma_f and the targets' scale, > 1
 * @param maxSignalToNoise  largest sigma_f / sigma_n (and largest sigma_n / sigma_f), > 1
 */
public record SoftBounds(double lengthScaleRatio, double signalRatio, double maxSignalToNoise) {

    static final int POWER = 30;

    public SoftBounds {
        if (!(lengthScaleRatio > 1) || Double.isInfinite(lengthScaleRatio)) {
            throw new IllegalArgumentException("lengthScaleRatio must be finite and > 1, got " + lengthScaleRatio);
        }
        if (!(signalRatio > 1) || Double.isInfinite(signalRatio)) {
            throw new IllegalArgumentException("signalRatio must be finite and > 1, got " + signalRatio);
        }
        if (!(maxSignalToNoise > 1) || Double.isInfinite(maxSignalToNoise)) {
            throw new IllegalArgumentException("maxSignalToNoise must be finite and > 1, got " + maxSignalToNoise);
        }
    }

    /**
     * Length-scales within a factor 100 of the inputs' spread, sigma_f within a factor 100 of the targets', SNR at most
     * 1000.
     */
    public static SoftBounds defaults() {
        return new SoftBounds(100, 100, 1000);
    }

    /**
     * The penalty at theta, adding its gradient into {@code gradient}.
     *
     * @param theta       log-hyperparameters, length d + 2; not modified
     * @param inputScale  s_j, length d, each > 0; not modified
     * @param targetScale s_y > 0
     * @param gradient    length d + 2; the penalty's gradient is added to it (modified)
     */
    public double penalty(double[] theta, double[] inputScale, double targetScale, double[] gradient) {
        int d = inputScale.length;
        double sum = 0;
        double cl = Math.log(lengthScaleRatio);
        for (int j = 0; j < d; j++) {
            sum += wall(theta[j] - Math.log(inputScale[j]), cl, gradient, j, -1);
        }
        sum += wall(theta[d] - Math.log(targetScale), Math.log(signalRatio), gradient, d, -1);
        sum += wall(theta[d] - theta[d + 1], Math.log(maxSignalToNoise), gradient, d, d + 1);
        return sum;
    }

    /**
     * (u/c)^POWER for u = theta[plus] - theta[minus] (or minus a constant): adds d/du to gradient[plus] and
     * subtracts it from gradient[minus] if minus >= 0.
     */
    private static double wall(double u, double c, double[] gradient, int plus, int minus) {
        double r = u / c;
        double r2 = r * r;
        double r4 = r2 * r2;
        double r8 = r4 * r4;
        double r16 = r8 * r8;
        double r28 = r16 * r8 * r4;
        double value = r28 * r2;
        double derivative = POWER * r28 * r / c;
        gradient[plus] += derivative;
        if (minus >= 0) {
            gradient[minus] -= derivative;
        }
        return value;
    }
}
