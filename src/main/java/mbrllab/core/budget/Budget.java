package mbrllab.core.budget;

import java.util.Optional;

/**
 * How much a single computation may cost before it is refused up front: by default 15 minutes of estimated work
 * on this machine and 80% of the memory the JVM may use ({@code -Xmx}). The command line runs a larger one when
 * asked to ({@code --allow-long}); the app refuses it at the field.
 *
 * @param maxSeconds most estimated wall time, > 0
 * @param maxBytes   most estimated peak memory, > 0
 * @param heapBytes  the JVM's maximum heap, for messages
 */
public record Budget(double maxSeconds, double maxBytes, double heapBytes) {

    /** The default limit on work: 15 minutes. */
    public static final double STANDARD_SECONDS = 15 * 60;

    /** The default limit on memory: 80% of the maximum heap. */
    public static final double HEAP_FRACTION = 0.8;

    public Budget {
        if (!(maxSeconds > 0) || !(maxBytes > 0) || !(heapBytes > 0)) {
            throw new IllegalArgumentException("limits must be > 0, got " + maxSeconds + ", " + maxBytes + ", "
                    + heapBytes);
        }
    }

    /** 15 minutes and 80% of this JVM's maximum heap. */
    public static Budget standard() {
        double heap = Runtime.getRuntime().maxMemory();
        return new Budget(STANDARD_SECONDS, HEAP_FRACTION * heap, heap);
    }

    /**
     * Why {@code cost} is over the budget, or empty when it fits:
     * <pre>
     * about 3 h 12 min of work on this machine (10000 runs x 100000 episodes ...), more than the limit of 15 min
     * about 94.0 GB of memory (...), more than the limit of 5.1 GB (80% of the 6.3 GB the JVM may use, -Xmx)
     * </pre>
     */
    public Optional<String> excess(Cost cost) {
        boolean slow = cost.seconds() > maxSeconds;
        boolean big = cost.bytes() > maxBytes;
        if (!slow && !big) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        if (slow) {
            sb.append("about ").append(Cost.duration(cost.seconds())).append(" of work on this machine");
            if (!big) {
                sb.append(" (").append(cost.basis()).append(")");
            }
            sb.append(", more than the limit of ").append(Cost.duration(maxSeconds));
        }
        if (big) {
            sb.append(slow ? ", and " : "").append("about ").append(Cost.size(cost.bytes())).append(" of memory (")
                    .append(cost.basis()).append("), more than the limit of ").append(Cost.size(maxBytes))
                    .append(" (").append(Math.round(100 * maxBytes / heapBytes)).append("% of the ")
                    .append(Cost.size(heapBytes)).append(" the JVM may use, -Xmx)");
        }
        return Optional.of(sb.toString());
    }
}
