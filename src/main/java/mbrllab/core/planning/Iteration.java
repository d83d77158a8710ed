package mbrllab.core.planning;

/**
 * One round of a planner's search, for the lab to draw (the fan of candidate rollouts, the elites, CEM's
 * population contracting) and for tests. Arrays are copies made for this record; its accessors return them
 * without copying again, so do not modify them.
 *
 * @param index      0 for the first round
 * @param mean       the sampling distribution's mean per step (H); for random shooting the uniform's, 0
 * @param std        its standard deviation per step (H); for random shooting the uniform's, maxForce / sqrt 3
 * @param sequences  the candidates, population x H forces (row-major)
 * @param returns    J of each candidate (population)
 * @param elites     indices of the elites, best first (K; random shooting: the best alone)
 * @param nextMean   the mean after the refit and smoothing (H); random shooting: the best sequence
 * @param nextStd    the standard deviation after the refit and smoothing (H); random shooting: zeros
 * @param states     null, or the predicted states: population x N x (H+1) x 4 (see {@link SequenceScorer#score})
 */
public record Iteration(int index, double[] mean, double[] std, double[] sequences, double[] returns, int[] elites,
                        double[] nextMean, double[] nextStd, double[] states) {

    public Iteration {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (mean == null || std == null || sequences == null || returns == null || elites == null || nextMean == null
                || nextStd == null) {
            throw new IllegalArgumentException("only states may be null");
        }
        int h = mean.length;
        if (std.length != h || nextMean.length != h || nextStd.length != h || h == 0
                || sequences.length != returns.length * h || elites.length == 0 || elites.length > returns.length) {
            throw new IllegalArgumentException("mean, std, nextMean and nextStd need H values, sequences population "
                    + "x H, and there must be 1 to population elites");
        }
    }

    /** H. */
    public int horizon() {
        return mean.length;
    }

    /** Number of candidates. */
    public int population() {
        return returns.length;
    }

    /** Whether the predicted states were recorded. */
    public boolean hasStates() {
        return states != null;
    }

    /** Particles per candidate in {@link #states()} (0 if not recorded). */
    public int particles() {
        return states == null ? 0 : states.length / (returns.length * (mean.length + 1) * 4);
    }

    /** The best candidate's return. */
    public double bestReturn() {
        return returns[elites[0]];
    }
}
