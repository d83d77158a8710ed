package mbrllab.core.dyna;

/**
 * Parameters of tabular Dyna-Q. Defaults ({@link #defaults()}) are the Dyna-maze's: gamma 0.95,
 * alpha 0.1, epsilon 0.1, n 5, random tie-breaking, the book's planning sampling.
 *
 * @param alpha         step size, in (0, 1]
 * @param gamma         discount factor, in [0, 1]
 * @param epsilon       exploration probability of the epsilon-greedy policy, in [0, 1]
 * @param n             planning updates after every real step, in [0, 1,000,000]
 * @param tieBreaking   how the greedy action is chosen among equal maxima
 * @param sampling      how planning picks the (x,u) to replay
 */
public record DynaParams(double alpha, double gamma, double epsilon, int n, TieBreaking tieBreaking,
                         PlanningSampling sampling) {

    /** Largest n accepted. */
    public static final int MAX_N = 1_000_000;

    public DynaParams {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        if (n < 0 || n > MAX_N) {
            throw new IllegalArgumentException("n must be in [0, " + MAX_N + "], got " + n);
        }
        if (tieBreaking == null) {
            throw new IllegalArgumentException("tieBreaking must not be null");
        }
        if (sampling == null) {
            throw new IllegalArgumentException("sampling must not be null");
        }
    }

    /** The Dyna-maze defaults of Sutton and Barto, Example 8.1, with n = 5. */
    public static DynaParams defaults() {
        return new DynaParams(0.1, 0.95, 0.1, 5, TieBreaking.RANDOM, PlanningSampling.STATE_THEN_ACTION);
    }

    public DynaParams withN(int newN) {
        return new DynaParams(alpha, gamma, epsilon, newN, tieBreaking, sampling);
    }

    public DynaParams withAlpha(double newAlpha) {
        return new DynaParams(newAlpha, gamma, epsilon, n, tieBreaking, sampling);
    }

    public DynaParams withGamma(double newGamma) {
        return new DynaParams(alpha, newGamma, epsilon, n, tieBreaking, sampling);
    }

    public DynaParams withEpsilon(double newEpsilon) {
        return new DynaParams(alpha, gamma, newEpsilon, n, tieBreaking, sampling);
    }

    public DynaParams withTieBreaking(TieBreaking rule) {
        return new DynaParams(alpha, gamma, epsilon, n, rule, sampling);
    }

    public DynaParams withSampling(PlanningSampling rule) {
        return new DynaParams(alpha, gamma, epsilon, n, tieBreaking, rule);
    }
}
