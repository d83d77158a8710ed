package mbrllab.core.dyna;

import java.util.List;
import java.util.Locale;

/**
 * Steps per episode of every run of a {@link LearningCurveSpec}, with the mean and its standard error
 * over runs. The statistics are computed in run order, so they are the same bits whatever threads
 * produced the runs.
 */
public final class LearningCurves {

    private final List<Integer> nValues;
    private final int episodes;
    private final int[][][] steps;

    /**
     * @param nValues the n of each curve
     * @param steps   steps[i][r][e]: curve i, run r, episode e (0-based); not copied, not to be changed later
     */
    public LearningCurves(List<Integer> nValues, int[][][] steps) {
        this.nValues = List.copyOf(nValues);
        this.steps = steps;
        this.episodes = steps[0][0].length;
    }

    public List<Integer> nValues() {
        return nValues;
    }

    public int runs() {
        return steps[0].length;
    }

    public int episodes() {
        return episodes;
    }

    /** Steps of episode {@code episode} (0-based) in run {@code run} of curve {@code curve}. */
    public int steps(int curve, int run, int episode) {
        return steps[curve][run][episode];
    }

    /** Mean over runs of the steps of episode {@code episode} (0-based) for curve {@code curve}. */
    public double mean(int curve, int episode) {
        int[][] byRun = steps[curve];
        double sum = 0;
        for (int[] run : byRun) {
            sum += run[episode];
        }
        return sum / byRun.length;
    }

    /**
     * Standard error of that mean: the sample standard deviation over runs divided by sqrt(runs);
     * 0 with a single run.
     */
    public double standardError(int curve, int episode) {
        int[][] byRun = steps[curve];
        int runs = byRun.length;
        if (runs < 2) {
            return 0.0;
        }
        double mean = mean(curve, episode);
        double squares = 0;
        for (int[] run : byRun) {
            double d = run[episode] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (runs - 1) / runs);
    }

    /**
     * The curves as CSV: header {@code episode,n0_mean,n0_se,n5_mean,...} (one mean/se pair per n, in
     * order), then one line per episode numbered from 1. Numbers are printed in full precision.
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("episode");
        for (int n : nValues) {
            sb.append(",n").append(n).append("_mean,n").append(n).append("_se");
        }
        sb.append('\n');
        for (int e = 0; e < episodes; e++) {
            sb.append(e + 1);
            for (int i = 0; i < nValues.size(); i++) {
                sb.append(',').append(format(mean(i, e))).append(',').append(format(standardError(i, e)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
