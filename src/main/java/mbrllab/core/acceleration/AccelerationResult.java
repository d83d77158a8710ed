package mbrllab.core.acceleration;

/**
 * The runs of an {@link AccelerationSpec} and their statistics. Standard errors are sample standard deviations over
 * runs divided by sqrt(runs) (0 for one run).
 */
public final class AccelerationResult {

    /** The return that counts as balancing: 195 (CartPole-v0's "solved"). */
    public static final double THRESHOLD = 195;
    /** Episodes averaged for the threshold: the last 10. */
    public static final int WINDOW = 10;

    private final AccelerationSpec spec;
    private final RunRecord[][] records;

    /** @param records records[setting][run], none null */
    public AccelerationResult(AccelerationSpec spec, RunRecord[][] records) {
        if (records.length != spec.settings().size()) {
            throw new IllegalArgumentException("one row of records per setting");
        }
        for (RunRecord[] row : records) {
            if (row.length != spec.runs()) {
                throw new IllegalArgumentException("one record per run");
            }
            for (RunRecord r : row) {
                if (r == null) {
                    throw new IllegalArgumentException("a run has no record");
                }
            }
        }
        this.spec = spec;
        this.records = records;
    }

    public AccelerationSpec spec() {
        return spec;
    }

    /** The record of one run of one setting. */
    public RunRecord record(int setting, int run) {
        return records[setting][run];
    }

    /** The most episodes any run of the setting finished. */
    public int maxEpisodes(int setting) {
        int max = 0;
        for (RunRecord r : records[setting]) {
            max = Math.max(max, r.episodes());
        }
        return max;
    }

    /** Runs of the setting that finished episode e (0-based). */
    public int runsWithEpisode(int setting, int e) {
        int count = 0;
        for (RunRecord r : records[setting]) {
            if (r.episodes() > e) {
                count++;
            }
        }
        return count;
    }

    /** Mean return of episode e (0-based) over the runs that finished it; NaN when none did. */
    public double returnMean(int setting, int e) {
        return mean(setting, e, false);
    }

    /** Standard error of that mean. */
    public double returnSe(int setting, int e) {
        return se(setting, e, false);
    }

    /** Mean real steps taken by the end of episode e (0-based) over the runs that finished it; NaN when none did. */
    public double realStepsMean(int setting, int e) {
        return mean(setting, e, true);
    }

    private double value(RunRecord r, int e, boolean steps) {
        return steps ? r.realSteps()[e] : r.returns()[e];
    }

