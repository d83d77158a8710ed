package mbrllab.core.models.gp;

import java.util.Arrays;
import java.util.Locale;

/**
 * Hyperparameters of the squared-exponential kernel with automatic relevance determination (ARD) and
 * Gaussian noise:
 * <pre>
 * k(x, x') = signalStd^2 exp(-1/2 sum_j (x_j - x'_j)^2 / lengthScale_j^2),   y = f(x) + eps, eps ~ N(0, noiseStd^2)
 * </pre>
 * The optimiser works on the log-parameters theta = (log l_1, ..., log l_d, log signalStd, log noiseStd),
 * see {@link #toLog()} and {@link #fromLog(double[])}.
 *
 * @param lengthScales one length-scale per input dimension, d >= 1 entries, each finite and > 0 (copied in and out)
 * @param signalStd    the prior standard deviation of f, finite and > 0
 * @param noiseStd     the standard deviation of the target noise, finite and > 0
 */
public record SeHyperparameters(double[] lengthScales, double signalStd, double noiseStd) {

    public SeHyperparameters {
        if (lengthScales == null || lengthScales.length == 0) {
            throw new IllegalArgumentException("lengthScales must have at least one entry");
        }
        lengthScales = lengthScales.clone();
        for (int j = 0; j < lengthScales.length; j++) {
            if (!(lengthScales[j] > 0) || Double.isInfinite(lengthScales[j])) {
                throw new IllegalArgumentException("lengthScales[" + j + "] must be finite and > 0, got "
                        + lengthScales[j]);
            }
        }
        if (!(signalStd > 0) || Double.isInfinite(signalStd)) {
            throw new IllegalArgumentException("signalStd must be finite and > 0, got " + signalStd);
        }
        if (!(noiseStd > 0) || Double.isInfinite(noiseStd)) {
            throw new IllegalArgumentException("noiseStd must be finite and > 0, got " + noiseStd);
        }
    }

    /** The same length-scale in every one of d dimensions. */
    public static SeHyperparameters isotropic(int d, double lengthScale, double signalStd, double noiseStd) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        double[] l = new double[d];
        Arrays.fill(l, lengthScale);
        return new SeHyperparameters(l, signalStd, noiseStd);
    }

    /** A copy of the length-scales. */
    @Override
    public double[] lengthScales() {
        return lengthScales.clone();
    }

    /** Input dimension d. */
    public int dim() {
        return lengthScales.length;
    }

    /** Length-scale of input j. */
    public double lengthScale(int j) {
        return lengthScales[j];
    }

    /** theta = (log l_1, ..., log l_d, log signalStd, log noiseStd), length d + 2. */
    public double[] toLog() {
        int d = lengthScales.length;
        double[] theta = new double[d + 2];
        for (int j = 0; j < d; j++) {
            theta[j] = Math.log(lengthScales[j]);
        }
        theta[d] = Math.log(signalStd);
        theta[d + 1] = Math.log(noiseStd);
        return theta;
    }

    /** The inverse of {@link #toLog()}; theta has length d + 2 >= 3. */
    public static SeHyperparameters fromLog(double[] theta) {
        if (theta.length < 3) {
            throw new IllegalArgumentException("theta must have length d + 2 >= 3, got " + theta.length);
        }
        int d = theta.length - 2;
        double[] l = new double[d];
        for (int j = 0; j < d; j++) {
            l[j] = Math.exp(theta[j]);
        }
        return new SeHyperparameters(l, Math.exp(theta[d]), Math.exp(theta[d + 1]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeHyperparameters h && Arrays.equals(lengthScales, h.lengthScales)
                && Double.compare(signalStd, h.signalStd) == 0 && Double.compare(noiseStd, h.noiseStd) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(lengthScales) + Double.hashCode(signalStd)) + Double.hashCode(noiseStd);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SeHyperparameters[lengthScales=[");
        for (int j = 0; j < lengthScales.length; j++) {
            s.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", lengthScales[j]));
        }
        return s.append(String.format(Locale.ROOT, "], signalStd=%.6g, noiseStd=%.6g]", signalStd, noiseStd))
                .toString();
    }
}
