package mbrllab.core.dqn;

/**
 * How the target network phi follows the online network theta (the lecture's process 3, theta -&gt; phi):
 * <ul>
 *   <li>{@link Kind#HARD}: phi &lt;- theta after every {@code period}-th Q update (Mnih et al. 2015);</li>
 *   <li>{@link Kind#POLYAK}: phi &lt;- (1 - tau) phi + tau theta after every Q update.</li>
 * </ul>
 *
 * @param kind   hard copies or Polyak averaging
 * @param period Q updates between hard copies, in [1, 100,000,000] (used by HARD)
 * @param tau    averaging weight, in (0, 1] (used by POLYAK)
 */
public record TargetUpdate(Kind kind, int period, double tau) {

    /** The two ways of updating the target network. */
    public enum Kind {
        /** Copy the online network every C updates. */
        HARD,
        /** Move towards the online network by tau after every update. */
        POLYAK
    }

    public TargetUpdate {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (period < 1 || period > 100_000_000) {
            throw new IllegalArgumentException("period must be in [1, 100000000], got " + period);
        }
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in (0, 1], got " + tau);
        }
    }

    /** A hard copy every {@code period} Q updates. */
    public static TargetUpdate hard(int period) {
        return new TargetUpdate(Kind.HARD, period, 1);
    }

    /** Polyak averaging with weight tau after every Q update. */
    public static TargetUpdate polyak(double tau) {
        return new TargetUpdate(Kind.POLYAK, 1, tau);
    }

    /** "every C updates" or "Polyak tau". */
    public String describe() {
        return kind == Kind.HARD ? "copy every " + period + " Q updates" : "Polyak, tau " + tau;
    }
}
