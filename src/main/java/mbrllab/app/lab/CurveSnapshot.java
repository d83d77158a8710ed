package mbrllab.app.lab;

import java.util.List;
import java.util.Locale;

/**
 * Learning curves over the runs finished so far, for a chart: the mean per episode and the half-width of its 95%
 * confidence interval, per curve.
 *
 * @param curves    the n (planning steps) of each curve
 * @param runsDone  runs included
 * @param runsTotal runs asked for
 * @param mean      mean[i][e], curve i, episode e (0-based)
 * @param halfWidth halfWidth[i][e], t(0.975, runsDone - 1) times the standard error; 0 with one run
 * @param finished  true for the final result (computed in run order, the same bits as the command line)
 */
public record CurveSnapshot(List<Integer> curves, int runsDone, int runsTotal, double[][] mean, double[][] halfWidth,
                            boolean finished) {

    /** The n of each curve (the Dyna-maze's name for them). */
    public List<Integer> nValues() {
        return curves;
    }

    /**
     * The learning curves: per n the mean over the runs finished, the 95% half-width, and run 1 (the
     * pane's own episodes), for episodes 1 to the longer of the curves and the panes' finished episodes (at most
     * {@code episodes}). Empty fields where a value is not known yet.
     *
     * @param c        the curves so far, or null
     * @param ns       the n of each curve
     * @param run1     per n, the values of the animated pane's finished episodes
     * @param episodes the most episodes of run 1 to write
     */
    public static String csv(CurveSnapshot c, List<Integer> ns, List<int[]> run1, int episodes) {
        StringBuilder sb = new StringBuilder("episode");
        for (int n : ns) {
            sb.append(",n").append(n).append("_mean,n").append(n).append("_ci95_half,n").append(n).append("_run1");
        }
        sb.append('\n');
        int rows = c == null ? 0 : c.mean()[0].length;
        for (int[] r : run1) {
            rows = Math.max(rows, Math.min(episodes, r.length));
        }
        for (int e = 0; e < rows; e++) {
            sb.append(e + 1);
            for (int i = 0; i < ns.size(); i++) {
                boolean have = c != null && i < c.mean().length && e < c.mean()[i].length;
                sb.append(',').append(have ? String.format(Locale.ROOT, "%.6f", c.mean()[i][e]) : "")
                        .append(',').append(have ? String.format(Locale.ROOT, "%.6f", c.halfWidth()[i][e]) : "");
                int[] steps = i < run1.size() ? run1.get(i) : new int[0];
                sb.append(',').append(e < steps.length && e < episodes ? Integer.toString(steps[e]) : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

}
