package mbrllab.app.dynamaze;

import java.util.List;

/**
 * The learning curves over the runs finished so far, for the chart: mean steps per episode and the
 * half-width of its 95% confidence interval, per n.
 *
 * @param nValues   the n of each curve
 * @param runsDone  runs included
 * @param runsTotal runs asked for
 * @param mean      mean[i][e], curve i, episode e (0-based)
 * @param halfWidth halfWidth[i][e], t(0.975, runsDone - 1) times the standard error; 0 with one run
 * @param finished  true for the final result (computed in run order, the same bits as the command line)
 */
public record CurveSnapshot(List<Integer> nValues, int runsDone, int runsTotal, double[][] mean, double[][] halfWidth,
                            boolean finished) {
}
