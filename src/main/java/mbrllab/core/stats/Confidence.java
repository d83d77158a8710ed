package mbrllab.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** Confidence intervals of a mean over independent runs. */
public final class Confidence {

    private Confidence() {
    }

    /**
     * The factor that turns a standard error over {@code runs} runs into the half-width of a two-sided 95%
     * confidence interval of the mean: Student's t quantile t(0.975, runs - 1); 0 for fewer than two runs (no
     * interval).
     */
    public static double factor95(int runs) {
        if (runs < 2) {
            return 0.0;
        }
        return new TDistribution(null, runs - 1).inverseCumulativeProbability(0.975);
    }
}
