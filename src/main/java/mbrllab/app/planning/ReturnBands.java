package mbrllab.app.planning;

import java.util.List;

import mbrllab.core.stats.Confidence;

/**
 * The return per episode over the background runs finished so far: mean and the half-width of its 95% confidence
 * interval (t(0.975, R - 1) times the standard error; 0 with one run), and the share of runs that succeeded.
 *
 * @param runsDone  runs included
 * @param runsTotal runs asked for
 * @param mean      mean[e], episode e + 1
 * @param halfWidth halfWidth[e]
 * @param successes successes[e]: runs whose episode e + 1 succeeded
 * @param finished  true for the whole experiment's result
 */
record ReturnBands(int runsDone, int runsTotal, double[] mean, double[] halfWidth, int[] successes,
                   boolean finished) {

    /**
     * The bands of some runs.
     *
     * @param returns   per run its returns per episode (all the same length); not modified
     * @param successes per run whether each episode succeeded
     */
    static ReturnBands of(List<double[]> returns, List<boolean[]> successes, int runsTotal, boolean finished) {
        int runs = returns.size();
        int episodes = runs == 0 ? 0 : returns.get(0).length;
        double[] mean = new double[episodes];
        double[] half = new double[episodes];
        int[] ok = new int[episodes];
        double t = runs > 1 ? Confidence.factor95(runs) : 0;
        for (int e = 0; e < episodes; e++) {
            double sum = 0;
            for (double[] r : returns) {
                sum += r[e];
            }
            double m = sum / runs;
            double ss = 0;
            for (double[] r : returns) {
                ss += (r[e] - m) * (r[e] - m);
            }
            mean[e] = m;
            half[e] = runs > 1 ? t * Math.sqrt(ss / (runs - 1) / runs) : 0;
            for (boolean[] s : successes) {
                ok[e] += s[e] ? 1 : 0;
            }
        }
        return new ReturnBands(runs, runsTotal, mean, half, ok, finished);
    }
}
