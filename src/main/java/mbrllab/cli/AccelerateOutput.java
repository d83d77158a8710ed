package mbrllab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

import mbrllab.charts.AccelerationChart;
import mbrllab.charts.RolloutErrorChart;
import mbrllab.core.acceleration.AccelerationResult;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.ProcessCounters;

/**
 * The files of {@code accelerate}, all written here (one place to adopt shared output handling): the learning curves
 * per episode, their chart against real steps, the steps-to-195 summary and the k-step model error.
 */
final class AccelerateOutput {

    /** Real steps between points of the chart against real steps. */
    static final int GRID_STEP = 250;

    private AccelerateOutput() {
    }

    /**
     * Writes the files into {@code dir}, as one unit ({@link Outputs}).
     *
     * @param names column name of each setting, in the spec's order
     * @return the files written
     */
    static List<Path> write(Path dir, AccelerationResult result, List<String> names) {
        Outputs files = Outputs.inFolder("accelerate", "--out", dir);
        files.csv("accelerate.csv", curvesCsv(result, names))
                .png("accelerate.png", learningChart(result, names), 1000, 600)
                .csv("accelerate-summary.csv", summaryCsv(result, names));
        if (hasModelError(result)) {
            files.csv("accelerate-model-error.csv", errorCsv(result, names))
                    .png("accelerate-model-error.png", errorChart(result, names), 900, 560);
        }
        files.commit(); // one unit: a failure leaves every earlier file as it was
        return files.paths();
    }

    /** Whether some run of some setting measured its model's error (none when every run ended before a fit). */
    private static boolean hasModelError(AccelerationResult result) {
        for (int s = 0; s < result.spec().settings().size(); s++) {
            if (result.errorRuns(s) > 0) {
                return true;
            }
        }
        return false;
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    /** episode, then per setting NAME_mean, NAME_se, NAME_real_steps_mean; empty cells where no run has the episode. */
    static String curvesCsv(AccelerationResult result, List<String> names) {
        StringBuilder sb = new StringBuilder("episode");
        for (String name : names) {
            sb.append(',').append(name).append("_mean,").append(name).append("_se,").append(name)
                    .append("_real_steps_mean");
        }
        sb.append('\n');
        int episodes = 0;
        for (int s = 0; s < names.size(); s++) {
            episodes = Math.max(episodes, result.maxEpisodes(s));
        }
        for (int e = 0; e < episodes; e++) {
            sb.append(e + 1);
            for (int s = 0; s < names.size(); s++) {
                sb.append(',').append(number(result.returnMean(s, e), "%.6f"))
                        .append(',').append(number(result.returnSe(s, e), "%.6f"))
                        .append(',').append(number(result.realStepsMean(s, e), "%.1f"));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** setting,steps_to_195_mean,steps_to_195_se,reached,runs. */
    static String summaryCsv(AccelerationResult result, List<String> names) {
        StringBuilder sb = new StringBuilder("setting,steps_to_195_mean,steps_to_195_se,reached,runs\n");
        for (int s = 0; s < names.size(); s++) {
            sb.append(names.get(s)).append(',')
                    .append(String.format(Locale.ROOT, "%.1f,%.1f,%d,%d%n", result.stepsTo195Mean(s),
                            result.stepsTo195Se(s), result.reached(s), result.spec().runs()));
        }
        return sb.toString();
    }

    /**
     * setting,k,error_mean,error_se,x_rmse,x_dot_rmse,theta_rmse,theta_dot_rmse,step_error_mean,step_error_se for the
     * settings with a model (step_error: the k-th model step alone, {@link mbrllab.core.acceleration.RolloutError}),
     * over the runs that measured it (a run that ended before its learned model's first fit did not; a setting none of
     * whose runs did has no rows).
     */
    static String errorCsv(AccelerationResult result, List<String> names) {
        StringBuilder sb = new StringBuilder("setting,k,error_mean,error_se,x_rmse,x_dot_rmse,theta_rmse,"
                + "theta_dot_rmse,step_error_mean,step_error_se\n");
        AccelerationSpec spec = result.spec();
        for (int s = 0; s < names.size(); s++) {
            if (result.errorRuns(s) == 0) {
                continue;
            }
            for (int k = 1; k <= spec.errorHorizon(); k++) {
                double[] e = result.rolloutError(s, k);
                sb.append(names.get(s)).append(',').append(k).append(',')
                        .append(String.format(Locale.ROOT, "%.8f,%.8f", e[0], e[1]));
                for (int i = 0; i < 4; i++) {
                    sb.append(',').append(String.format(Locale.ROOT, "%.8f", result.rolloutRmse(s, k, i)));
                }
                double[] step = result.stepError(s, k);
                sb.append(String.format(Locale.ROOT, ",%.8f,%.8f", step[0], step[1])).append('\n');
            }
        }
        return sb.toString();
    }

    static JFreeChart learningChart(AccelerationResult result, List<String> names) {
        AccelerationSpec spec = result.spec();
        int points = spec.maxRealSteps() / GRID_STEP;
        int[] grid = new int[Math.max(1, points)];
        for (int g = 0; g < grid.length; g++) {
            grid[g] = Math.min(spec.maxRealSteps(), (g + 1) * GRID_STEP);
        }
        List<AccelerationChart.Curve> curves = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            double[][] c = result.returnAgainstSteps(s, grid);
            curves.add(new AccelerationChart.Curve(names.get(s) + " (" + spec.settings().get(s).label() + ")", grid,
                    c[0], c[1], c[2]));
        }
        JFreeChart chart = AccelerationChart.create("Dyna-style DQN on the balance task", curves, spec.task().steps(),
                AccelerationResult.THRESHOLD);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "mean return of the last %d episodes, mean of %d "
                + "runs with 95%% confidence band, seed %d; %d Q updates per real step", AccelerationResult.WINDOW,
                spec.runs(), spec.seed(), spec.params().updatesPerStep())));
        return chart;
    }

