package mbrllab.app.cartpole;

import java.util.Arrays;
import java.util.Locale;

/**
 * The last {@value #CAPACITY} samples of a duration (nanoseconds), with percentiles: the animation records the
 * interval between its frames and the time its drawing takes. Not thread-safe (FX thread).
 */
final class FrameStats {

    static final int CAPACITY = 8192;

    private final long[] samples = new long[CAPACITY];
    private int count;
    private long total;

    void add(long nanos) {
        samples[(int) (total % CAPACITY)] = nanos;
        total++;
        count = (int) Math.min(CAPACITY, total);
    }

    int count() {
        return count;
    }

    void clear() {
        count = 0;
        total = 0;
    }

    /** The p-th percentile (0..100, nearest rank) of the kept samples in milliseconds; NaN when empty. */
    double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    /** "p50 1.23 ms, p95 2.34 ms, max 5.67 ms (n samples)". */
    String summary() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d frames)", percentileMillis(50),
                percentileMillis(95), percentileMillis(100), count);
    }
}
