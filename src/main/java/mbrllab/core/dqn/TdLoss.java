package mbrllab.core.dqn;

/** The loss of a TD error delta = Q(x, u) - y in a Q regression step. */
public enum TdLoss {
    /** delta^2 / 2: the lecture's TD update, gradient delta. */
    SQUARED,
    /**
     * Huber with threshold 1: delta^2 / 2 for |delta| &lt;= 1, |delta| - 1/2 beyond; gradient delta clipped to
     * [-1, 1] (Mnih et al. 2015's error clipping).
     */
    HUBER;

    /** The loss of a TD error. */
    public double loss(double delta) {
        if (this == SQUARED || Math.abs(delta) <= 1) {
            return 0.5 * delta * delta;
        }
        return Math.abs(delta) - 0.5;
    }

    /** d loss / d delta. */
    public double derivative(double delta) {
        if (this == SQUARED) {
            return delta;
        }
        return Math.max(-1, Math.min(1, delta));
    }
}