    static JFreeChart errorChart(AccelerationResult result, List<String> names) {
        AccelerationSpec spec = result.spec();
        List<RolloutErrorChart.Curve> curves = new ArrayList<>();
        int fewest = spec.runs();
        for (int s = 0; s < names.size(); s++) {
            int runs = result.errorRuns(s);
            if (runs == 0) {
                continue;
            }
            fewest = Math.min(fewest, runs);
            double[] mean = new double[spec.errorHorizon()];
            double[] se = new double[spec.errorHorizon()];
            double[] stepMean = new double[spec.errorHorizon()];
            double[] stepSe = new double[spec.errorHorizon()];
            for (int k = 1; k <= spec.errorHorizon(); k++) {
                double[] e = result.rolloutError(s, k);
                mean[k - 1] = e[0];
                se[k - 1] = e[1];
                double[] step = result.stepError(s, k);
                stepMean[k - 1] = step[0];
                stepSe[k - 1] = step[1];
            }
            curves.add(new RolloutErrorChart.Curve(names.get(s) + ": after k steps", s, mean, se, false, runs));
            curves.add(new RolloutErrorChart.Curve(names.get(s) + ": k-th step alone", s, stepMean, stepSe, true,
                    runs));
        }
        JFreeChart chart = RolloutErrorChart.create("Model rollouts drift from the true physics", curves);
        String over = fewest == spec.runs() ? String.format(Locale.ROOT, "mean of %d runs", spec.runs())
                : String.format(Locale.ROOT, "mean of the runs that fitted their model (at least %d of %d)", fewest,
                spec.runs());
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "from %d states of each run's own real buffer at "
                + "its end, greedy actions; %s with 95%% confidence band, seed %d; dashed: the k-th model "
                + "step from the model's own state, all that one transition in the model buffer gets wrong",
                spec.errorStarts(), over, spec.seed())));
        return chart;
    }

    /** The console summary: steps to 195 per setting, paired differences against the first real-only setting. */
    static String summary(AccelerationResult result, List<String> names) {
        StringBuilder sb = new StringBuilder();
        AccelerationSpec spec = result.spec();
        int realIndex = -1;
        for (int s = 0; s < names.size(); s++) {
            if (!spec.settings().get(s).usesModel() && realIndex < 0) {
                realIndex = s;
            }
        }
        for (int s = 0; s < names.size(); s++) {
            sb.append(String.format(Locale.ROOT, "%-16s steps to 195: %,8.1f +- %,6.1f (se), median %,.1f, "
                    + "reached %d of %d", names.get(s), result.stepsTo195Mean(s), result.stepsTo195Se(s),
                    result.stepsTo195Median(s), result.reached(s), spec.runs()));
            if (realIndex >= 0 && s != realIndex) {
                double[] d = result.pairedDifference(realIndex, s);
                sb.append(String.format(Locale.ROOT, "; %s minus this, run by run: %,.1f +- %,.1f (se)",
                        names.get(realIndex), d[0], d[1]));
            }
            sb.append('\n');
            sb.append(String.format(Locale.ROOT, "%-16s   steps to 195 by run:", ""));
            for (int steps : result.stepsTo195(s)) {
                sb.append(' ').append(steps);
            }
            sb.append('\n');
            double[] split = result.stepsTo195Split(s);
            if (!Double.isNaN(split[0])) {
                sb.append(String.format(Locale.ROOT, "%-16s   of which (medians over the runs that reach 195): before "
                        + "the 10 episodes that reach it %,.1f, those episodes %,.1f (at least 1,950)%n", "", split[0],
                        split[1]));
            }
            sb.append(String.format(Locale.ROOT, "%-16s   per run: real steps %,.0f, episodes %,.0f, Q updates %,.0f, "
                    + "target updates %,.0f, model refits %,.0f (%,.0f Adam steps), model rollouts %,.0f "
                    + "(%,.0f transitions)%n", "",
                    result.meanCounter(s, ProcessCounters::realSteps), result.meanCounter(s, ProcessCounters::episodes),
                    result.meanCounter(s, ProcessCounters::qUpdates),
                    result.meanCounter(s, ProcessCounters::targetUpdates),
                    result.meanCounter(s, ProcessCounters::modelRefits),
                    result.meanCounter(s, ProcessCounters::modelSteps),
                    result.meanCounter(s, ProcessCounters::modelRollouts),
                    result.meanCounter(s, ProcessCounters::modelTransitions)));
            int errorRuns = result.errorRuns(s);
            if (spec.settings().get(s).usesModel() && errorRuns == 0) {
                sb.append(String.format(Locale.ROOT, "%-16s   model error not measured: no run fitted its model (the "
                        + "first fit comes with Q learning, at real step %d)%n", "",
                        spec.params().dqn().learningStarts()));
            } else if (spec.settings().get(s).usesModel()) {
                sb.append(String.format(Locale.ROOT, "%-16s   model error", ""));
                if (errorRuns < spec.runs()) {
                    sb.append(String.format(Locale.ROOT, " (%d of %d runs; the others ended before the first fit, at "
                            + "real step %d)", errorRuns, spec.runs(), spec.params().dqn().learningStarts()));
                }
                for (int k : AccelerationSpec.ERROR_KS) {
                    if (k <= spec.errorHorizon()) {
                        double[] e = result.rolloutError(s, k);
                        sb.append(String.format(Locale.ROOT, "  k=%d: %.4g", k, e[0]));
                    }
                }
                sb.append('\n');
                sb.append(String.format(Locale.ROOT, "%-16s   k-th step alone", ""));
                for (int k : AccelerationSpec.ERROR_KS) {
                    if (k <= spec.errorHorizon()) {
                        sb.append(String.format(Locale.ROOT, "  k=%d: %.4g", k, result.stepError(s, k)[0]));
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
