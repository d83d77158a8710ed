package mbrllab.core.budget;

import java.util.Locale;

/**
 * What a computation is estimated to cost on this machine, worked out from its sizes before it runs (the
 * experiments' {@code cost} methods, calibrated by {@link Rates}): the wall time with the workers it will have,
 * and the memory it will hold at its peak. Estimates lean to the high side (they may be worst cases), so a refusal
 * by a {@link Budget} is never a surprise, and the defaults stay well inside it.
 *
 * @param seconds estimated wall time, >= 0
 * @param bytes   estimated peak memory, >= 0
 * @param basis   the sizes behind the estimate, for messages, e.g. "30 runs x 50 episodes x n = 0, 5, 50"
 */
public record Cost(double seconds, double bytes, String basis) {

    /** No work. */
    public static final Cost NONE = new Cost(0, 0, "nothing");

    public Cost {
        if (!(seconds >= 0) || !(bytes >= 0)) {
            throw new IllegalArgumentException("seconds and bytes must be >= 0, got " + seconds + " and " + bytes);
        }
        if (basis == null) {
            throw new IllegalArgumentException("basis must not be null");
        }
    }

    /**
     * The cost of {@code cpuSeconds} of single-core work split into {@code pieces} independent pieces that
     * {@code workers} threads share: the wall time is the work over min(workers, pieces).
     */
    public static Cost of(double cpuSeconds, long pieces, int workers, double bytes, String basis) {
        long parallel = Math.max(1, Math.min(Math.max(1, workers), pieces));
        return new Cost(cpuSeconds / parallel, bytes, basis);
    }

    /** This followed by {@code next}: the times add, the peak memory is the larger; the bases are joined. */
    public Cost then(Cost next) {
        return new Cost(seconds + next.seconds, Math.max(bytes, next.bytes), basis + "; " + next.basis);
    }

    /**
     * This computation done {@code times} times one after the other: the times multiply, the peak memory stays
     * (each repetition frees what the previous one held).
     */
    public Cost repeated(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0, got " + times);
        }
        return new Cost(seconds * times, bytes, times + " x (" + basis + ")");
    }

    /** "45 s", "14 min", "3 h 12 min", "9 days". */
    public static String duration(double seconds) {
        if (seconds < 1) {
            return "under a second";
        }
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        double minutes = seconds / 60;
        if (minutes < 90) {
            return Math.round(minutes) + " min";
        }
        double hours = minutes / 60;
        if (hours < 48) {
            long h = (long) hours;
            long m = Math.round((hours - h) * 60);
            if (m == 60) {
                h++;
                m = 0;
            }
            return h + " h" + (m > 0 ? " " + m + " min" : "");
        }
        double days = hours / 24;
        return days < 1e6 ? Math.round(days) + " days" : String.format(Locale.ROOT, "%.1e days", days);
    }

    /** "900 MB", "12.3 GB", "4.1e3 GB". */
    public static String size(double bytes) {
        if (bytes < 1e9) {
            return Math.round(bytes / 1e6) + " MB";
        }
        double gb = bytes / 1e9;
        return gb < 1e4 ? String.format(Locale.ROOT, "%.1f GB", gb) : String.format(Locale.ROOT, "%.1e GB", gb);
    }

    /** "1.2e12", "4,500" for messages. */
    public static String count(double n) {
        if (n < 1e6) {
            return String.format(Locale.ROOT, "%,.0f", n);
        }
        int exponent = (int) Math.floor(Math.log10(n));
        return String.format(Locale.ROOT, "%.1fe%d", n / Math.pow(10, exponent), exponent);
    }
}