    private double mean(int setting, int e, boolean steps) {
        double sum = 0;
        int n = 0;
        for (RunRecord r : records[setting]) {
            if (r.episodes() > e) {
                sum += value(r, e, steps);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private double se(int setting, int e, boolean steps) {
        int n = runsWithEpisode(setting, e);
        if (n == 0) {
            return Double.NaN;
        }
        double[] v = new double[n];
        int i = 0;
        for (RunRecord r : records[setting]) {
            if (r.episodes() > e) {
                v[i++] = value(r, e, steps);
            }
        }
        return standardError(v);
    }

    /**
     * Per run, the real steps taken by the end of the first episode at which the mean return of its last 10 episodes
     * reaches 195; a run that never does counts at its cap (the spec's maxRealSteps).
     */
    public int[] stepsTo195(int setting) {
        int[] steps = new int[spec.runs()];
        for (int run = 0; run < steps.length; run++) {
            int s = records[setting][run].stepsToThreshold(WINDOW, THRESHOLD);
            steps[run] = s < 0 ? spec.maxRealSteps() : s;
        }
        return steps;
    }

    /**
     * Over the runs that reached 195: the median real steps before the 10 episodes whose mean first reached 195 (where
     * the run learned) and the median steps of those 10 episodes (at least 1,950, where it showed it); NaN, NaN when
     * no run reached 195.
     *
     * @return {median before, median of the window}
     */
    public double[] stepsTo195Split(int setting) {
        java.util.List<Integer> before = new java.util.ArrayList<>();
        java.util.List<Integer> window = new java.util.ArrayList<>();
        for (RunRecord r : records[setting]) {
            int end = r.stepsToThreshold(WINDOW, THRESHOLD);
            if (end >= 0) {
                int b = r.stepsBeforeWindow(WINDOW, THRESHOLD);
                before.add(b);
                window.add(end - b);
            }
        }
        return new double[] {median(before), median(window)};
    }

    private static double median(java.util.List<Integer> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    /** Runs of the setting that reached 195. */
    public int reached(int setting) {
        int count = 0;
        for (RunRecord r : records[setting]) {
            if (r.stepsToThreshold(WINDOW, THRESHOLD) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** Mean of {@link #stepsTo195}. */
    public double stepsTo195Mean(int setting) {
        return mean(toDouble(stepsTo195(setting)));
    }

    /**
     * Median of {@link #stepsTo195} (the mean of the middle two for an even number of runs): what a typical run
     * needed, untouched by the few runs that balance and then lose it for thousands of steps.
     */
    public double stepsTo195Median(int setting) {
        return median(java.util.Arrays.stream(stepsTo195(setting)).boxed().toList());
    }

    /** Standard error of {@link #stepsTo195}. */
    public double stepsTo195Se(int setting) {
        return standardError(toDouble(stepsTo195(setting)));
    }

    /**
     * The paired comparison of steps-to-195, run by run: d_r = steps(a, r) - steps(b, r).
     *
     * @return {mean of d, standard error of d}
     */
    public double[] pairedDifference(int a, int b) {
        int[] sa = stepsTo195(a);
        int[] sb = stepsTo195(b);
        double[] d = new double[sa.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = sa[r] - sb[r];
        }
        return new double[] {mean(d), standardError(d)};
    }

    /**
     * The learning curve against real steps: at each real step t of the grid, per run, the mean return of the (up to)
     * 10 latest episodes finished by step t; then the mean and standard error over the runs that had finished an
     * episode by t and had not stopped before t.
     *
     * @param grid real steps, ascending
     * @return {means, standard errors, runs counted}, NaN where no run counts
     */
    public double[][] returnAgainstSteps(int setting, int[] grid) {
        int runs = spec.runs();
        double[] mean = new double[grid.length];
        double[] se = new double[grid.length];
        double[] count = new double[grid.length];
        double[] v = new double[runs];
        int[] next = new int[runs];
        for (int g = 0; g < grid.length; g++) {
            int t = grid[g];
            int n = 0;
            for (int run = 0; run < runs; run++) {
                RunRecord r = records[setting][run];
                int[] steps = r.realSteps();
                while (next[run] < steps.length && steps[next[run]] <= t) {
                    next[run]++;
                }
                int last = next[run];
                boolean stopped = t > r.counters().realSteps();
                if (last == 0 || stopped) {
                    continue;
                }
                int from = Math.max(0, last - WINDOW);
                double sum = 0;
                for (int e = from; e < last; e++) {
                    sum += r.returns()[e];
                }
                v[n++] = sum / (last - from);
            }
            count[g] = n;
            if (n == 0) {
                mean[g] = Double.NaN;
                se[g] = Double.NaN;
            } else {
                double[] w = java.util.Arrays.copyOf(v, n);
                mean[g] = mean(w);
                se[g] = standardError(w);
            }
        }
        return new double[][] {mean, se, count};
    }

    /**
     * The k-step model error over the runs of a setting that measured it: {mean, standard error} of
     * {@link RolloutError#error(int)} at k, or null when no run did (real-only, or every run ended before its learned
     * model's first fit).
     */
    public double[] rolloutError(int setting, int k) {
        return overRuns(setting, e -> e.error(k));
    }

    /**
     * The error of the k-th model step alone over the runs of a setting that measured it: {mean, standard error} of
     * {@link RolloutError#stepError(int)}, or null when no run did.
     */
    public double[] stepError(int setting, int k) {
        return overRuns(setting, e -> e.stepError(k));
    }

    /**
     * Runs of a setting that measured their model's error at their end: all runs of a setting with a model, except
     * those that ended before their learned model's first fit; 0 for real-only.
     */
    public int errorRuns(int setting) {
        int n = 0;
        for (RunRecord r : records[setting]) {
            if (r.rolloutError() != null) {
                n++;
            }
        }
        return n;
    }

    private double[] overRuns(int setting, java.util.function.ToDoubleFunction<RolloutError> measure) {
        double[] v = new double[errorRuns(setting)];
        if (v.length == 0) {
            return null;
        }
        int i = 0;
        for (RunRecord r : records[setting]) {
            if (r.rolloutError() != null) {
                v[i++] = measure.applyAsDouble(r.rolloutError());
            }
        }
        return new double[] {mean(v), standardError(v)};
    }

    /** The mean over the runs that measured it of the RMSE of state component i after k steps; NaN when none did. */
    public double rolloutRmse(int setting, int k, int component) {
        double sum = 0;
        int n = 0;
        for (RunRecord r : records[setting]) {
            if (r.rolloutError() != null) {
                sum += r.rolloutError().rmse(k, component);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Mean of a process counter over the runs of a setting. */
    public double meanCounter(int setting, java.util.function.ToLongFunction<ProcessCounters> counter) {
        double sum = 0;
        for (RunRecord r : records[setting]) {
            sum += counter.applyAsLong(r.counters());
        }
        return sum / spec.runs();
    }

    private static double[] toDouble(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** Sample standard deviation / sqrt(n); 0 for fewer than two values. */
    static double standardError(double[] v) {
        int n = v.length;
        if (n < 2) {
            return 0;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }
}
