package mbrllab.app.lab;

import java.util.List;

import mbrllab.core.dyna.LearningCurves;
import mbrllab.core.stats.Confidence;

/**
 * Learning curves that fill in while the runs of an experiment finish, in whatever order: running sums of the value
 * and its square per (curve, episode), so each added run costs O(curves x episodes) whatever the number of runs. The
 * final snapshot comes from the experiment's own result ({@link #exact}), so it has the command line's bits.
 */
public final class CurveStats {

    private final List<Integer> curves;
    private final int runsTotal;
    private final double[][] sum;
    private final double[][] sumSquares;
    private int done;

    /**
     * @param curves    the n of each curve
     * @param runsTotal runs asked for
     * @param episodes  episodes per run
     */
    public CurveStats(List<Integer> curves, int runsTotal, int episodes) {
        this.curves = List.copyOf(curves);
        this.runsTotal = runsTotal;
        this.sum = new double[curves.size()][episodes];
        this.sumSquares = new double[curves.size()][episodes];
    }

    /**
     * Adds one finished run and returns the curves over the runs so far. Safe from several threads.
     *
     * @param values values[i][e] of curve i at episode e; not modified
     */
    public synchronized CurveSnapshot add(int[][] values) {
        done++;
        int episodes = sum.length == 0 ? 0 : sum[0].length;
        double[][] mean = new double[sum.length][episodes];
        double[][] half = new double[sum.length][episodes];
        double t = Confidence.factor95(done);
        for (int i = 0; i < sum.length; i++) {
            for (int e = 0; e < episodes; e++) {
                double v = values[i][e];
                sum[i][e] += v;
                sumSquares[i][e] += v * v;
                double m = sum[i][e] / done;
                mean[i][e] = m;
                if (done > 1) {
                    double var = Math.max(0, (sumSquares[i][e] - done * m * m) / (done - 1));
                    half[i][e] = t * Math.sqrt(var / done);
                }
            }
        }
        return new CurveSnapshot(curves, done, runsTotal, mean, half, false);
    }

    /** The finished experiment's curves: its means and 95% half-widths exactly. */
    public static CurveSnapshot exact(LearningCurves result) {
        int n = result.nValues().size();
        double[][] mean = new double[n][result.episodes()];
        double[][] half = new double[n][result.episodes()];
        double t = Confidence.factor95(result.runs());
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < result.episodes(); e++) {
                mean[i][e] = result.mean(i, e);
                half[i][e] = t * result.standardError(i, e);
            }
        }
        return new CurveSnapshot(result.nValues(), result.runs(), result.runs(), mean, half, true);
    }
}
