package mbrllab.app.cartpole;

/**
 * The recorded episodes of one cart, with memory bounded in hour-long runs at full speed: it keeps the first
 * {@value #KEEP_FIRST} episodes (early learning, and the learning curve) and the latest {@value #KEEP_LATEST};
 * episodes in between are dropped once newer ones push them out. A record is about half a kilobyte at most, so
 * a cart needs at most about 6 MB. Written by the runner thread, read by the FX thread: every method is
 * synchronized and records are immutable.
 */
public final class EpisodeLog {

    /** Episodes 1 to this are always kept. */
    public static final int KEEP_FIRST = 1_000;
    /** The latest this many episodes are kept. */
    public static final int KEEP_LATEST = 10_000;

    private final EpisodeRecord[] first = new EpisodeRecord[KEEP_FIRST];
    private final EpisodeRecord[] latest = new EpisodeRecord[KEEP_LATEST];
    private int finished;

    /** Adds the next finished episode (numbers must come as 1, 2, 3, ...). */
    public synchronized void add(EpisodeRecord record) {
        if (record.number() != finished + 1) {
            throw new IllegalArgumentException("expected episode " + (finished + 1) + ", got " + record.number());
        }
        finished++;
        if (finished <= KEEP_FIRST) {
            first[finished - 1] = record;
        } else {
            latest[(finished - KEEP_FIRST - 1) % KEEP_LATEST] = record;
        }
    }

    /** Episodes finished so far. */
    public synchronized int finished() {
        return finished;
    }

    /** True when episode {@code number} is finished and still kept. */
    public synchronized boolean has(int number) {
        if (number < 1 || number > finished) {
            return false;
        }
        return number <= KEEP_FIRST || number > finished - KEEP_LATEST;
    }

    /** Episode {@code number}, or null when it is not finished or was dropped. */
    public synchronized EpisodeRecord get(int number) {
        if (!has(number)) {
            return null;
        }
        return number <= KEEP_FIRST ? first[number - 1] : latest[(number - KEEP_FIRST - 1) % KEEP_LATEST];
    }

    /** The kept episode nearest to {@code number} (the later one on a tie), or 0 when none is finished. */
    public synchronized int nearestKept(int number) {
        if (finished == 0) {
            return 0;
        }
        int n = Math.max(1, Math.min(finished, number));
        if (has(n)) {
            return n;
        }
        int lowGap = n - KEEP_FIRST;
        int highGap = (finished - KEEP_LATEST + 1) - n;
        return highGap <= lowGap ? finished - KEEP_LATEST + 1 : KEEP_FIRST;
    }

    /** Scores (return or cost) of the kept episodes from {@code from} up to {@code to}, as {@link #steps}. */
    public synchronized double[] scores(int from, int to) {
        int hi = Math.min(to, finished);
        int count = 0;
        double[] out = new double[Math.max(0, hi - from + 1)];
        for (int e = Math.max(1, from); e <= hi; e++) {
            EpisodeRecord r = get(e);
            if (r == null) {
                break;
            }
            out[count++] = r.score();
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    /**
     * Steps of the kept episodes from {@code from} (1-based) up to {@code to}, in order; fewer if some were dropped.
     */
    public synchronized int[] steps(int from, int to) {
        int hi = Math.min(to, finished);
        int count = 0;
        int[] out = new int[Math.max(0, hi - from + 1)];
        for (int e = Math.max(1, from); e <= hi; e++) {
            EpisodeRecord r = get(e);
            if (r == null) {
                break;
            }
            out[count++] = r.steps();
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }
}
