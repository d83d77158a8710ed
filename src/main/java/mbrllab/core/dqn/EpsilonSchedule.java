package mbrllab.core.dqn;

/**
 * Epsilon of epsilon-greedy as a function of the real steps taken: linear from {@code start} to {@code end} over the
 * first {@code steps} real steps, then {@code end}:
 * <pre>
 * epsilon(t) = start + (end - start) min(t, steps) / steps      (epsilon(t) = end when steps = 0)
 * </pre>
 *
 * @param start epsilon at the first real step, in [0, 1]
 * @param end   epsilon after the decay, in [0, 1]
 * @param steps real steps of the decay, in [0, 100,000,000]
 */
public record EpsilonSchedule(double start, double end, long steps) {

    public EpsilonSchedule {
        if (!(start >= 0 && start <= 1)) {
            throw new IllegalArgumentException("start must be in [0, 1], got " + start);
        }
        if (!(end >= 0 && end <= 1)) {
            throw new IllegalArgumentException("end must be in [0, 1], got " + end);
        }
        if (steps < 0 || steps > 100_000_000) {
            throw new IllegalArgumentException("steps must be in [0, 100000000], got " + steps);
        }
    }

    /** A constant epsilon. */
    public static EpsilonSchedule constant(double epsilon) {
        return new EpsilonSchedule(epsilon, epsilon, 0);
    }

    /** Epsilon after t real steps (t &gt;= 0). */
    public double value(long t) {
        if (t >= steps) {
            return end;
        }
        return start + (end - start) * ((double) t / steps);
    }
}
