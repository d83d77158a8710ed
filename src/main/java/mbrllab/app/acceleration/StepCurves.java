package mbrllab.app.acceleration;

import java.util.ArrayList;
import java.util.List;

import mbrllab.charts.AccelerationChart;
import mbrllab.core.acceleration.AccelerationResult;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.RunRecord;

/**
 * The background experiment's learning curves against real steps, over the runs finished so far: per setting and
 * grid step t, the mean over runs of each run's mean return of its (up to) 10 latest episodes finished by t, with its
 * standard error (runs that had not finished an episode by t, or had stopped before t, do not count), as
 * {@link AccelerationResult#returnAgainstSteps} computes it for the finished experiment. Also steps-to-195 per
 * setting once every run is in.
 *
 * @param names      legend names, one per setting
 * @param curves     one curve per setting
 * @param runsDone   runs finished (summed over settings, divided by the settings)
 * @param runsTotal  runs per setting asked for
 * @param finished   true for the finished experiment's own numbers
 * @param stepsTo195 per setting {mean, se, reached, median} once finished, else null
 * @param runsInAll  runs finished, summed over the settings (settings x runsTotal once finished)
 */
public record StepCurves(List<String> names, List<AccelerationChart.Curve> curves, int runsDone, int runsTotal,
                         boolean finished, double[][] stepsTo195, int runsInAll) {

    /** Grid spacing [real steps]. */
    static final int GRID = 250;

    /** The grid 0, 250, ..., up to the step cap. */
    static int[] grid(AccelerationSpec spec) {
        int points = spec.maxRealSteps() / GRID + 1;
        int[] g = new int[points];
        for (int i = 0; i < points; i++) {
            g[i] = i * GRID;
        }
        return g;
    }

    /** The finished experiment's curves and steps-to-195 (its own numbers, those of {@code accelerate}). */
    static StepCurves exact(AccelerationResult result, List<String> names) {
        AccelerationSpec spec = result.spec();
        int[] grid = grid(spec);
        List<AccelerationChart.Curve> curves = new ArrayList<>();
        double[][] to195 = new double[spec.settings().size()][];
        for (int s = 0; s < spec.settings().size(); s++) {
            double[][] c = result.returnAgainstSteps(s, grid);
            curves.add(new AccelerationChart.Curve(names.get(s), grid, c[0], c[1], c[2]));
            to195[s] = new double[] {result.stepsTo195Mean(s), result.stepsTo195Se(s), result.reached(s),
                result.stepsTo195Median(s)};
        }
        return new StepCurves(names, List.copyOf(curves), spec.runs(), spec.runs(), true, to195,
                spec.runs() * spec.settings().size());
    }

    /** Collects finished runs, in whatever order they come, and gives the curves so far. */
    static final class Builder {
        private final AccelerationSpec spec;
        private final List<String> names;
        private final int[] grid;
        private final List<List<RunRecord>> records = new ArrayList<>();
        private int added;

        Builder(AccelerationSpec spec, List<String> names) {
            this.spec = spec;
            this.names = names;
            this.grid = grid(spec);
            for (int s = 0; s < spec.settings().size(); s++) {
                records.add(new ArrayList<>());
            }
        }

        /** Adds one run of one setting and returns the curves so far. */
        synchronized StepCurves add(int setting, RunRecord record) {
            records.get(setting).add(record);
            added++;
            List<AccelerationChart.Curve> curves = new ArrayList<>();
            for (int s = 0; s < records.size(); s++) {
                curves.add(curve(names.get(s), records.get(s)));
            }
            return new StepCurves(names, List.copyOf(curves), added / records.size(), spec.runs(), false, null, added);
        }

        private AccelerationChart.Curve curve(String name, List<RunRecord> runs) {
            double[] mean = new double[grid.length];
            double[] se = new double[grid.length];
            double[] count = new double[grid.length];
            double[] v = new double[runs.size()];
            for (int g = 0; g < grid.length; g++) {
                int t = grid[g];
                int n = 0;
                for (RunRecord r : runs) {
                    int last = 0;
                    while (last < r.realSteps().length && r.realSteps()[last] <= t) {
                        last++;
                    }
                    if (last == 0 || t > r.counters().realSteps()) {
                        continue;
                    }
                    int from = Math.max(0, last - AccelerationResult.WINDOW);
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
                    continue;
                }
                double m = 0;
                for (int i = 0; i < n; i++) {
                    m += v[i];
                }
                m /= n;
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    ss += (v[i] - m) * (v[i] - m);
                }
                mean[g] = m;
                se[g] = n < 2 ? 0 : Math.sqrt(ss / (n - 1) / n);
            }
            return new AccelerationChart.Curve(name, grid, mean, se, count);
        }
    }
}
