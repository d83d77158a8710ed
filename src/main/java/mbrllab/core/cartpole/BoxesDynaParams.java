package mbrllab.core.cartpole;

/**
 * Parameters of tabular Dyna-Q on the BOXES task. Defaults ({@link #defaults()}): alpha 0.1, gamma 0.99,
 * epsilon 0.1, n 0.
 *
 * @param alpha   step size, in (0, 1]
 * @param gamma   discount factor, in [0, 1]
 * @param epsilon exploration probability of the epsilon-greedy policy, in [0, 1]
 * @param n       planning updates after every real step, in [0, 1,000,000]
 */
public record BoxesDynaParams(double alpha, double gamma, double epsilon, int n) {

    /** Largest n accepted. */
    public static final int MAX_N = 1_000_000;

    public BoxesDynaParams {
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
    }

    /** alpha 0.1, gamma 0.99, epsilon 0.1, n 0. */
    public static BoxesDynaParams defaults() {
        return new BoxesDynaParams(0.1, 0.99, 0.1, 0);
    }

    public BoxesDynaParams withN(int newN) {
        return new BoxesDynaParams(alpha, gamma, epsilon, newN);
    }

    public BoxesDynaParams withAlpha(double newAlpha) {
        return new BoxesDynaParams(newAlpha, gamma, epsilon, n);
    }

    public BoxesDynaParams withGamma(double newGamma) {
        return new BoxesDynaParams(alpha, newGamma, epsilon, n);
    }

    public BoxesDynaParams withEpsilon(double newEpsilon) {
        return new BoxesDynaParams(alpha, gamma, newEpsilon, n);
    }
}
